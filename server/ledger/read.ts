/** Reading the ledger: balances (cached on the account), scores and statements (derived from postings). */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

/** What is left to spend (may be negative after a deduction: a debt shown plainly). */
export async function householdBalance(db: Db | Tx, householdId: string): Promise<number> {
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

// ───────────── for the store: what each shop is owed, what moved on its account, refunds by key ─────────────

/** What the village owes each shop now (the SHOP account's balance; 0 for a shop that never sold). */
export async function shopBalances(db: Db | Tx, villageId: string, shopIds?: string[]): Promise<Map<string, number>> {
  const rows = await db.ledgerAccount.findMany({
    where: { villageId, kind: "SHOP", ...(shopIds ? { shopId: { in: shopIds } } : {}) },
    select: { shopId: true, balance: true },
  });
  return new Map(rows.filter((r) => r.shopId).map((r) => [r.shopId!, r.balance]));
}

/** What the village owes one shop now. */
export async function shopBalance(db: Db | Tx, shopId: string): Promise<number> {
  const acc = await db.ledgerAccount.findUnique({ where: { shopId }, select: { balance: true } });
  return acc?.balance ?? 0;
}

export type ShopPeriodSums = { redeemed: number; refunded: number; settled: number };

/**
 * Points moved on each shop account of the village in [from, to): sold (REDEMPTION), given back
 * (REFUND, and REVERSAL of a sale), paid out to the shop (SETTLEMENT). Keyed by shop id.
 */
export async function shopPeriodSums(db: Db | Tx, villageId: string, from: Date, to: Date, shopId?: string): Promise<Map<string, ShopPeriodSums>> {
  const rows = await db.$queryRaw<{ shopId: string; kind: string; points: bigint }[]>`
    SELECT a."shopId", t."kind"::text AS kind, SUM(p."points") AS points
    FROM "LedgerPosting" p
    JOIN "LedgerAccount" a ON a."id" = p."accountId"
    JOIN "LedgerTransaction" t ON t."id" = p."transactionId"
    WHERE a."villageId" = ${villageId} AND a."kind" = 'SHOP' AND p."createdAt" >= ${from} AND p."createdAt" < ${to}
      AND (${shopId ?? null}::text IS NULL OR a."shopId" = ${shopId ?? null}::text)
    GROUP BY a."shopId", t."kind"`;
  const out = new Map<string, ShopPeriodSums>();
  for (const r of rows) {
    const s = out.get(r.shopId) ?? { redeemed: 0, refunded: 0, settled: 0 };
    const n = Number(r.points);
    if (r.kind === "REDEMPTION") s.redeemed += n;
    else if (r.kind === "REVERSAL" || r.kind === "REFUND") s.refunded += -n;
    else if (r.kind === "SETTLEMENT") s.settled += -n;
    out.set(r.shopId, s);
  }
  return out;
}

/**
 * One shop account's movements in [from, to), oldest first (at most `take`), with the balance before
 * `from` and the sum in the period; null when the shop has no account yet.
 */
export async function shopAccountMovements(db: Db | Tx, shopId: string, from: Date, to: Date, take: number) {
  const acc = await db.ledgerAccount.findUnique({ where: { shopId }, select: { id: true, balance: true } });
  if (!acc) return null;
  const [before, inPeriod, postings] = await Promise.all([
    db.ledgerPosting.aggregate({ where: { accountId: acc.id, createdAt: { lt: from } }, _sum: { points: true } }),
    db.ledgerPosting.aggregate({ where: { accountId: acc.id, createdAt: { gte: from, lt: to } }, _sum: { points: true } }),
    db.ledgerPosting.findMany({
      where: { accountId: acc.id, createdAt: { gte: from, lt: to } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, points: true, createdAt: true, transaction: { select: { id: true, kind: true, reason: true, sourceType: true, sourceId: true } } },
    }),
  ]);
  return { balance: acc.balance, opening: before._sum.points ?? 0, inPeriod: inPeriod._sum.points ?? 0, postings };
}

/** The id of the transaction posted with this idempotency key, or null. */
export async function transactionIdByKey(db: Db | Tx, idempotencyKey: string): Promise<string | null> {
  const t = await db.ledgerTransaction.findUnique({ where: { idempotencyKey }, select: { id: true } });
  return t?.id ?? null;
}
