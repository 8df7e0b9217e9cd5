/**
 * Settling with the shop (docs/architecture.md, "Check-in and the store"): the SHOP account's balance is what the village owes the
 * shop, valued at the village's fen-per-point; a recorded payment is a SETTLEMENT ledger transaction
 * SHOP → SETTLED (never more than is owed). Both sides read the same statement.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import { post, shopAccount, villageAccount } from "@/server/ledger/ledger";
import { shopAccountMovements, shopBalance, shopBalances, shopPeriodSums } from "@/server/ledger/read";
import type { Deps } from "@/server/lib/deps";
import { DomainError, isDomainError } from "@/server/lib/errors";
import { villageDay, villageDayStart } from "@/server/lib/village-time.schema";
import { recordAudit } from "../audit/audit.service";
import { fenFor, periodRange } from "./store.policy";
import { villageFenPerPoint } from "../regions/for-store.read";
import { actingShop, createSettlement, documentsOfTransactions, receiptNumbers, settlementByTransaction, shopInVillage, villageShops } from "./store.repo";
import type { PeriodInput, SettleInput, StatementInput } from "./store.schema";

/** What the village owes each of its shops now, and what moved in the period (committee). */
export async function owed(deps: Deps, actor: Actor, input: PeriodInput) {
  const villageId = villageOf(actor);
  const { from, to } = periodRange(input.from, input.to);
  const [fenPerPoint, shops, balances, sums] = await Promise.all([
    villageFenPerPoint(deps.db, villageId),
    villageShops(deps.db, villageId),
    shopBalances(deps.db, villageId),
    shopPeriodSums(deps.db, villageId, from, to),
  ]);
  return {
    fenPerPoint,
    shops: shops.map((s) => {
      const owedPoints = balances.get(s.id) ?? 0;
      const p = sums.get(s.id) ?? { redeemed: 0, refunded: 0, settled: 0 };
      return { shopId: s.id, name: s.name, owedPoints, owedFen: fenFor(owedPoints, fenPerPoint), period: p };
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
  const shop = await shopInVillage(deps.db, villageId, input.shopId);
  if (!shop) throw new DomainError("NOT_FOUND");
  const fenPerPoint = await villageFenPerPoint(deps.db, villageId);
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
        const first = await settlementByTransaction(tx, posted.transactionId);
        return { ...first, replayed: true };
      }
      const row = await createSettlement(tx, {
        shopId: shop.id,
        villageId,
        points: input.points,
        yuanCents,
        paidOn: villageDayStart(input.paidOn),
        reference: input.reference,
        transactionId: posted.transactionId,
        userId: actor.userId,
        createdAt: now,
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
      throw new DomainError("SETTLEMENT_EXCEEDS_OWED", { owed: await shopBalance(deps.db, shop.id) });
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
  const [acc, fenPerPoint] = await Promise.all([shopAccountMovements(deps.db, shop.id, from, to, 2001), villageFenPerPoint(deps.db, shop.villageId)]);
  if (!acc) {
    return { shop: { id: shop.id, name: shop.name }, fenPerPoint, opening: 0, closing: 0, owedNow: 0, lines: [], truncated: false };
  }
  const truncated = acc.postings.length > 2000;
  const rows = acc.postings.slice(0, 2000);
  const txIds = rows.map((p) => p.transaction.id);
  const { redemptions, settlements } = await documentsOfTransactions(deps.db, txIds);
  const refundSources = rows.filter((p) => p.transaction.kind === "REVERSAL" || p.transaction.kind === "REFUND").map((p) => p.transaction.sourceId).filter((x): x is string => !!x);
  const refunded = await receiptNumbers(deps.db, refundSources);
  const opening = acc.opening;
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
      day: villageDay(p.createdAt),
      kind: t.kind,
      points: p.points,
      fen: fenFor(p.points, fenPerPoint),
      balance: running,
      receiptNo: red ? red.receiptNo : refundOf ? refundOf.receiptNo : null,
      reference: set?.reference ?? null,
      paidOn: set ? villageDay(set.paidOn) : null,
      reason: t.reason,
    };
  });
  return {
    shop: { id: shop.id, name: shop.name },
    fenPerPoint,
    opening,
    closing: opening + acc.inPeriod,
    owedNow: acc.balance,
    lines,
    truncated,
  };
}
