/**
 * 人民调解 (docs/architecture.md, "Mediation"): a dispute between households of the village becomes a
 * case with its parties (households), its mediators (current members of the 人民调解委员会, or the grid
 * worker of a party's grid), sessions (when, where, who came, notes) and an outcome: RESOLVED when
 * every party household confirmed the recorded agreement (in the app, or on paper through a
 * mediator), REFERRED to the town with a reason, or WITHDRAWN. A case is due 30 days after it opened.
 *
 * Cases are not public. A case is found only *with* the reader's scope in the `where`: the village
 * committee and the 人民调解委员会 read all of the village's cases, anyone else only the cases they
 * mediate or their household is a party to (NOT_FOUND otherwise). Only the case's mediators act on it
 * (MEDIATION_NOT_MEDIATOR). The town reads numbers only (`stats`). Audit records carry ids and states,
 * never the summary, notes or agreement; notifications go to the party households.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { villageDay, villageMinute } from "@/server/lib/village-time.schema";
import { gridWorkersOf } from "../accounts/for-mediation.read";
import { auditScope, recordAudit } from "../audit/audit.service";
import { mediationCommittee } from "../council/for-mediation.read";
import { activeHouseholdsOfUser, partyHouseholds, pickableHouseholds } from "../households/for-mediation.read";
import { memberNames } from "../households/member.read";
import { notify } from "../notifications/notification.service";
import { regionNames } from "../regions/region.read";
import type { AgreeInput, FollowUpInput, MediationType, OpenCaseInput, ReasonInput, RecordSessionInput, ScheduleSessionInput } from "./mediation.schema";
import { MEDIATION_TYPES } from "./mediation.schema";
import * as repo from "./mediation.repo";
import { deadlineOf, isOverdue, medianDays, successRate } from "./mediation.rules";

const LIST_MAX = 200;
type Db = Deps["db"] | Tx;

function villageOfActor(actor: Actor): string {
  if (!actor.villageId) throw new DomainError("FORBIDDEN");
  return actor.villageId;
}

/** The current members of the 人民调解委员会 who have an account, with their names. */
async function committeeMediators(db: Db, villageId: string, now: Date) {
  const members = (await mediationCommittee(db, villageId, villageDay(now))).filter((m) => m.userId);
  const names = await memberNames(db, members.map((m) => m.householdMemberId));
  const seen = new Set<string>();
  return members.flatMap((m) => {
    if (seen.has(m.userId!)) return [];
    seen.add(m.userId!);
    return [{ userId: m.userId!, name: names.get(m.householdMemberId) ?? "", kind: "BODY_MEMBER" as const }];
  });
}

/** What the actor may read: all of the village's cases, or those they mediate or are a party to. */
async function scopeOf(db: Db, actor: Actor, now: Date): Promise<repo.CaseScope> {
  const villageId = villageOfActor(actor);
  const householdIds = await activeHouseholdsOfUser(db, villageId, actor.userId);
  const onCommittee = actor.role === "COMMITTEE" || (await committeeMediators(db, villageId, now)).some((m) => m.userId === actor.userId);
  return { villageId, all: onCommittee, userId: actor.userId, householdIds };
}

/** Who may mediate a case between these households: the 人民调解委员会 and the parties' grid workers. */
async function candidatesFor(db: Db, villageId: string, gridIds: (string | null)[], now: Date) {
  const body = await committeeMediators(db, villageId, now);
  const grid = (await gridWorkersOf(db, villageId, gridIds.filter((g): g is string => !!g)))
    .filter((g) => !body.some((b) => b.userId === g.userId))
    .map((g) => ({ userId: g.userId, name: g.name, kind: "GRID_WORKER" as const }));
  const unique = new Map<string, { userId: string; name: string; kind: "BODY_MEMBER" | "GRID_WORKER" }>();
  for (const c of [...body, ...grid]) if (!unique.has(c.userId)) unique.set(c.userId, c);
  return [...unique.values()];
}

/**
 * The households a case may be opened between (the village's active ones) and, for the chosen
 * households, who may mediate it.
 */
export async function candidates(deps: Deps, actor: Actor, input: { householdIds: string[] }) {
  const villageId = villageOfActor(actor);
  const now = deps.now();
  // a grid worker may open a case between a household of their grid and one elsewhere in the village
  const households = await pickableHouseholds(deps.db, villageId);
  const chosen = await partyHouseholds(deps.db, villageId, input.householdIds);
  const mediators = await candidatesFor(deps.db, villageId, chosen.map((h) => h.gridId), now);
  return { households: households.map((h) => ({ id: h.id, number: h.number, headName: h.headName })), mediators: mediators.map((m) => ({ userId: m.userId, name: m.name, kind: m.kind })) };
}

/**
 * Opens a case between two or more households of the village. Throws MEDIATION_PARTIES_INVALID (fewer
 * than two distinct active households of the village), PROXY_OUT_OF_GRID (a grid worker naming no
 * household of their grid), MEDIATION_MEDIATOR_REQUIRED, MEDIATION_MEDIATOR_INVALID (not a current
 * 调委会 member or a party's grid worker), MEDIATION_MEDIATOR_IS_PARTY (a mediator of a party household).
 */
export async function openCase(deps: Deps, actor: Actor, input: OpenCaseInput) {
  const villageId = villageOfActor(actor);
  const at = deps.now();
  const ids = [...new Set(input.householdIds)];
  return deps.db.$transaction(async (tx) => {
    const households = await partyHouseholds(tx, villageId, ids);
    if (ids.length < 2 || households.length !== ids.length || households.some((h) => !h.active)) throw new DomainError("MEDIATION_PARTIES_INVALID");
    if (actor.role === "GRID_WORKER" && !households.some((h) => actor.gridId && h.gridId === actor.gridId)) throw new DomainError("PROXY_OUT_OF_GRID");
    const pool = await candidatesFor(tx, villageId, households.map((h) => h.gridId), at);
    const wanted = [...new Set([...input.mediatorUserIds, ...(actor.role === "GRID_WORKER" ? [actor.userId] : [])])];
    if (wanted.length === 0) throw new DomainError("MEDIATION_MEDIATOR_REQUIRED");
    const mediators = wanted.map((u) => pool.find((p) => p.userId === u));
    if (mediators.some((m) => !m)) throw new DomainError("MEDIATION_MEDIATOR_INVALID");
    for (const m of mediators) {
      const own = await activeHouseholdsOfUser(tx, villageId, m!.userId);
      if (own.some((h) => ids.includes(h))) throw new DomainError("MEDIATION_MEDIATOR_IS_PARTY");
    }
    const deadlineAt = deadlineOf(at);
    const c = await repo.createCase(tx, {
      villageId,
      type: input.type,
      summary: input.summary,
      openedAt: at,
      deadlineAt,
      openedById: actor.userId,
      householdIds: ids,
      mediators: mediators.map((m) => m!),
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "mediation.open",
      entity: "MediationCase",
      entityId: c.id,
      after: { status: "OPEN", type: input.type, householdIds: ids, mediatorUserIds: wanted, deadlineAt: deadlineAt.toISOString() },
    });
    return { id: c.id, deadlineAt };
  });
}

/** The case, locked, as the acting mediator may change it. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_CLOSED. */
async function mediatorCase(tx: Tx, actor: Actor, caseId: string, now: Date, opts: { open?: boolean } = { open: true }) {
  const scope = await scopeOf(tx, actor, now);
  await repo.lockCase(tx, scope.villageId, caseId);
  const c = await repo.findCase(tx, scope, caseId);
  if (!c) throw new DomainError("NOT_FOUND");
  if (!c.mediators.some((m) => m.userId === actor.userId)) throw new DomainError("MEDIATION_NOT_MEDIATOR");
  if (opts.open && c.status !== "OPEN") throw new DomainError("MEDIATION_CLOSED");
  return c;
}

async function notifyParties(tx: Tx, c: repo.CaseRow, kind: "mediation.sessionScheduled" | "mediation.agreementRecorded" | "mediation.outcome", payload: Record<string, string>) {
  for (const p of c.parties) await notify(tx, { householdId: p.householdId }, kind, { caseId: c.id, ...payload });
}

/** Schedules a session and tells the parties. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_CLOSED. */
export async function scheduleSession(deps: Deps, actor: Actor, input: ScheduleSessionInput) {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const c = await mediatorCase(tx, actor, input.caseId, at);
    const s = await repo.createSession(tx, { villageId: c.villageId, caseId: c.id, startsAt: input.startsAt, place: input.place, createdById: actor.userId });
    await notifyParties(tx, c, "mediation.sessionScheduled", { startsAt: villageMinute(input.startsAt), place: input.place });
    await recordAudit(tx, actor, { regionId: c.villageId, action: "mediation.schedule", entity: "MediationSession", entityId: s.id, after: { caseId: c.id, startsAt: input.startsAt.toISOString() } });
    return { id: s.id };
  });
}

/**
 * Records who of the parties came and the notes of a session, once. Throws NOT_FOUND (no such session
 * of the case), MEDIATION_NOT_MEDIATOR, MEDIATION_CLOSED, MEDIATION_SESSION_RECORDED, MEDIATION_PARTIES_INVALID.
 */
export async function recordSession(deps: Deps, actor: Actor, input: RecordSessionInput) {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const c = await mediatorCase(tx, actor, input.caseId, at);
    const s = c.sessions.find((x) => x.id === input.sessionId);
    if (!s) throw new DomainError("NOT_FOUND");
    const attended = [...new Set(input.attendedHouseholdIds)];
    if (attended.some((h) => !c.parties.some((p) => p.householdId === h))) throw new DomainError("MEDIATION_PARTIES_INVALID");
    if ((await repo.recordSession(tx, c.villageId, c.id, s.id, { attendedHouseholdIds: attended, notes: input.notes, recordedAt: at })) === 0) {
      throw new DomainError("MEDIATION_SESSION_RECORDED");
    }
    await recordAudit(tx, actor, { regionId: c.villageId, action: "mediation.recordSession", entity: "MediationSession", entityId: s.id, after: { caseId: c.id, attended: attended.length } });
    return { id: s.id };
  });
}

/**
 * Records the agreement the parties reached; the case is RESOLVED once every party household has
 * confirmed it. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_CLOSED, MEDIATION_AGREEMENT_RECORDED.
 */
export async function recordAgreement(deps: Deps, actor: Actor, input: AgreeInput) {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const c = await mediatorCase(tx, actor, input.caseId, at);
    if ((await repo.setAgreement(tx, c.villageId, c.id, { agreement: input.agreement, agreedAt: at, agreedById: actor.userId })) === 0) {
      throw new DomainError("MEDIATION_AGREEMENT_RECORDED");
    }
    await notifyParties(tx, c, "mediation.agreementRecorded", {});
    await recordAudit(tx, actor, { regionId: c.villageId, action: "mediation.agree", entity: "MediationCase", entityId: c.id, after: { status: "OPEN", agreed: true } });
    return { id: c.id };
  });
}

/** Confirms for one party household; the last confirmation resolves the case. A second confirmation changes nothing. */
async function confirmFor(tx: Tx, actor: Actor, c: repo.CaseRow, householdId: string, channel: "APP" | "PAPER", at: Date) {
  if (c.status !== "OPEN") {
    if (c.status === "RESOLVED") return { status: c.status, confirmed: true };
    throw new DomainError("MEDIATION_CLOSED");
  }
  if (!c.agreement) throw new DomainError("MEDIATION_NO_AGREEMENT");
  const wrote = await repo.confirmParty(tx, c.villageId, c.id, householdId, { confirmedAt: at, confirmedById: actor.userId, confirmChannel: channel });
  if (wrote === 0) return { status: c.status, confirmed: true };
  await recordAudit(tx, actor, { regionId: c.villageId, action: "mediation.confirm", entity: "MediationCase", entityId: c.id, after: { householdId, channel } });
  const allConfirmed = c.parties.every((p) => p.householdId === householdId || p.confirmedAt);
  if (!allConfirmed) return { status: "OPEN" as const, confirmed: true };
  await repo.closeCase(tx, c.villageId, c.id, { status: "RESOLVED", closedAt: at, closedById: actor.userId });
  await notifyParties(tx, c, "mediation.outcome", { status: "RESOLVED" });
  await recordAudit(tx, actor, { regionId: c.villageId, action: "mediation.resolve", entity: "MediationCase", entityId: c.id, before: { status: "OPEN" }, after: { status: "RESOLVED" } });
  return { status: "RESOLVED" as const, confirmed: true };
}

/**
 * A villager confirms the agreement for their household (a party). Two members confirming at once
 * give one confirmation (the case row lock queues them; the second finds it confirmed). Throws
 * NOT_FOUND (not a party's member), MEDIATION_NO_AGREEMENT, MEDIATION_CLOSED.
 */
export async function confirm(deps: Deps, actor: Actor, input: { caseId: string }) {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const scope = await scopeOf(tx, actor, at);
    await repo.lockCase(tx, scope.villageId, input.caseId);
    const c = await repo.findCase(tx, { ...scope, all: false }, input.caseId);
    const party = c?.parties.find((p) => scope.householdIds.includes(p.householdId));
    if (!c || !party) throw new DomainError("NOT_FOUND");
    return confirmFor(tx, actor, c, party.householdId, "APP", at);
  });
}

/** A mediator records a party household's confirmation signed on paper. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_NO_AGREEMENT, MEDIATION_CLOSED. */
export async function confirmOnPaper(deps: Deps, actor: Actor, input: { caseId: string; householdId: string }) {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const c = await mediatorCase(tx, actor, input.caseId, at, { open: false });
    if (!c.parties.some((p) => p.householdId === input.householdId)) throw new DomainError("NOT_FOUND");
    return confirmFor(tx, actor, c, input.householdId, "PAPER", at);
  });
}

async function close(deps: Deps, actor: Actor, input: ReasonInput, status: "REFERRED" | "WITHDRAWN") {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const c = await mediatorCase(tx, actor, input.caseId, at);
    await repo.closeCase(tx, c.villageId, c.id, {
      status,
      closedAt: at,
      closedById: actor.userId,
      ...(status === "REFERRED" ? { referralReason: input.reason } : { withdrawReason: input.reason }),
    });
    await notifyParties(tx, c, "mediation.outcome", { status });
    await recordAudit(tx, actor, { regionId: c.villageId, action: status === "REFERRED" ? "mediation.refer" : "mediation.withdraw", entity: "MediationCase", entityId: c.id, before: { status: "OPEN" }, after: { status } });
    return { id: c.id, status };
  });
}

/** 调解不成: referred to the town with a reason. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_CLOSED. */
export const refer = (deps: Deps, actor: Actor, input: ReasonInput) => close(deps, actor, input, "REFERRED");
/** The parties withdrew. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_CLOSED. */
export const withdraw = (deps: Deps, actor: Actor, input: ReasonInput) => close(deps, actor, input, "WITHDRAWN");

/** Records the 回访 (follow-up visit) of a resolved case. Throws NOT_FOUND, MEDIATION_NOT_MEDIATOR, MEDIATION_NOT_RESOLVED. */
export async function followUp(deps: Deps, actor: Actor, input: FollowUpInput) {
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const c = await mediatorCase(tx, actor, input.caseId, at, { open: false });
    if ((await repo.setFollowUp(tx, c.villageId, c.id, { followUpAt: input.visitedAt, followUpNotes: input.notes, followUpById: actor.userId })) === 0) {
      throw new DomainError("MEDIATION_NOT_RESOLVED");
    }
    await recordAudit(tx, actor, { regionId: c.villageId, action: "mediation.followUp", entity: "MediationCase", entityId: c.id, after: { status: c.status, followUpAt: input.visitedAt.toISOString() } });
    return { id: c.id };
  });
}

async function caseView(db: Db, c: repo.CaseRow, actor: Actor, scope: repo.CaseScope, now: Date) {
  const households = new Map((await partyHouseholds(db, c.villageId, c.parties.map((p) => p.householdId))).map((h) => [h.id, h]));
  const isMediator = c.mediators.some((m) => m.userId === actor.userId);
  const mine = c.parties.find((p) => scope.householdIds.includes(p.householdId));
  return {
    id: c.id,
    type: c.type,
    summary: c.summary,
    status: c.status,
    sourceKind: c.sourceKind,
    openedAt: c.openedAt,
    deadlineAt: c.deadlineAt,
    overdue: isOverdue(c, now),
    agreement: c.agreement,
    agreedAt: c.agreedAt,
    referralReason: c.referralReason,
    withdrawReason: c.withdrawReason,
    closedAt: c.closedAt,
    followUpAt: c.followUpAt,
    followUpNotes: c.followUpNotes,
    parties: c.parties.map((p) => {
      const h = households.get(p.householdId);
      return { householdId: p.householdId, number: h?.number ?? "", headName: h?.headName ?? "", confirmed: !!p.confirmedAt, confirmedAt: p.confirmedAt, channel: p.confirmChannel };
    }),
    mediators: c.mediators.map((m) => ({ name: m.name, kind: m.kind })),
    sessions: c.sessions.map((s) => ({ ...s, attended: s.attendedHouseholdIds.map((id) => households.get(id)?.number ?? "") })),
    isMediator,
    myHouseholdId: mine?.householdId ?? null,
    canConfirm: !!mine && !mine.confirmedAt && c.status === "OPEN" && !!c.agreement,
  };
}

/** The cases the actor may read, newest first. */
export async function listCases(deps: Deps, actor: Actor) {
  const now = deps.now();
  const scope = await scopeOf(deps.db, actor, now);
  const rows = await repo.listCases(deps.db, scope, LIST_MAX);
  return { items: await Promise.all(rows.map((c) => caseView(deps.db, c, actor, scope, now))) };
}

/** One case. Throws NOT_FOUND outside the actor's scope (a villager who is not a party sees nothing). */
export async function getCase(deps: Deps, actor: Actor, input: { id: string }) {
  const now = deps.now();
  const scope = await scopeOf(deps.db, actor, now);
  const c = await repo.findCase(deps.db, scope, input.id);
  if (!c) throw new DomainError("NOT_FOUND");
  return caseView(deps.db, c, actor, scope, now);
}

/**
 * Numbers per village for the town, county (villages below) and the village committee (its own):
 * cases by type and by outcome, overdue, success rate and median days to resolve. No names, no texts.
 */
export async function stats(deps: Deps, actor: Actor) {
  const now = deps.now();
  const regionIds = await auditScope(deps.db, actor);
  const rows = await repo.statRows(deps.db, regionIds);
  const byVillage = new Map<string, typeof rows>();
  for (const r of rows) byVillage.set(r.villageId, [...(byVillage.get(r.villageId) ?? []), r]);
  const names = await regionNames(deps.db, [...byVillage.keys()]);
  const villages = [...byVillage.entries()].map(([villageId, cases]) => {
    const count = (s: string) => cases.filter((c) => c.status === s).length;
    const byType = Object.fromEntries(MEDIATION_TYPES.map((t) => [t, cases.filter((c) => c.type === t).length])) as Record<MediationType, number>;
    const resolved = cases.filter((c) => c.status === "RESOLVED" && c.closedAt);
    return {
      villageId,
      villageName: names.get(villageId) ?? "",
      total: cases.length,
      open: count("OPEN"),
      overdue: cases.filter((c) => isOverdue(c, now)).length,
      resolved: count("RESOLVED"),
      referred: count("REFERRED"),
      withdrawn: count("WITHDRAWN"),
      byType,
      successRate: successRate(count("RESOLVED"), count("REFERRED")),
      medianDaysToResolve: medianDays(resolved.map((c) => c.closedAt!.getTime() - c.openedAt.getTime())),
    };
  });
  villages.sort((a, b) => a.villageName.localeCompare(b.villageName, "zh"));
  return { villages };
}
