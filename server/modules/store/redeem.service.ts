/**
 * Redeeming points for goods (docs/architecture.md, "Check-in and the store") and refunds. A redemption is one database
 * transaction: the items are locked (SELECT … FOR UPDATE, ordered by id so two tills never deadlock),
 * stock is checked and decreased, the points move household → shop through the ledger (no overdraw),
 * the payment code's nonce is recorded (a code pays once), and the receipt is written.
 * Lock order everywhere in the store: redemption lines → items → the village ledger lock.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import { householdAccount, post, reverse, shopAccount } from "@/server/ledger/ledger";
import { householdBalance, transactionIdByKey } from "@/server/ledger/read";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import type { Db } from "@/server/db/client";
import { recordAudit } from "../audit/audit.service";
import { checkPin } from "../households/pin.service";
import { resolvePayer } from "./pay.service";
import { receiptNumber, refundBlock } from "./store.policy";
import { householdByNumber, householdLabels } from "../households/for-store.read";
import {
  actingShop,
  changeStock,
  createRedemption,
  createRefund,
  listReceipts,
  lockItems,
  lockItemsForSale,
  lockRedemptionLines,
  markLineRefunded,
  receiptByStoredKey,
  recordStockMoves,
  redemptionForRefund,
  refundByTransaction,
  refundsOf,
  shopNames,
  usePaymentCode,
} from "./store.repo";
import type { ReceiptsInput, RedeemInput, RefundInput } from "./store.schema";
import { villagerHousehold } from "../households/household.read";

type ReceiptRow = {
  id: string;
  shopId: string;
  householdId: string;
  receiptNo: string;
  totalPoints: number;
  payMethod: "CODE" | "CARD_PIN";
  createdAt: Date;
  transactionId: string;
  lines: { id: string; itemId: string; name: string; unitPoints: number; quantity: number; refundedQty: number }[];
};

async function presentReceipts(db: Db | Tx, rows: ReceiptRow[]) {
  const [shops, households, refunds] = await Promise.all([
    shopNames(db, rows.map((r) => r.shopId)),
    householdLabels(db, rows.map((r) => r.householdId)),
    refundsOf(db, rows.map((r) => r.id)),
  ]);
  return rows.map((r) => {
    const h = households.get(r.householdId);
    const rf = refunds.filter((x) => x.redemptionId === r.id);
    return {
      id: r.id,
      receiptNo: r.receiptNo,
      shopName: shops.get(r.shopId) ?? "",
      household: h ? { number: h.number, headName: h.headName } : null,
      totalPoints: r.totalPoints,
      refundedPoints: rf.reduce((s, x) => s + x.points, 0),
      payMethod: r.payMethod,
      createdAt: r.createdAt,
      lines: r.lines.map((l) => ({ ...l, linePoints: l.unitPoints * l.quantity })),
      refunds: rf.map(({ id, points, reason, createdAt }) => ({ id, points, reason, createdAt })),
    };
  });
}

const storedKey = (shopId: string, key: string) => `${shopId}:${key}`;

async function receiptByKey(db: Db | Tx, shopId: string, key: string) {
  const row = await receiptByStoredKey(db, storedKey(shopId, key));
  if (!row) return null;
  const [r] = await presentReceipts(db, [row]);
  return { ...r!, balance: await householdBalance(db, row.householdId), replayed: true };
}

/**
 * Redeems items for a household's points at the shopkeeper's shop. A retry with the same
 * idempotencyKey returns the first receipt and moves nothing.
 * Throws NOT_FOUND (no shop), PAY_CODE_INVALID, PAY_CODE_EXPIRED, CODE_OTHER_VILLAGE, CODE_USED, PIN_REQUIRED,
 * PIN_NOT_SET, PIN_WRONG, PIN_LOCKED, HOUSEHOLD_INACTIVE, ITEM_UNAVAILABLE, PRICE_STALE (a line priced on an older
 * priceVersion of its item), PRICE_CHANGED (with the new
 * total), OUT_OF_STOCK (naming the item), INSUFFICIENT_POINTS.
 */
export async function redeem(deps: Deps, actor: Actor, input: RedeemInput) {
  const shop = await actingShop(deps.db, actor);
  const now = deps.now();
  const first = await receiptByKey(deps.db, shop.id, input.idempotencyKey);
  if (first) return first;
  const payer = await resolvePayer(deps.db, shop, input.payer, now);
  if (input.payer.method === "CARD") await checkPin(deps.db, actor, payer.household, input.payer.pin, now);
  const h = payer.household;
  const redemptionId = randomUUID();
  try {
    const done = await deps.db.$transaction(
      async (tx) => {
        const items = await lockItemsForSale(tx, shop, input.lines.map((l) => l.itemId));
        // a concurrent retry of the same request may have committed while we waited for the locks
        const replay = await receiptByKey(tx, shop.id, input.idempotencyKey);
        if (replay) return replay;
        const byId = new Map(items.map((i) => [i.id, i]));
        const lines = input.lines.map((l) => {
          const item = byId.get(l.itemId);
          if (!item || !item.active) throw new DomainError("ITEM_UNAVAILABLE", { item: item?.name ?? "" });
          return { item, quantity: l.quantity, priceVersion: l.priceVersion };
        });
        const total = lines.reduce((s, l) => s + l.item.pricePoints * l.quantity, 0);
        // the POS priced a line with an older price (even if the total happens to be the same)
        const stale = lines.find((l) => l.priceVersion !== undefined && l.priceVersion !== l.item.priceVersion);
        if (stale) {
          const { item } = stale;
          throw new DomainError("PRICE_STALE", { item: item.name, price: item.pricePoints, total }, { itemId: item.id, priceVersion: item.priceVersion, total });
        }
        if (total !== input.expectedTotal) throw new DomainError("PRICE_CHANGED", { total, expected: input.expectedTotal }, { total });
        for (const l of lines) {
          if (l.item.stock < l.quantity) throw new DomainError("OUT_OF_STOCK", { item: l.item.name, stock: l.item.stock });
        }
        if (payer.nonce && !(await usePaymentCode(tx, payer.nonce, h.id, now))) throw new DomainError("CODE_USED");
        // Everything that does not need the ledger's sequence number goes before `post`: from `post` on,
        // the village's ledger lock is held until COMMIT and every other sale of the village waits.
        for (const l of lines) await changeStock(tx, l.item.id, -l.quantity, now);
        await recordStockMoves(
          tx,
          lines.map((l) => ({ itemId: l.item.id, shopId: shop.id, delta: -l.quantity, reason: "REDEMPTION" as const, note: "", userId: actor.userId, sourceId: redemptionId, createdAt: now })),
        );
        const hhAcc = await householdAccount(tx, shop.villageId, h.id);
        const shopAcc = await shopAccount(tx, shop.villageId, shop.id);
        const names = lines.map((l) => `${l.item.name}×${l.quantity}`).join("、");
        const posted = await post(tx, now, {
          villageId: shop.villageId,
          kind: "REDEMPTION",
          idempotencyKey: `redeem:${storedKey(shop.id, input.idempotencyKey)}`,
          postings: [
            { accountId: hhAcc, points: -total },
            { accountId: shopAcc, points: total },
          ],
          actorUserId: actor.userId,
          reason: `${shop.name}兑换：${names}`.slice(0, 500),
          source: { type: "redemption", id: redemptionId },
          noOverdraw: [hhAcc],
        });
        const receiptNo = receiptNumber(now, posted.seq);
        const row = await createRedemption(
          tx,
          {
            id: redemptionId,
            shopId: shop.id,
            villageId: shop.villageId,
            householdId: h.id,
            receiptNo,
            totalPoints: total,
            transactionId: posted.transactionId,
            idempotencyKey: storedKey(shop.id, input.idempotencyKey),
            shopkeeperUserId: actor.userId,
            payMethod: payer.payMethod,
            userId: payer.userId,
            createdAt: now,
          },
          lines.map((l) => ({ itemId: l.item.id, name: l.item.name, unitPoints: l.item.pricePoints, quantity: l.quantity })),
        );
        await recordAudit(tx, actor, {
          regionId: shop.villageId,
          action: "store.redeem",
          entity: "Redemption",
          entityId: row.id,
          after: { receiptNo, householdId: h.id, totalPoints: total },
        });
        return { row };
      },
      { maxWait: 20_000, timeout: 30_000 },
    );
    if ("replayed" in done) return done;
    // read back after COMMIT, outside the village's ledger lock
    const [[r], balance] = await Promise.all([presentReceipts(deps.db, [done.row]), householdBalance(deps.db, h.id)]);
    return { ...r!, balance, replayed: false };
  } catch (e) {
    // two copies of one request raced past every check: the second lost on a unique index
    if (isUniqueViolation(e)) {
      const again = await receiptByKey(deps.db, shop.id, input.idempotencyKey);
      if (again) return again;
    }
    throw e;
  }
}

/**
 * Refunds a receipt, whole or some lines, with a reason: the points go back to the household (the whole
 * receipt: a REVERSAL of the sale; some lines: a REFUND; the shop's account may not go below zero), the items are restocked (StockMove REFUND).
 * A shopkeeper may refund at their shop on the day of the sale; later, a supervisor of the village.
 * A retry with the same idempotencyKey returns the first refund.
 * Throws NOT_FOUND, REFUND_NEEDS_SUPERVISOR, REFUND_TOO_MUCH, NOTHING_TO_REFUND, INSUFFICIENT_POINTS (the shop was already settled for it).
 */
export async function refund(deps: Deps, actor: Actor, input: RefundInput) {
  const villageId = villageOf(actor);
  const shop = actor.role === "SHOPKEEPER" ? await actingShop(deps.db, actor) : null;
  const now = deps.now();
  const ledgerKey = `refund:${input.redemptionId}:${input.idempotencyKey}`;
  const prior = async (db: Db | Tx) => {
    const transactionId = await transactionIdByKey(db, ledgerKey);
    return transactionId ? refundByTransaction(db, transactionId) : null;
  };
  const done = await prior(deps.db);
  if (done) return { ...done, replayed: true };
  return deps.db.$transaction(
    async (tx) => {
      const red = await redemptionForRefund(tx, villageId, input.redemptionId, shop?.id);
      if (!red) throw new DomainError("NOT_FOUND");
      const block = refundBlock(actor.role, red.createdAt, now);
      if (block) throw new DomainError(block);
      const lines = await lockRedemptionLines(tx, red.id);
      const again = await prior(tx);
      if (again) return { ...again, replayed: true };
      const wanted = input.lines ?? lines.filter((l) => l.quantity > l.refundedQty).map((l) => ({ lineId: l.id, quantity: l.quantity - l.refundedQty }));
      if (!wanted.length) throw new DomainError("NOTHING_TO_REFUND");
      const picked = wanted.map((w) => {
        const line = lines.find((l) => l.id === w.lineId);
        if (!line) throw new DomainError("NOT_FOUND");
        if (w.quantity > line.quantity - line.refundedQty) throw new DomainError("REFUND_TOO_MUCH", { item: line.name, left: line.quantity - line.refundedQty });
        return { line, quantity: w.quantity };
      });
      if (new Set(picked.map((p) => p.line.id)).size !== picked.length) throw new DomainError("INVALID_INPUT");
      const points = picked.reduce((s, p) => s + p.line.unitPoints * p.quantity, 0);
      const whole = lines.every((l) => l.refundedQty === 0 && picked.find((p) => p.line.id === l.id)?.quantity === l.quantity);
      // lock the items being restocked in id order (same order as redeem)
      await lockItems(tx, [...new Set(picked.map((p) => p.line.itemId))]);
      const reason = `退货（${red.receiptNo}）：${input.reason}`.slice(0, 500);
      let posted;
      if (whole) {
        // the whole receipt: the ledger's own reversal of the sale
        posted = await reverse(tx, now, { villageId, transactionId: red.transactionId, idempotencyKey: ledgerKey, actorUserId: actor.userId, reason });
      } else {
        const hhAcc = await householdAccount(tx, villageId, red.householdId);
        const shopAcc = await shopAccount(tx, villageId, red.shopId);
        posted = await post(tx, now, {
          villageId,
          // part of the receipt: a refund of its own, not a reversal (a REVERSAL always names what it undoes)
          kind: "REFUND",
          idempotencyKey: ledgerKey,
          postings: [
            { accountId: shopAcc, points: -points },
            { accountId: hhAcc, points },
          ],
          actorUserId: actor.userId,
          reason,
          source: { type: "refund", id: red.id },
          noOverdraw: [shopAcc],
        });
      }
      for (const p of picked) {
        await markLineRefunded(tx, p.line.id, p.quantity);
        await changeStock(tx, p.line.itemId, p.quantity, now);
      }
      await recordStockMoves(
        tx,
        picked.map((p) => ({ itemId: p.line.itemId, shopId: red.shopId, delta: p.quantity, reason: "REFUND" as const, note: input.reason, userId: actor.userId, sourceId: red.id, createdAt: now })),
      );
      const row = await createRefund(tx, {
        redemptionId: red.id,
        villageId,
        transactionId: posted.transactionId,
        points,
        reason: input.reason,
        userId: actor.userId,
        approvedById: actor.role === "SUPERVISOR" ? actor.userId : null,
        lines: picked.map((p) => ({ lineId: p.line.id, itemId: p.line.itemId, name: p.line.name, quantity: p.quantity, unitPoints: p.line.unitPoints })),
        createdAt: now,
      });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "store.refund",
        entity: "Redemption",
        entityId: red.id,
        after: { refundId: row.id, points, whole, reason: input.reason },
      });
      return { ...row, replayed: false };
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
}

/**
 * Receipts, newest first: a villager sees their household's, a shopkeeper their shop's, the committee
 * and supervisors the village's. Optionally one receipt by its number, or (staff) one household's by 户号.
 */
export async function receipts(deps: Deps, actor: Actor, input: ReceiptsInput) {
  const villageId = villageOf(actor);
  let scope: { householdId?: string; shopId?: string } = {};
  if (actor.role === "VILLAGER") {
    const h = await villagerHousehold(deps.db, actor);
    if (!h) return [];
    scope = { householdId: h.id };
  } else if (actor.role === "SHOPKEEPER") {
    const shop = await actingShop(deps.db, actor).catch(() => null);
    if (!shop) return [];
    scope = { shopId: shop.id };
  }
  if (input.householdNumber && actor.role !== "VILLAGER") {
    const h = await householdByNumber(deps.db, villageId, input.householdNumber);
    if (!h) return [];
    scope = { ...scope, householdId: h.id };
  }
  const rows = await listReceipts(deps.db, villageId, { ...scope, ...(input.receiptNo ? { receiptNo: input.receiptNo } : {}) }, input.take);
  return presentReceipts(deps.db, rows);
}
