/**
 * Settling with the shop (docs/architecture.md, "Check-in and the store"): the SHOP account's balance is what the village owes the
 * shop, valued at the village's fen-per-point; a recorded payment is a SETTLEMENT ledger transaction
 * SHOP → SETTLED (never more than is owed). Both sides read the same statement.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import { post, shopAccount, villageAccount } from "@/server/ledger/ledger";
import type { Deps } from "@/server/lib/deps";
import { DomainError, isDomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import { shanghaiDate } from "../awards/award.policy";
import { dayStart, fenFor, periodRange } from "./store.policy";
import { actingShop } from "./store.repo";
import type { PeriodInput, SettleInput, StatementInput } from "./store.schema";

type Sums = { redeemed: number; refunded: number; settled: number };

/** Points moved on each shop account of the village in [from, to), by kind of transaction. */
async function periodSums(deps: Deps, villageId: string, from: Date, to: Date, shopId?: string): Promise<Map<string, Sums>> {
  const rows = await deps.db.$queryRaw<{ shopId: string; kind: string; points: bigint }[]>`
    SELECT a."shopId", t."kind"::text AS kind, SUM(p."points") AS points
    FROM "LedgerPosting" p
    JOIN "LedgerAccount" a ON a."id" = p."accountId"
    JOIN "LedgerTransaction" t ON t."id" = p."transactionId"
    WHERE a."villageId" = ${villageId} AND a."kind" = 'SHOP' AND p."createdAt" >= ${from} AND p."createdAt" < ${to}
      AND (${shopId ?? null}::text IS NULL OR a."shopId" = ${shopId ?? null}::text)
    GROUP BY a."shopId", t."kind"`;
  const out = new Map<string, Sums>();
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

/** What the village owes each of its shops now, and what moved in the period (committee). */
export async function owed(deps: Deps, actor: Actor, input: PeriodInput) {
  const villageId = villageOf(actor);
  const { from, to } = periodRange(input.from, input.to);
  const [village, shops, accounts, sums] = await Promise.all([
    deps.db.region.findUniqueOrThrow({ where: { id: villageId }, select: { fenPerPoint: true } }),
    deps.db.shop.findMany({ where: { villageId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } }),
    deps.db.ledgerAccount.findMany({ where: { villageId, kind: "SHOP" }, select: { shopId: true, balance: true } }),
    periodSums(deps, villageId, from, to),
  ]);
  return {
    fenPerPoint: village.fenPerPoint,
    shops: shops.map((s) => {
      const owedPoints = accounts.find((a) => a.shopId === s.id)?.balance ?? 0;
      const p = sums.get(s.id) ?? { redeemed: 0, refunded: 0, settled: 0 };
      return { shopId: s.id, name: s.name, owedPoints, owedFen: fenFor(owedPoints, village.fenPerPoint), period: p };
    }),
  };
}

/**
 * Records that the village paid a shop for `points` (valued at the village's rate). A retry with
 * the same idempotencyKey returns the first record. Throws NOT_FOUND, SETTLEMENT_EXCEEDS_OWED.
 */
export async function record(deps: Deps, actor: Actor, input: SettleInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const shop = await deps.db.shop.findFirst({ where: { id: input.shopId, villageId }, select: { id: true, name: true } });
  if (!shop) throw new DomainError("NOT_FOUND");
  const { fenPerPoint } = await deps.db.region.findUniqueOrThrow({ where: { id: villageId }, select: { fenPerPoint: true } });
  const yuanCents = fenFor(input.points, fenPerPoint);
  try {
    return await deps.db.$transaction(async (tx) => {
      const shopAcc = await shopAccount(tx, villageId, shop.id);
      const settledAcc = await villageAccount(tx, villageId, "SETTLED");
      const posted = await post(tx, now, {
        villageId,
        kind: "SETTLEMENT",
        idempotencyKey: `settle:${shop.id}:${input.idempotencyKey}`,
        postings: [
          { accountId: shopAcc, points: -input.points },
          { accountId: settledAcc, points: input.points },
        ],
        actorUserId: actor.userId,
        reason: `结算 ${shop.name}：${input.reference}`.slice(0, 500),
        source: { type: "settlement", id: input.idempotencyKey },
        noOverdraw: [shopAcc],
      });
      if (posted.replayed) {
        const first = await tx.settlement.findUniqueOrThrow({
          where: { transactionId: posted.transactionId },
          select: { id: true, points: true, yuanCents: true, paidOn: true, reference: true },
        });
        return { ...first, replayed: true };
      }
      const row = await tx.settlement.create({
        data: {
          shopId: shop.id,
          villageId,
          points: input.points,
          yuanCents,
          paidOn: dayStart(input.paidOn),
          reference: input.reference,
          transactionId: posted.transactionId,
          userId: actor.userId,
          createdAt: now,
        },
        select: { id: true, points: true, yuanCents: true, paidOn: true, reference: true },
      });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "settlement.record",
        entity: "Settlement",
        entityId: row.id,
        after: { shopId: shop.id, points: row.points, yuanCents, paidOn: input.paidOn, reference: input.reference },
      });
      return { ...row, replayed: false };
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "INSUFFICIENT_POINTS") {
      const acc = await deps.db.ledgerAccount.findUnique({ where: { shopId: shop.id }, select: { balance: true } });
      throw new DomainError("SETTLEMENT_EXCEEDS_OWED", { owed: acc?.balance ?? 0 });
    }
    throw e;
  }
}

/**
 * The statement of one shop's account for a period: opening balance, every movement (sales with
 * receipt numbers, refunds, payments with their reference) and the closing balance, in points and yuan.
 * The committee names the shop; a shopkeeper gets their own. Throws NOT_FOUND.
 */
export async function statement(deps: Deps, actor: Actor, input: StatementInput) {
  const shop = await actingShop(deps.db, actor, input.shopId);
  const { from, to } = periodRange(input.from, input.to);
  const acc = await deps.db.ledgerAccount.findUnique({ where: { shopId: shop.id }, select: { id: true, balance: true } });
  const { fenPerPoint } = await deps.db.region.findUniqueOrThrow({ where: { id: shop.villageId }, select: { fenPerPoint: true } });
  if (!acc) {
    return { shop: { id: shop.id, name: shop.name }, fenPerPoint, opening: 0, closing: 0, owedNow: 0, lines: [], truncated: false };
  }
  const [before, inPeriod, postings] = await Promise.all([
    deps.db.ledgerPosting.aggregate({ where: { accountId: acc.id, createdAt: { lt: from } }, _sum: { points: true } }),
    deps.db.ledgerPosting.aggregate({ where: { accountId: acc.id, createdAt: { gte: from, lt: to } }, _sum: { points: true } }),
    deps.db.ledgerPosting.findMany({
      where: { accountId: acc.id, createdAt: { gte: from, lt: to } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 2001,
      select: { id: true, points: true, createdAt: true, transaction: { select: { id: true, kind: true, reason: true, sourceType: true, sourceId: true } } },
    }),
  ]);
  const truncated = postings.length > 2000;
  const rows = postings.slice(0, 2000);
  const txIds = rows.map((p) => p.transaction.id);
  const [redemptions, settlements] = await Promise.all([
    deps.db.redemption.findMany({ where: { transactionId: { in: txIds } }, select: { transactionId: true, receiptNo: true } }),
    deps.db.settlement.findMany({ where: { transactionId: { in: txIds } }, select: { transactionId: true, reference: true, paidOn: true, yuanCents: true } }),
  ]);
  const refundSources = rows.filter((p) => p.transaction.kind === "REVERSAL" || p.transaction.kind === "REFUND").map((p) => p.transaction.sourceId).filter((x): x is string => !!x);
  const refunded = refundSources.length
    ? await deps.db.redemption.findMany({ where: { id: { in: refundSources } }, select: { id: true, receiptNo: true } })
    : [];
  const opening = before._sum.points ?? 0;
  let running = opening;
  const lines = rows.map((p) => {
    running += p.points;
    const t = p.transaction;
    const red = redemptions.find((r) => r.transactionId === t.id);
    const set = settlements.find((s) => s.transactionId === t.id);
    const refundOf = t.kind === "REVERSAL" || t.kind === "REFUND" ? refunded.find((r) => r.id === t.sourceId) : undefined;
    return {
      id: p.id,
      date: p.createdAt,
      day: shanghaiDate(p.createdAt),
      kind: t.kind,
      points: p.points,
      fen: fenFor(p.points, fenPerPoint),
      balance: running,
      receiptNo: red ? red.receiptNo : refundOf ? refundOf.receiptNo : null,
      reference: set?.reference ?? null,
      paidOn: set ? shanghaiDate(set.paidOn) : null,
      reason: t.reason,
    };
  });
  return {
    shop: { id: shop.id, name: shop.name },
    fenPerPoint,
    opening,
    closing: opening + (inPeriod._sum.points ?? 0),
    owedNow: acc.balance,
    lines,
    truncated,
  };
}
