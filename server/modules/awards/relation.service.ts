/**
 * Relations (亲属关系申报): a supervisor declares the households they are related to; the committee may
 * propose such a relation for a supervisor, who confirms or disputes it. A declared, confirmed or still
 * unanswered relation blocks the supervisor from reviewing that household's entries, like being a
 * member of it; a disputed one does not (the dispute stays in the audit trail). A person registered
 * in several households ties all of them (docs/architecture.md, "Due process").
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isActiveSupervisor, userNames, villageSupervisorNames } from "../accounts/account.read";
import { recordAudit } from "../audit/audit.service";
import { householdLabels, householdsOfUser, householdsSharingPeople, villageHousehold } from "../households/household.read";
import type { ReviewTie } from "./award.policy";
import type { RelationAnswerInput, RelationDeclareInput } from "./award.schema";
import * as repo from "./relation.repo";

/**
 * Declares (supervisor, for themselves) or proposes (committee, for a supervisor) a relation to a
 * household. Declaring again replaces the wording and status; a committee proposal over a relation
 * the supervisor declared or confirmed changes nothing.
 * Throws FORBIDDEN (a supervisor declaring for someone else), NOT_FOUND (no such supervisor or household in the village).
 */
export async function declareRelation(deps: Deps, actor: Actor, input: RelationDeclareInput) {
  const villageId = villageOf(actor);
  const userId = input.userId ?? actor.userId;
  if (actor.role === "SUPERVISOR" && userId !== actor.userId) throw new DomainError("FORBIDDEN");
  const proposing = actor.role !== "SUPERVISOR";
  return deps.db.$transaction(async (tx) => {
    if (!(await isActiveSupervisor(tx, villageId, userId))) throw new DomainError("NOT_FOUND");
    const h = await villageHousehold(tx, villageId, input.householdId);
    if (!h) throw new DomainError("NOT_FOUND");
    const before = await repo.findRelation(tx, userId, h.id);
    if (proposing && before && (before.status === "DECLARED" || before.status === "CONFIRMED")) {
      return { id: before.id, status: before.status };
    }
    const status = proposing ? ("PROPOSED" as const) : ("DECLARED" as const);
    const row = await repo.upsertRelation(tx, {
      villageId,
      userId,
      householdId: h.id,
      relation: input.relation,
      status,
      proposedById: proposing ? actor.userId : null,
      now: deps.now(),
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: proposing ? "relation.propose" : "relation.declare",
      entity: "RelatedHousehold",
      entityId: row.id,
      before: before ? { userId, householdId: h.id, relation: before.relation, status: before.status } : null,
      after: { userId, householdId: h.id, relation: input.relation, status },
    });
    return { id: row.id, status };
  });
}

/**
 * The supervisor confirms or disputes a relation the committee proposed for them.
 * Throws NOT_FOUND (not theirs, or not of the village), RELATION_NOT_PENDING (already answered or never proposed).
 */
export async function answerRelation(deps: Deps, actor: Actor, input: RelationAnswerInput) {
  const villageId = villageOf(actor);
  return deps.db.$transaction(async (tx) => {
    const r = await repo.findRelationById(tx, villageId, input.id);
    if (!r || r.userId !== actor.userId) throw new DomainError("NOT_FOUND");
    const status = input.answer === "CONFIRM" ? ("CONFIRMED" as const) : ("DISPUTED" as const);
    if (r.status !== "PROPOSED" || !(await repo.answerRelation(tx, r.id, status, deps.now()))) {
      throw new DomainError("RELATION_NOT_PENDING");
    }
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: input.answer === "CONFIRM" ? "relation.confirm" : "relation.dispute",
      entity: "RelatedHousehold",
      entityId: r.id,
      before: { userId: r.userId, householdId: r.householdId, relation: r.relation, status: r.status },
      after: { userId: r.userId, householdId: r.householdId, relation: r.relation, status },
    });
    return { id: r.id, status };
  });
}

/** The village's relations (optionally of one supervisor), newest first, and its supervisors (to pick from). */
export async function listRelations(deps: Deps, actor: Actor, input: { userId?: string }) {
  const villageId = villageOf(actor);
  const [rows, supervisors] = await Promise.all([repo.listRelations(deps.db, villageId, input.userId), villageSupervisorNames(deps.db, villageId)]);
  const [names, households] = await Promise.all([
    userNames(deps.db, rows.flatMap((r) => [r.userId, r.proposedById])),
    householdLabels(deps.db, villageId, rows.map((r) => r.householdId)),
  ]);
  return {
    supervisors,
    items: rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      userName: names.get(r.userId) ?? "",
      household: households.get(r.householdId) ?? { id: r.householdId, number: "", headName: "" },
      relation: r.relation,
      status: r.status,
      proposedByName: r.proposedById ? (names.get(r.proposedById) ?? "") : null,
      answeredAt: r.answeredAt,
      createdAt: r.createdAt,
      mine: r.userId === actor.userId,
    })),
  };
}

/**
 * How the user is tied to each of `householdIds` (absent: not tied). Own households and relations
 * (not disputed) tie directly; any household that shares a registered person with one of those ties
 * too, since that person belongs to all of their households.
 */
export async function reviewerTies(db: Db | Tx, userId: string, householdIds: string[]): Promise<Map<string, ReviewTie>> {
  const out = new Map<string, ReviewTie>();
  if (householdIds.length === 0) return out;
  const [own, relations] = await Promise.all([householdsOfUser(db, userId), repo.blockingRelations(db, userId)]);
  const direct = [...new Set([...own, ...relations.keys()])];
  const shared = new Set(await householdsSharingPeople(db, direct));
  const ownSet = new Set(own);
  for (const id of householdIds) {
    const rel = relations.get(id);
    if (ownSet.has(id)) out.set(id, "MEMBER");
    else if (rel === "PROPOSED") out.set(id, "PROPOSED");
    else if (rel) out.set(id, "DECLARED");
    else if (shared.has(id)) out.set(id, "SHARED_PERSON");
  }
  return out;
}
