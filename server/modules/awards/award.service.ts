/**
 * Awards and deductions with due process (docs/architecture.md, "Due process"): the committee proposes, a supervisor who
 * neither proposed it nor is tied to the household reviews it; a final entry can be reversed.
 * Points always come from the rule in force (no free-typed amounts), so zero, fractional, huge or
 * wrong-signed points cannot be proposed.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import { reverse as reverseTx } from "@/server/ledger/ledger";
import { transactionInfo } from "@/server/ledger/read";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import { ruleBookInfo } from "../rules/rule.read";
import { blockReason, reviewBlock, type BlockReason } from "./award.policy";
import { reviewerTies } from "./relation.service";
import * as repo from "./award.repo";
import type { AwardListInput, ProposeBatchInput, ProposeInput } from "./award.schema";
import { awardReversalKey } from "./finalize";
import { intakeAwards } from "./intake.service";
import { userNames } from "../accounts/account.read";
import { activeHouseholdsOfGrid, householdInVillage, householdsInVillage, memberStatusIn, type HouseholdCard } from "../households/for-awards.read";
import { isGridOfVillage } from "../regions/for-awards.read";
import * as objectionRepo from "./objection.repo";

/**
 * Proposes an award or deduction for one household (status PROPOSED). A retry with the same
 * idempotencyKey returns the first proposal. Points are the rule's.
 * Throws NOT_FOUND (household or member not of this village), HOUSEHOLD_INACTIVE, RULE_NOT_IN_FORCE,
 * EVIDENCE_REQUIRED, CAP_EXCEEDED, IDEMPOTENCY_CONFLICT (the key was used for another proposal).
 */
export async function propose(deps: Deps, actor: Actor, input: ProposeInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    await repo.lockProposals(tx, villageId);
    // A manual proposal has no source record: its sourceId keeps the client's request key.
    const first = await repo.findManualProposal(tx, { villageId, requestKey: input.idempotencyKey, proposedById: actor.userId });
    if (first) {
      if (first.householdId !== input.householdId || first.ruleId !== input.ruleId) throw new DomainError("IDEMPOTENCY_CONFLICT");
      return { id: first.id, status: first.status, points: first.points, replayed: true };
    }
    const h = await householdInVillage(tx, villageId, input.householdId);
    if (!h) throw new DomainError("NOT_FOUND");
    if (h.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
    if (input.memberId) {
      const status = await memberStatusIn(tx, h.id, input.memberId);
      if (!status) throw new DomainError("NOT_FOUND");
      // a member who left keeps their past entries, but earns no new ones for the household
      if (status === "LEFT") throw new DomainError("MEMBER_LEFT");
    }
    const { created, rule } = await intakeAwards(tx, actor, {
      villageId,
      source: "MANUAL",
      ruleId: input.ruleId,
      reason: input.reason,
      now,
      status: "PROPOSED",
      evidenceUrl: input.evidenceUrl,
      mode: "refuse",
      auditAction: "award.propose",
      entries: [{ householdId: h.id, memberId: input.memberId ?? null, sourceId: input.idempotencyKey }],
    });
    const award = { id: created[0]!.id, status: "PROPOSED" as const, points: rule.points };
    return { ...award, replayed: false };
  });
}

/**
 * One rule for many households (picked, or a whole grid), all or nothing. A retry with the same
 * idempotencyKey returns the first batch. Throws NOT_FOUND (a household or grid of another village),
 * HOUSEHOLD_INACTIVE, BATCH_EMPTY (the grid has no active household), RULE_NOT_IN_FORCE,
 * EVIDENCE_REQUIRED, CAP_EXCEEDED (naming the households), IDEMPOTENCY_CONFLICT.
 */
export async function proposeBatch(deps: Deps, actor: Actor, input: ProposeBatchInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  return deps.db.$transaction(
    async (tx) => {
      await repo.lockProposals(tx, villageId);
      const first = await repo.findBatchByKey(tx, villageId, input.idempotencyKey);
      if (first.length) {
        if (first[0]!.ruleId !== input.ruleId) throw new DomainError("IDEMPOTENCY_CONFLICT");
        return { count: first.length, batchKey: input.idempotencyKey, points: first[0]!.points, replayed: true };
      }
      let households: HouseholdCard[];
      if (input.gridId) {
        if (!(await isGridOfVillage(tx, villageId, input.gridId))) throw new DomainError("NOT_FOUND");
        households = await activeHouseholdsOfGrid(tx, villageId, input.gridId);
        if (households.length === 0) throw new DomainError("BATCH_EMPTY");
      } else {
        const ids = [...new Set(input.householdIds ?? [])];
        households = await householdsInVillage(tx, villageId, ids);
        if (households.length !== ids.length) throw new DomainError("NOT_FOUND");
        if (households.some((h) => h.status !== "ACTIVE")) throw new DomainError("HOUSEHOLD_INACTIVE");
      }
      const { rule } = await intakeAwards(tx, actor, {
        villageId,
        source: "BATCH",
        ruleId: input.ruleId,
        reason: input.reason,
        now,
        status: "PROPOSED",
        evidenceUrl: input.evidenceUrl,
        batchKey: input.idempotencyKey,
        mode: "refuse",
        // one record for the whole batch, below
        auditAction: null,
        entries: households.map((h) => ({ householdId: h.id })),
      });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "award.proposeBatch",
        entity: "AwardBatch",
        entityId: input.idempotencyKey,
        after: {
          status: "PROPOSED",
          ruleId: rule.id,
          ruleCode: rule.code,
          points: rule.points,
          reason: input.reason,
          count: households.length,
          gridId: input.gridId ?? null,
          households: households.map((h) => h.number).join(","),
        },
      });
      return { count: households.length, batchKey: input.idempotencyKey, points: rule.points, replayed: false };
    },
    { timeout: 60_000 },
  );
}

async function assertMayReview(tx: Tx, actor: Actor, award: { proposedById: string; householdId: string }, opts?: { checkProposer?: boolean }) {
  const ties = await reviewerTies(tx, actor.userId, [award.householdId]);
  const block = reviewBlock(actor, award, ties.get(award.householdId), opts);
  if (block) throw new DomainError(block);
}

/**
 * Approves or rejects a PROPOSED entry. Two reviewers at once: one wins, the other gets AWARD_WRONG_STATE.
 * Throws NOT_FOUND, OWN_PROPOSAL, RELATED_HOUSEHOLD, AWARD_WRONG_STATE.
 */
export async function review(deps: Deps, actor: Actor, input: { id: string; note?: string; decision: "APPROVED" | "REJECTED" }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const a = await repo.findAward(tx, villageId, input.id);
    if (!a) throw new DomainError("NOT_FOUND");
    await assertMayReview(tx, actor, a);
    if (a.status !== "PROPOSED") throw new DomainError("AWARD_WRONG_STATE");
    const note = input.note?.trim() || null;
    const reviewed = await repo.recordReview(tx, a.id, { status: input.decision, reviewedById: actor.userId, reviewedAt: now, reviewNote: note });
    if (!reviewed) throw new DomainError("AWARD_WRONG_STATE");
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: input.decision === "APPROVED" ? "award.approve" : "award.reject",
      entity: "Award",
      entityId: a.id,
      before: { status: "PROPOSED" },
      after: { status: input.decision, note },
    });
    return { id: a.id, status: input.decision };
  });
}

/**
 * Undoes a FINAL entry with a REVERSAL ledger transaction (it shows on the household statement).
 * Throws NOT_FOUND, RELATED_HOUSEHOLD, ALREADY_REVERSED, AWARD_WRONG_STATE (not final yet).
 */
export async function reverseAward(deps: Deps, actor: Actor, input: { id: string; reason: string }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const exists = await repo.findAward(tx, villageId, input.id);
    if (!exists) throw new DomainError("NOT_FOUND");
    await repo.lockAward(tx, exists.id);
    const a = (await repo.findAward(tx, villageId, input.id))!;
    // Reversing corrects a mistake, so the proposer may do it; a relative may not.
    await assertMayReview(tx, actor, a, { checkProposer: false });
    if (a.status === "REVERSED") throw new DomainError("ALREADY_REVERSED");
    if (a.status !== "FINAL" || !a.transactionId) throw new DomainError("AWARD_WRONG_STATE");
    const res = await reverseTx(tx, now, {
      villageId,
      transactionId: a.transactionId,
      idempotencyKey: awardReversalKey(a.id),
      actorUserId: actor.userId,
      reason: input.reason,
    });
    await repo.markReversed(tx, a.id, res.transactionId);
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "award.reverse",
      entity: "Award",
      entityId: a.id,
      before: { status: "FINAL", transactionId: a.transactionId },
      after: { status: "REVERSED", reversalTxId: res.transactionId, reason: input.reason },
    });
    return { id: a.id, status: "REVERSED" as const, reversalTxId: res.transactionId };
  });
}

/** What stops this actor from reviewing each award (null: they may), for the approval queue. */
async function reviewFlags(deps: Deps, actor: Actor, rows: { id: string; householdId: string; proposedById: string }[]) {
  const flags = new Map<string, { block: ReturnType<typeof reviewBlock>; why: BlockReason | null }>();
  if (actor.role !== "SUPERVISOR") return flags;
  const ties = await reviewerTies(deps.db, actor.userId, [...new Set(rows.map((r) => r.householdId))]);
  for (const r of rows) {
    const tie = ties.get(r.householdId);
    flags.set(r.id, { block: reviewBlock(actor, r, tie), why: blockReason(actor, r, tie) });
  }
  return flags;
}

/** Entries of the village, newest first, with counts per status (for tabs). */
export async function listAwards(deps: Deps, actor: Actor, input: AwardListInput) {
  const villageId = villageOf(actor);
  const base = { villageId, ...(input.householdId ? { householdId: input.householdId } : {}) };
  const { rows, counts } = await repo.awardPage(deps.db, { base, status: input.status, take: input.take, cursor: input.cursor });
  const page = rows.slice(0, input.take);
  const [views, flags] = await Promise.all([repo.decorate(deps.db, villageId, page, deps.now()), reviewFlags(deps, actor, page)]);
  return {
    items: views.map((v) => ({
      ...v,
      reviewBlock: flags.get(v.id)?.block ?? null,
      /** why the row is blocked for this reviewer, for the queue */
      blockReason: flags.get(v.id)?.why ?? null,
      mine: v.proposedBy.id === actor.userId,
    })),
    nextCursor: rows.length > input.take ? page[page.length - 1]!.id : null,
    counts,
  };
}

/** One ledger transaction as the trail shows it: id, when, who, and the start of its tamper-evident hash. */
async function ledgerInfo(tx: Deps["db"], villageId: string, id: string | null) {
  if (!id) return null;
  const t = await transactionInfo(tx, villageId, id);
  if (!t) return null;
  const names = await userNames(tx, [t.actorUserId]);
  return {
    transactionId: t.id,
    seq: t.seq,
    kind: t.kind,
    createdAt: t.createdAt,
    reason: t.reason,
    actorName: names.get(t.actorUserId) ?? "",
    hashPrefix: t.hash.slice(0, 12),
  };
}

/**
 * The full trail of one entry: rule and rule-book version, proposer, reviewer and note, notice
 * window, objections and their answers, the ledger transaction and any reversal.
 * `asVillager` hides who objected (except the reader's own objections). Throws NOT_FOUND.
 */
export async function awardTrail(deps: Deps, villageId: string, awardId: string, reader: { userId: string; asVillager: boolean }) {
  const row = await repo.findAward(deps.db, villageId, awardId);
  if (!row) throw new DomainError("NOT_FOUND");
  const now = deps.now();
  const [[award], book, objections, posting, reversal] = await Promise.all([
    repo.decorate(deps.db, villageId, [row], now),
    ruleBookInfo(deps.db, villageId, row.ruleBookId),
    objectionRepo.objectionsOfAward(deps.db, villageId, awardId),
    ledgerInfo(deps.db, villageId, row.transactionId),
    ledgerInfo(deps.db, villageId, row.reversalTxId),
  ]);
  const names = await userNames(deps.db, objections.flatMap((o) => [o.userId, o.ruledById]));
  return {
    award: award!,
    ruleBook: book
      ? { id: book.id, version: book.version, title: book.title, status: book.status, adoptedAt: book.adoptedAt, adoptedBy: book.adoptedBy, vote: book.vote }
      : null,
    objections: objections.map((o) => ({
      id: o.id,
      status: o.status,
      reason: o.reason,
      answer: o.answer,
      createdAt: o.createdAt,
      ruledAt: o.ruledAt,
      ruledByName: o.ruledById ? (names.get(o.ruledById) ?? "") : null,
      mine: o.userId === reader.userId,
      objectorName: reader.asVillager && o.userId !== reader.userId ? null : (names.get(o.userId) ?? ""),
    })),
    ledger: posting,
    reversal,
  };
}

/** award.get: the trail plus whether this reviewer may act on it. Throws NOT_FOUND. */
export async function getAward(deps: Deps, actor: Actor, id: string) {
  const villageId = villageOf(actor);
  const trail = await awardTrail(deps, villageId, id, { userId: actor.userId, asVillager: false });
  const flags = await reviewFlags(deps, actor, [{ id, householdId: trail.award.household.id, proposedById: trail.award.proposedBy.id }]);
  return {
    ...trail,
    reviewBlock: flags.get(id)?.block ?? null,
    blockReason: flags.get(id)?.why ?? null,
    mine: trail.award.proposedBy.id === actor.userId,
  };
}
