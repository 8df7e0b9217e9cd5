import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/lib/deps";
import type { Db } from "@/server/db/client";
import { userNames } from "../accounts/account.read";
import { householdLabels, memberLabels } from "../households/member.read";
import { gridNames, regionAndBelow, regionNames } from "../regions/region.read";
import * as repo from "./audit.repo";
import type { AuditListInput } from "./audit.schema";

type Json = Record<string, unknown> | null;

/** For a statement that writes its change and the change's audit records in one round trip (see audit.repo). */
export { auditInsertSql } from "./audit.repo";

/**
 * The system itself as the author of an audit record: jobs (finalization, expiry) act for nobody,
 * and their records say so by having no acting user and no role.
 */
export const SYSTEM_ACTOR = Object.freeze({ system: true as const });
export type SystemActor = typeof SYSTEM_ACTOR;

/**
 * Writes one audit record inside the caller's transaction, so the change and its record land together.
 * `regionId` null: a record of no place (a failed sign-in on an unknown phone), readable in the database only.
 */
export async function recordAudit(
  tx: Tx | Db,
  actor: Actor | SystemActor,
  entry: { regionId: string | null; action: string; entity: string; entityId: string; before?: Json; after?: Json },
): Promise<void> {
  const human = "userId" in actor ? actor : null;
  await repo.insertAudit(tx, { ...entry, actorUserId: human?.userId ?? null, actorRole: human?.role ?? null });
}

/** Region ids the actor may read the audit trail of: their village, or every region below their town/county. */
export async function auditScope(db: Db | Tx, actor: Actor): Promise<string[]> {
  if (actor.villageId) return [actor.villageId];
  return regionAndBelow(db, actor.regionId);
}

/** Keys that must never be shown, even if a careless writer put them in a record. */
const SECRET_KEY = /password|hash|secret|token|^pin|Pin$/i;

/** A record's before/after as a flat object without secrets (non-objects become null). */
export function cleanSnapshot(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (!SECRET_KEY.test(k)) out[k] = v;
  return out;
}

/** Ids a snapshot refers to (gridId, userId, townId, …), so the page can show names instead. */
function referencedIds(snap: Record<string, unknown> | null): string[] {
  if (!snap) return [];
  return Object.entries(snap)
    .filter(([k, v]) => /Id$/.test(k) && typeof v === "string" && v.length <= 40)
    .map(([, v]) => v as string);
}

/**
 * Readable names for ids of the records on one page: households ("001 王建国"), members, people,
 * places and grids. Only names, never phone numbers. Every id comes from records already in scope.
 */
async function labelsFor(db: Db, ids: string[]): Promise<{ labels: Record<string, string>; kinds: Record<string, string> }> {
  if (ids.length === 0) return { labels: {}, kinds: {} };
  const [households, members, users, regions, grids] = await Promise.all([
    householdLabels(db, ids),
    memberLabels(db, ids),
    userNames(db, ids),
    regionNames(db, ids),
    gridNames(db, ids),
  ]);
  const labels: Record<string, string> = {};
  /** which table an id was found in, e.g. an import record cites its village */
  const kinds: Record<string, string> = {};
  const put = (kind: string, id: string, label: string) => {
    labels[id] = label;
    kinds[id] = kind;
  };
  for (const [id, name] of regions) put("Region", id, name);
  for (const [id, name] of grids) put("Grid", id, name);
  for (const [id, name] of users) put("User", id, name);
  for (const [id, m] of members) put("HouseholdMember", id, `${m.name}（${m.householdNumber}）`);
  for (const [id, h] of households) put("Household", id, `${h.number} ${h.headName}`);
  return { labels, kinds };
}

/** The audit trail of the regions the actor may read, newest first, with names for the ids it cites. */
export async function listAudit(db: Db, actor: Actor, input: AuditListInput) {
  const ids = await auditScope(db, actor);
  const rows = await repo.auditPage(db, ids, input.take, input.cursor);
  const page = rows.slice(0, input.take).map((r) => ({ ...r, before: cleanSnapshot(r.before), after: cleanSnapshot(r.after) }));
  const wanted = new Set<string>();
  for (const r of page) {
    wanted.add(r.entityId);
    if (r.regionId) wanted.add(r.regionId);
    if (r.actorUserId) wanted.add(r.actorUserId);
    for (const id of [...referencedIds(r.before), ...referencedIds(r.after)]) wanted.add(id);
  }
  const { labels, kinds } = await labelsFor(db, [...wanted]);
  return {
    items: page.map(({ actorUserId, ...r }) => ({
      ...r,
      actorName: actorUserId ? (labels[actorUserId] ?? "") : "",
      regionName: r.regionId ? (labels[r.regionId] ?? "") : "",
      entityLabel: labels[r.entityId] ?? null,
      /** the kind of record the entity id was found as (may differ from `entity`, e.g. an import cites its village) */
      entityKind: kinds[r.entityId] ?? r.entity,
    })),
    /** names for ids found in before/after (grids, people, households, places) */
    labels,
    nextCursor: rows.length > input.take ? page[page.length - 1]!.id : null,
  };
}
