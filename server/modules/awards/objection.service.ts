/**
 * Objections (异议) to entries on public notice: any villager of the village may object once per entry
 * while the window is open; a supervisor not tied to the household upholds (the entry is OVERTURNED
 * and never posted) or dismisses with an answer shown to the objector.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit } from "../audit/audit.service";
import { blockReason, reviewBlock, type ReviewTie } from "./award.policy";
import { reviewerTies } from "./relation.service";
import * as repo from "./award.repo";
import * as objections from "./objection.repo";
import type { ObjectionRuleInput } from "./award.schema";
import { finalizeAward, settleBatch } from "./finalize";
import { userNames } from "../accounts/account.read";
import { householdNumbersOfUsers } from "../households/for-awards.read";

/**
 * Throws NOT_FOUND (no such entry in the village), OBJECTION_WINDOW_CLOSED (not on notice, or the
 * window has closed), ALREADY_OBJECTED (this person objected to it before).
 */
export async function createObjection(deps: Deps, actor: Actor, input: { awardId: string; reason: string }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const awardId = await objections.awardIdInVillage(tx, villageId, input.awardId);
      if (!awardId) throw new DomainError("NOT_FOUND");
      // Under the award's row lock: finalization of this entry either happened before (then it is
      // FINAL and we refuse) or waits for us (and then sees the open objection).
      await repo.lockAward(tx, awardId);
      const a = await objections.awardWindow(tx, awardId);
      if (a.status !== "IN_NOTICE" || !a.noticeBatch || now >= a.noticeBatch.closesAt) throw new DomainError("OBJECTION_WINDOW_CLOSED");
      const o = await objections.createObjection(tx, { awardId, villageId, userId: actor.userId, reason: input.reason, createdAt: now });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "objection.create",
        entity: "Objection",
        entityId: o.id,
        after: { awardId, status: "OPEN", reason: input.reason },
      });
      return { id: o.id, status: o.status };
    });
  } catch (e) {
    // The unique (awardId, userId) index decides, also for two taps at once; caught outside the failed transaction.
    if (isUniqueViolation(e)) throw new DomainError("ALREADY_OBJECTED");
    throw e;
  }
}

/** Objections of the village (newest first) with the entry, the objector's name and household, and the ruling. */
export async function listObjections(deps: Deps, actor: Actor, input: { status?: "OPEN" | "UPHELD" | "DISMISSED" }) {
  const villageId = villageOf(actor);
  const rows = await objections.villageObjections(deps.db, villageId, input.status);
  const now = deps.now();
  const awards = new Map((await repo.decorate(deps.db, villageId, rows.map((r) => r.award), now)).map((v) => [v.id, v]));
  const [names, homeOf, tied, counts] = await Promise.all([
    userNames(deps.db, rows.flatMap((r) => [r.userId, r.ruledById])),
    householdNumbersOfUsers(deps.db, villageId, rows.map((r) => r.userId)),
    actor.role === "SUPERVISOR"
      ? reviewerTies(deps.db, actor.userId, [...new Set(rows.map((r) => r.award.householdId))])
      : Promise.resolve(new Map<string, ReviewTie>()),
    objections.objectionCounts(deps.db, villageId),
  ]);
  return {
    counts,
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      reason: r.reason,
      answer: r.answer,
      createdAt: r.createdAt,
      ruledAt: r.ruledAt,
      ruledByName: r.ruledById ? (names.get(r.ruledById) ?? "") : null,
      objector: { name: names.get(r.userId) ?? "", householdNumber: homeOf.get(r.userId) ?? null },
      award: awards.get(r.awardId)!,
      /** what stops this supervisor from ruling (null: they may) */
      ruleBlock:
        actor.role === "SUPERVISOR"
          ? reviewBlock(actor, r.award, tied.get(r.award.householdId))
          : null,
      ruleBlockReason: actor.role === "SUPERVISOR" ? blockReason(actor, r.award, tied.get(r.award.householdId)) : null,
    })),
  };
}

/**
 * Rules on an open objection. UPHOLD: the entry is OVERTURNED (nothing is ever posted for it) and
 * every open objection to it is answered. DISMISS: the objection is answered; if the window has
 * closed and no other objection is open, the entry becomes final now (same code as the job).
 * Throws NOT_FOUND, OWN_PROPOSAL, RELATED_HOUSEHOLD, AWARD_WRONG_STATE (already ruled, or the entry moved on).
 */
export async function ruleObjection(deps: Deps, actor: Actor, input: ObjectionRuleInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const ruled = await deps.db.$transaction(async (tx) => {
    const o = await objections.findObjection(tx, villageId, input.id);
    if (!o) throw new DomainError("NOT_FOUND");
    await repo.lockAward(tx, o.awardId);
    const a = (await repo.findAward(tx, villageId, o.awardId))!;
    const block = reviewBlock(actor, a, (await reviewerTies(tx, actor.userId, [a.householdId])).get(a.householdId));
    if (block) throw new DomainError(block);
    const current = await objections.objectionStatus(tx, o.id);
    if (current.status !== "OPEN" || a.status !== "IN_NOTICE") throw new DomainError("AWARD_WRONG_STATE");

    const ruling = { answer: input.answer, ruledById: actor.userId, ruledAt: now };
    let awardStatus: "IN_NOTICE" | "OVERTURNED" = "IN_NOTICE";
    if (input.decision === "UPHOLD") {
      await objections.upholdAll(tx, a.id, ruling);
      awardStatus = "OVERTURNED";
    } else {
      await objections.dismiss(tx, o.id, ruling);
    }
    const status = input.decision === "UPHOLD" ? ("UPHELD" as const) : ("DISMISSED" as const);
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "objection.rule",
      entity: "Objection",
      entityId: o.id,
      before: { status: "OPEN", awardStatus: "IN_NOTICE" },
      after: { status, answer: input.answer, awardId: a.id, awardStatus },
    });
    return { id: o.id, status, awardId: a.id, awardStatus: awardStatus as string, batchId: a.noticeBatchId };
  });

  // After the ruling commits: the entry may now be due (window closed, nothing open).
  if (ruled.status === "DISMISSED") {
    const { outcome } = await finalizeAward(deps, ruled.awardId);
    if (outcome === "FINAL") ruled.awardStatus = "FINAL";
  }
  if (ruled.batchId) await settleBatch(deps, ruled.batchId);
  return { id: ruled.id, status: ruled.status, awardId: ruled.awardId, awardStatus: ruled.awardStatus };
}
