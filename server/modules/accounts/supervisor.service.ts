/**
 * Supervisors (村务监督委员会) are appointed and removed by the town, never by the village committee
 * they watch (later a recorded election will do it). Each change is audited in the village's trail,
 * where the village's supervisors see it.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { maskPhone } from "@/server/lib/words.schema";
import { auditOfActions } from "../audit/audit.read";
import { auditScope, recordAudit } from "../audit/audit.service";
import { villageAmong } from "../regions/region.read";
import { roleConflict } from "./account.policy";
import * as repo from "./account.repo";
import type { SupervisorHistoryInput, SupervisorSetInput, SupervisorVillageInput } from "./account.schema";

/** Actions of the town on a village's supervisors, as written to the audit trail. */
export const SUPERVISOR_ACTIONS = ["supervisor.appoint", "supervisor.remove"] as const;

/** The village when it lies under the admin's town (or county); NOT_FOUND otherwise. */
async function villageInScope(deps: Deps, actor: Actor, villageId: string) {
  const v = await villageAmong(deps.db, villageId, await auditScope(deps.db, actor));
  if (!v) throw new DomainError("NOT_FOUND");
  return v;
}

/** A village's supervisors and the people who could be appointed (masked phones). Throws NOT_FOUND. */
export async function villageSupervisors(deps: Deps, actor: Actor, input: SupervisorVillageInput) {
  const v = await villageInScope(deps, actor, input.villageId);
  const [supervisors, people] = await Promise.all([
    repo.listSupervisors(deps.db, v.id),
    repo.listVillageUsers(deps.db, v.id, input.query || undefined),
  ]);
  return {
    village: v,
    supervisors: supervisors.map((s) => ({ userId: s.user.id, name: s.user.name, phoneMasked: maskPhone(s.user.phone), since: s.createdAt })),
    people: people.map((u) => ({
      id: u.id,
      name: u.name,
      phoneMasked: maskPhone(u.phone),
      roles: u.memberships.map((m) => m.role as string),
    })),
  };
}

/**
 * Appoints or removes a supervisor of a village under the admin. The person must be of the village and
 * hold no COMMITTEE or SHOPKEEPER role there.
 * Throws NOT_FOUND (village outside the admin's region, or person not of the village), ROLE_CONFLICT.
 */
export async function setSupervisor(deps: Deps, actor: Actor, input: SupervisorSetInput) {
  const v = await villageInScope(deps, actor, input.villageId);
  const u = await repo.findVillagePerson(deps.db, v.id, input.userId);
  if (!u) throw new DomainError("NOT_FOUND");
  return deps.db.$transaction(async (tx) => {
    const held = await repo.activeRolesInVillage(tx, v.id, u.id);
    const was = held.includes("SUPERVISOR");
    if (was === input.enabled) return { ok: true, changed: false };
    if (input.enabled) {
      const conflict = roleConflict(held, "SUPERVISOR");
      if (conflict) throw new DomainError(conflict);
    }
    await repo.setSupervisorRole(tx, v.id, u.id, input.enabled);
    await recordAudit(tx, actor, {
      regionId: v.id,
      action: input.enabled ? "supervisor.appoint" : "supervisor.remove",
      entity: "User",
      entityId: u.id,
      before: { role: "SUPERVISOR", active: was },
      after: { role: "SUPERVISOR", active: input.enabled, userId: u.id },
    });
    return { ok: true, changed: true };
  });
}

/**
 * What the town changed about the village's supervisors, newest first: the village's supervisors and
 * committee see who was appointed or removed in their village, by whom and when; the town (or county)
 * sees it for a village below it. A village actor always reads their own village, whatever id is sent.
 * Throws NOT_FOUND (an admin without a village id, or a village outside their region).
 */
export async function supervisorHistory(deps: Deps, actor: Actor, input?: SupervisorHistoryInput) {
  const villageId = actor.villageId ?? (await villageInScope(deps, actor, input?.villageId ?? "__none__")).id;
  const rows = await auditOfActions(deps.db, villageId, SUPERVISOR_ACTIONS);
  const names = await repo.userNamesIn(deps.db, rows.flatMap((r) => [r.entityId, r.actorUserId]));
  return rows.map((r) => ({
    id: r.id,
    action: r.action as (typeof SUPERVISOR_ACTIONS)[number],
    person: names.get(r.entityId) ?? "",
    by: r.actorUserId ? (names.get(r.actorUserId) ?? "") : "",
    byRole: r.actorRole,
    at: r.createdAt,
  }));
}
