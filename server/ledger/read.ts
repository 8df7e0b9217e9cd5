/** Reading the ledger: balances (cached on the account), scores and statements (derived from postings). */
import type { Db } from "@/server/db/client";

/** What is left to spend (may be negative after a deduction: a debt shown plainly). */
export async function householdBalance(db: Db, householdId: string): Promise<number> {
  const acc = await db.ledgerAccount.findUnique({ where: { householdId }, select: { balance: true } });
  return acc?.balance ?? 0;
}

/**
 * Score for rankings: points earned minus deducted in [from, to), counting reversals of those.
 * Spending never lowers it.
 */
export async function householdScore(db: Db, householdId: string, from: Date, to: Date) {
  const rows = await db.$queryRaw<{ earned: bigint | null; deducted: bigint | null }[]>`
    SELECT SUM(CASE WHEN p."points" > 0 THEN p."points" ELSE 0 END) AS earned,
           SUM(CASE WHEN p."points" < 0 THEN -p."points" ELSE 0 END) AS deducted
    FROM "LedgerPosting" p
    JOIN "LedgerAccount" a ON a."id" = p."accountId"
    JOIN "LedgerTransaction" t ON t."id" = p."transactionId"
    WHERE a."householdId" = ${householdId} AND t."scoring" AND p."createdAt" >= ${from} AND p."createdAt" < ${to}`;
  const earned = Number(rows[0]?.earned ?? 0);
  const deducted = Number(rows[0]?.deducted ?? 0);
  return { earned, deducted, score: earned - deducted };
}

/** A page of the household statement, newest first (cursor = the last posting id of the previous page). */
export async function householdStatement(db: Db, householdId: string, opts: { cursor?: string; take: number }) {
  const acc = await db.ledgerAccount.findUnique({ where: { householdId }, select: { id: true } });
  if (!acc) return { items: [], nextCursor: null };
  const rows = await db.ledgerPosting.findMany({
    where: { accountId: acc.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      points: true,
      createdAt: true,
      transaction: {
        select: {
          id: true,
          kind: true,
          reason: true,
          ruleId: true,
          ruleBookId: true,
          sourceType: true,
          sourceId: true,
          reversesId: true,
          memberId: true,
        },
      },
    },
  });
  const page = rows.slice(0, opts.take);
  return { items: page, nextCursor: rows.length > opts.take ? page[page.length - 1]!.id : null };
}

// What the awards module reads: one transaction for an entry's trail, and which transactions were reversed.

/** One transaction of the village as an entry's trail shows it, or null. */
export function transactionInfo(db: Db, villageId: string, id: string) {
  return db.ledgerTransaction.findFirst({
    where: { id, villageId },
    select: { id: true, seq: true, kind: true, createdAt: true, hash: true, reason: true, actorUserId: true },
  });
}

/** For each of `transactionIds` that was later reversed: the id of its REVERSAL transaction. */
export async function reversalsOf(db: Db, transactionIds: string[]): Promise<Map<string, string>> {
  if (transactionIds.length === 0) return new Map();
  const rows = await db.ledgerTransaction.findMany({ where: { reversesId: { in: transactionIds } }, select: { id: true, reversesId: true } });
  return new Map(rows.map((r) => [r.reversesId!, r.id]));
}
