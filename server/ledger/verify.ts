/**
 * Recomputes every village's hash chain, every transaction's zero sum and every cached balance.
 * Reports each break; used by `npm run ledger:verify` and by tests that tamper rows on purpose.
 */
import type { Db } from "@/server/db/client";
import { GENESIS, transactionHash } from "./hash";

export type VerifyProblem =
  | { kind: "CHAIN_BROKEN"; villageId: string; seq: number; transactionId: string }
  | { kind: "HASH_MISMATCH"; villageId: string; seq: number; transactionId: string }
  | { kind: "SEQ_GAP"; villageId: string; expected: number; found: number }
  | { kind: "UNBALANCED"; transactionId: string; sum: number }
  | { kind: "BALANCE_MISMATCH"; accountId: string; cached: number; postings: number };

export async function verifyLedger(db: Db, opts: { villageId?: string; batch?: number } = {}) {
  const problems: VerifyProblem[] = [];
  const batch = opts.batch ?? 2000;
  const villages = opts.villageId
    ? [{ villageId: opts.villageId }]
    : await db.ledgerTransaction.findMany({ distinct: ["villageId"], select: { villageId: true } });
  let transactions = 0;
  for (const { villageId } of villages) {
    let prevHash = GENESIS;
    let expected = 1;
    for (;;) {
      const txs = await db.ledgerTransaction.findMany({
        where: { villageId, seq: { gte: expected } },
        orderBy: { seq: "asc" },
        take: batch,
        select: {
          id: true, villageId: true, seq: true, kind: true, idempotencyKey: true, sourceType: true, sourceId: true,
          ruleId: true, ruleBookId: true, actorUserId: true, memberId: true, proxyUserId: true, reason: true,
          reversesId: true, scoring: true, createdAt: true, prevHash: true, hash: true,
          postings: { select: { accountId: true, points: true } },
        },
      });
      if (txs.length === 0) break;
      for (const t of txs) {
        transactions++;
        if (t.seq !== expected) problems.push({ kind: "SEQ_GAP", villageId, expected, found: t.seq });
        if (t.prevHash !== prevHash) problems.push({ kind: "CHAIN_BROKEN", villageId, seq: t.seq, transactionId: t.id });
        if (transactionHash(t.prevHash, t) !== t.hash) problems.push({ kind: "HASH_MISMATCH", villageId, seq: t.seq, transactionId: t.id });
        const sum = t.postings.reduce((s, p) => s + p.points, 0);
        if (sum !== 0 || t.postings.length < 2) problems.push({ kind: "UNBALANCED", transactionId: t.id, sum });
        prevHash = t.hash;
        expected = t.seq + 1;
      }
    }
  }
  const balances = await db.$queryRaw<{ id: string; cached: number; total: bigint | null }[]>`
    SELECT a."id", a."balance" AS cached, COALESCE(SUM(p."points"), 0) AS total
    FROM "LedgerAccount" a LEFT JOIN "LedgerPosting" p ON p."accountId" = a."id"
    WHERE a."kind" IN ('HOUSEHOLD', 'SHOP') AND (${opts.villageId ?? null}::text IS NULL OR a."villageId" = ${opts.villageId ?? null})
    GROUP BY a."id", a."balance"
    HAVING a."balance" <> COALESCE(SUM(p."points"), 0)`;
  for (const b of balances) {
    problems.push({ kind: "BALANCE_MISMATCH", accountId: b.id, cached: b.cached, postings: Number(b.total ?? 0) });
  }
  const totals = await db.$queryRaw<{ total: bigint | null }[]>`SELECT SUM("points") AS total FROM "LedgerPosting"`;
  return { villages: villages.length, transactions, grandTotal: Number(totals[0]?.total ?? 0), problems };
}
