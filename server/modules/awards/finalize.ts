/**
 * Finalization (docs/architecture.md, "Due process"): when a notice batch's window has closed, each entry with no open
 * objection becomes FINAL and posts to the ledger, exactly once.
 *
 * Safe to run from any number of processes at once (the timer in every app instance, `npm run
 * jobs:finalize`, a ruling on the last objection): each award is finalized in its own transaction
 * that first locks the award row, then re-reads its status, so a second runner waits and then finds
 * it FINAL; the ledger's idempotency key `award:<id>` is the second line of defence.
 */
import type { Deps, Tx } from "@/server/lib/deps";
import { householdAccount, post, villageAccount } from "@/server/ledger/ledger";
import { awardPostings } from "./award.policy";
import { awardForFinalize, inNoticeIdsOfBatch, lockAward, markFinal } from "./award.repo";
import { countOpenObjections } from "./objection.repo";
import { closeBatchIfSettled, dueBatchIds } from "./publicity.repo";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service";

export type FinalizeOutcome = "FINAL" | "WAITING" | "NOT_DUE";

/** The ledger idempotency keys of an award's posting and of its reversal. */
export const awardTxKey = (awardId: string) => `award:${awardId}`;
export const awardReversalKey = (awardId: string) => `award-reversal:${awardId}`;

/**
 * Makes one award FINAL and posts it, if it is IN_NOTICE, its window has closed and no objection is
 * open; otherwise changes nothing. Idempotent and safe under concurrency (see the file comment).
 * The ledger transaction's actor is the approver; the award records who proposed and who approved.
 */
export async function finalizeAward(deps: Deps, awardId: string): Promise<{ outcome: FinalizeOutcome; transactionId?: string }> {
  return deps.db.$transaction((tx) => finalizeAwardInTx(tx, deps.now(), awardId));
}

/** finalizeAward's body, inside the caller's transaction (the demo seed finalizes a whole batch in one). */
export async function finalizeAwardInTx(tx: Tx, now: Date, awardId: string): Promise<{ outcome: FinalizeOutcome; transactionId?: string }> {
  if (!(await lockAward(tx, awardId))) return { outcome: "NOT_DUE" as const };
  const a = await awardForFinalize(tx, awardId);
  if (a.status !== "IN_NOTICE" || !a.noticeBatch || a.noticeBatch.closesAt > now) return { outcome: "NOT_DUE" as const };
  const open = await countOpenObjections(tx, awardId);
  if (open > 0) return { outcome: "WAITING" as const };

  const accounts = {
    issuance: await villageAccount(tx, a.villageId, "ISSUANCE"),
    household: await householdAccount(tx, a.villageId, a.householdId),
  };
  const { kind, postings } = awardPostings(a.points, accounts);
  const posted = await post(tx, now, {
    villageId: a.villageId,
    kind,
    idempotencyKey: awardTxKey(a.id),
    postings,
    actorUserId: a.reviewedById ?? a.proposedById,
    reason: a.reason,
    source: { type: "award", id: a.id },
    ruleId: a.ruleId,
    ruleBookId: a.ruleBookId,
    memberId: a.memberId,
    // a grid worker filed the source record for the household (a 随手拍 report): recorded on the ledger
    proxyUserId: a.proxyUserId,
    scoring: true,
  });
  await markFinal(tx, a.id, now, posted.transactionId);
  await recordAudit(tx, SYSTEM_ACTOR, {
    regionId: a.villageId,
    action: "award.finalize",
    entity: "Award",
    entityId: a.id,
    before: { status: "IN_NOTICE" },
    after: { status: "FINAL", transactionId: posted.transactionId, points: a.points },
  });
  return { outcome: "FINAL" as const, transactionId: posted.transactionId };
}

/** Marks a batch finalized once its window has closed and none of its entries is still IN_NOTICE. */
export async function settleBatch(deps: Deps, batchId: string): Promise<boolean> {
  return closeBatchIfSettled(deps.db, batchId, deps.now());
}

export type FinalizeReport = { batches: number; finalized: number; waiting: number; batchesClosed: number; failed: number };

/**
 * The job: every due batch (window closed, not yet finalized) of every village, oldest first.
 * One failing entry is counted and logged by id and does not stop the others.
 */
export async function finalizeDue(deps: Deps, opts: { villageId?: string } = {}): Promise<FinalizeReport> {
  const report: FinalizeReport = { batches: 0, finalized: 0, waiting: 0, batchesClosed: 0, failed: 0 };
  const due = await dueBatchIds(deps.db, deps.now(), opts.villageId);
  for (const batchId of due) {
    report.batches++;
    for (const id of await inNoticeIdsOfBatch(deps.db, batchId)) {
      try {
        const { outcome } = await finalizeAward(deps, id);
        if (outcome === "FINAL") report.finalized++;
        else if (outcome === "WAITING") report.waiting++;
      } catch (e) {
        report.failed++;
        console.error(`[finalize] award ${id} failed:`, e instanceof Error ? e.message : e);
      }
    }
    if (await settleBatch(deps, batchId)) report.batchesClosed++;
  }
  return report;
}
