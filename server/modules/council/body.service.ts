/**
 * Village bodies (docs/architecture.md, "Councils as bodies"): the committee creates the village's
 * bodies and records who serves, in which role, for which term; ending a term keeps the row, so a
 * body's history stays. The law's separation is enforced: a member of the 村民委员会 (or a holder of
 * the COMMITTEE role) and their close relatives cannot join the 村务监督委员会, and the other way
 * round. Membership of the supervisory body does not make anyone a SUPERVISOR: the town appoints
 * (supervisor.set); the body's members and the appointed supervisors are shown side by side.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { villageDay } from "@/server/lib/village-time.schema";
import { villageCommitteeUserIds, villageSupervisorNames } from "../accounts/account.read";
import { recordAudit, auditScope } from "../audit/audit.service";
import { relationsBetween } from "../awards/for-council.read";
import { findVillagePeople, villageHouseholdsOfUsers, villagePerson } from "../households/for-council.read";
import { memberLabels } from "../households/member.read";
import { villageAmong } from "../regions/region.read";
import { assertNoConflict, opposingKind, separationConflict, termOpen, termRuns, type SidePerson } from "./body.policy";
import * as repo from "./body.repo";
import type { AddBodyMemberInput, BodyKind, CreateBodyInput, EndTermInput } from "./body.schema";
import { noticeVillage } from "./notice.policy";

const PEOPLE_MAX = 50;

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const asDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Creates a body of the actor's village. */
export async function createBody(deps: Deps, actor: Actor, input: CreateBodyInput) {
  const villageId = noticeVillage(actor);
  return deps.db.$transaction(async (tx) => {
    const body = await repo.createBody(tx, { villageId, kind: input.kind, name: input.name, createdById: actor.userId });
    await recordAudit(tx, actor, { regionId: villageId, action: "body.create", entity: "Body", entityId: body.id, after: { kind: input.kind, name: input.name } });
    return { id: body.id };
  });
}

/** The people of the opposing side of the separation for a candidate to a body of `kind`, with their households. */
async function opposingSide(tx: Tx, villageId: string, kind: BodyKind, today: string): Promise<SidePerson[]> {
  const opposing = opposingKind(kind);
  if (!opposing) return [];
  const terms = (await repo.unendedTermsOfKind(tx, villageId, opposing)).filter((m) => termOpen(m, today));
  const side: SidePerson[] = terms.map((m) => ({ memberId: m.householdMemberId, userId: m.userId, householdIds: [m.householdId] }));
  // the COMMITTEE role counts as serving on the 村民委员会, and the town's SUPERVISOR appointment as
  // serving on the 村务监督委员会, even without a body row
  const roleHolders =
    opposing === "COMMITTEE" ? await villageCommitteeUserIds(tx, villageId) : (await villageSupervisorNames(tx, villageId)).map((s) => s.userId);
  const users = [...new Set([...side.map((s) => s.userId), ...roleHolders].filter((x): x is string => !!x))];
  const households = await villageHouseholdsOfUsers(tx, villageId, users);
  for (const s of side) if (s.userId) s.householdIds.push(...(households.get(s.userId) ?? []));
  for (const u of roleHolders) side.push({ memberId: null, userId: u, householdIds: households.get(u) ?? [] });
  return side;
}

/**
 * Adds a person (a member of one of the village's households) to a body with a role and a term.
 * Throws NOT_FOUND (body of another village or none), BODY_PERSON_NOT_IN_VILLAGE, BODY_PERSON_LEFT,
 * BODY_ALREADY_MEMBER, and the separation's BODY_EXCLUDED_* codes.
 */
export async function addMember(deps: Deps, actor: Actor, input: AddBodyMemberInput) {
  const villageId = noticeVillage(actor);
  const today = villageDay(deps.now());
  return deps.db.$transaction(async (tx) => {
    await repo.lockVillageBodies(tx, villageId);
    const body = await repo.findBody(tx, villageId, input.bodyId);
    if (!body) throw new DomainError("NOT_FOUND");
    const person = await villagePerson(tx, villageId, input.personId);
    if (!person) throw new DomainError("BODY_PERSON_NOT_IN_VILLAGE");
    if (!person.active) throw new DomainError("BODY_PERSON_LEFT");
    if ((await repo.unendedTermsOf(tx, villageId, body.id, person.id)).some((m) => termOpen(m, today))) {
      throw new DomainError("BODY_ALREADY_MEMBER");
    }
    const others = await opposingSide(tx, villageId, body.kind, today);
    if (others.length > 0) {
      const userIds = [...others.map((o) => o.userId), person.userId].filter((x): x is string => !!x);
      const householdIds = [...others.flatMap((o) => o.householdIds), person.householdId];
      const relations = await relationsBetween(tx, villageId, userIds, householdIds);
      assertNoConflict(separationConflict(body.kind, { memberId: person.id, userId: person.userId, householdId: person.householdId }, others, relations));
    }
    const m = await repo.createMember(tx, {
      bodyId: body.id,
      villageId,
      householdMemberId: person.id,
      householdId: person.householdId,
      userId: person.userId,
      role: input.role,
      termStart: asDate(input.termStart),
      termEnd: input.termEnd ? asDate(input.termEnd) : null,
      createdById: actor.userId,
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "body.addMember",
      entity: "BodyMember",
      entityId: m.id,
      after: { bodyId: body.id, body: body.name, person: person.name, household: person.householdNumber, role: input.role, termStart: input.termStart, termEnd: input.termEnd ?? null },
    });
    return { id: m.id };
  });
}

/**
 * Ends a term on `day` (today by default); the row stays as history.
 * Throws NOT_FOUND, BODY_TERM_ENDED, BODY_TERM_END_BEFORE_START.
 */
export async function endTerm(deps: Deps, actor: Actor, input: EndTermInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  const day = input.day ?? villageDay(at);
  return deps.db.$transaction(async (tx) => {
    await repo.lockVillageBodies(tx, villageId);
    const m = await repo.findMember(tx, villageId, input.id);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.endedAt) throw new DomainError("BODY_TERM_ENDED");
    if (day < asDay(m.termStart)!) throw new DomainError("BODY_TERM_END_BEFORE_START");
    if ((await repo.endTerm(tx, villageId, m.id, asDate(day), at)) === 0) throw new DomainError("BODY_TERM_ENDED");
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "body.endTerm",
      entity: "BodyMember",
      entityId: m.id,
      before: { bodyId: m.bodyId, role: m.role, termEnd: asDay(m.termEnd) },
      after: { termEnd: day },
    });
    return { id: m.id, termEnd: day };
  });
}

/**
 * A village's bodies with every term (current and past) and, for the supervisory body, the town's
 * appointed supervisors beside its members: members not appointed and supervisors not in the body
 * are listed as the mismatch.
 */
async function bodiesView(deps: Deps, villageId: string) {
  const today = villageDay(deps.now());
  const bodies = await repo.listBodies(deps.db, villageId);
  const [terms, supervisors] = await Promise.all([
    repo.listMembers(deps.db, villageId, bodies.map((b) => b.id)),
    villageSupervisorNames(deps.db, villageId),
  ]);
  const labels = await memberLabels(deps.db, terms.map((m) => m.householdMemberId));
  const supervisorIds = new Set(supervisors.map((s) => s.userId));
  return {
    today,
    bodies: bodies.map((b) => {
      const mine = terms
        .filter((m) => m.bodyId === b.id)
        .map((m) => ({
          id: m.id,
          personId: m.householdMemberId,
          name: labels.get(m.householdMemberId)?.name ?? "",
          householdNumber: labels.get(m.householdMemberId)?.householdNumber ?? "",
          userId: m.userId,
          role: m.role,
          termStart: asDay(m.termStart)!,
          termEnd: asDay(m.termEnd),
          ended: !!m.endedAt,
          current: termRuns(m, today),
          upcoming: !m.endedAt && asDay(m.termStart)! > today,
        }));
      const current = mine.filter((m) => m.current);
      const supervisory =
        b.kind === "SUPERVISORY"
          ? {
              supervisors,
              notAppointed: current.filter((m) => !m.userId || !supervisorIds.has(m.userId)).map((m) => ({ id: m.id, name: m.name })),
              notInBody: supervisors.filter((s) => !current.some((m) => m.userId === s.userId)),
            }
          : null;
      return { ...b, current, past: mine.filter((m) => !m.current && !m.upcoming), upcoming: mine.filter((m) => m.upcoming), supervisory };
    }),
  };
}

/** The committee's (and the supervisors') view of the village's bodies. */
export function staffBodies(deps: Deps, actor: Actor) {
  return bodiesView(deps, noticeVillage(actor));
}

/** A village's bodies for the town or county above it (read-only). Throws NOT_FOUND outside their region. */
export async function villageBodies(deps: Deps, actor: Actor, villageId: string) {
  const v = await villageAmong(deps.db, villageId, await auditScope(deps.db, actor));
  if (!v) throw new DomainError("NOT_FOUND");
  return { village: v, ...(await bodiesView(deps, v.id)) };
}

/** The village's bodies for villagers on 村务: current members' names and roles only. */
export async function board(deps: Deps, actor: Actor) {
  const view = await bodiesView(deps, noticeVillage(actor));
  return {
    bodies: view.bodies.map((b) => ({
      id: b.id,
      kind: b.kind,
      name: b.name,
      members: b.current.map((m) => ({ id: m.id, name: m.name, role: m.role, termEnd: m.termEnd })),
    })),
  };
}

/** People of the village's households the committee can pick, by name. */
export async function people(deps: Deps, actor: Actor, q: string) {
  const rows = await findVillagePeople(deps.db, noticeVillage(actor), q, PEOPLE_MAX);
  return rows.map((p) => ({ id: p.id, name: p.name, householdNumber: p.householdNumber }));
}
