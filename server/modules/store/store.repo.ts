/** Store queries with explicit selects, always scoped by the actor's village or shop. */
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";

type Reader = Db | Tx;

export const shopSelect = { id: true, villageId: true, name: true, active: true, lowStockThreshold: true } as const;

/** The shop a shopkeeper works at (ShopKeeper link in their village), or null. */
export async function keeperShop(db: Reader, actor: Actor) {
  if (!actor.villageId) return null;
  const link = await db.shopKeeper.findFirst({
    where: { userId: actor.userId, villageId: actor.villageId },
    orderBy: { createdAt: "asc" },
    select: { shopId: true },
  });
  if (!link) return null;
  return db.shop.findFirst({ where: { id: link.shopId, villageId: actor.villageId }, select: shopSelect });
}

/** The shop an actor acts for: a shopkeeper's own shop; committee/supervisor name one of their village. Throws NOT_FOUND. */
export async function actingShop(db: Reader, actor: Actor, shopId?: string) {
  if (actor.role === "SHOPKEEPER") {
    const shop = await keeperShop(db, actor);
    if (!shop || (shopId && shopId !== shop.id)) throw new DomainError("NOT_FOUND");
    return shop;
  }
  if (!shopId || !actor.villageId) throw new DomainError("NOT_FOUND");
  const shop = await db.shop.findFirst({ where: { id: shopId, villageId: actor.villageId }, select: shopSelect });
  if (!shop) throw new DomainError("NOT_FOUND");
  return shop;
}

export const itemSelect = {
  id: true,
  shopId: true,
  name: true,
  category: true,
  pricePoints: true,
  stock: true,
  priceVersion: true,
  photoType: true,
  active: true,
  updatedAt: true,
} as const;

export const receiptSelect = {
  id: true,
  shopId: true,
  householdId: true,
  receiptNo: true,
  totalPoints: true,
  payMethod: true,
  createdAt: true,
  transactionId: true,
  lines: { select: { id: true, itemId: true, name: true, unitPoints: true, quantity: true, refundedQty: true }, orderBy: { id: "asc" } },
} as const;

// ───────────── settlement ─────────────

/** The shops of a village, oldest first. */
export function villageShops(db: Reader, villageId: string) {
  return db.shop.findMany({ where: { villageId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
}

/** A shop of the village, or null. */
export function shopInVillage(db: Reader, villageId: string, shopId: string) {
  return db.shop.findFirst({ where: { id: shopId, villageId }, select: { id: true, name: true } });
}

export const settlementSelect = { id: true, points: true, yuanCents: true, paidOn: true, reference: true } as const;

export function settlementByTransaction(db: Reader, transactionId: string) {
  return db.settlement.findUniqueOrThrow({ where: { transactionId }, select: settlementSelect });
}

export function createSettlement(
  tx: Tx,
  data: { shopId: string; villageId: string; points: number; yuanCents: number; paidOn: Date; reference: string; transactionId: string; userId: string; createdAt: Date },
) {
  return tx.settlement.create({ data, select: settlementSelect });
}

/** Receipt numbers of the sales posted as these transactions, and the settlements posted as them. */
export async function documentsOfTransactions(db: Reader, transactionIds: string[]) {
  const [redemptions, settlements] = await Promise.all([
    db.redemption.findMany({ where: { transactionId: { in: transactionIds } }, select: { transactionId: true, receiptNo: true } }),
    db.settlement.findMany({ where: { transactionId: { in: transactionIds } }, select: { transactionId: true, reference: true, paidOn: true, yuanCents: true } }),
  ]);
  return { redemptions, settlements };
}

/** Receipt numbers of these redemptions (what a refund line refers to). */
export function receiptNumbers(db: Reader, redemptionIds: string[]) {
  return redemptionIds.length ? db.redemption.findMany({ where: { id: { in: redemptionIds } }, select: { id: true, receiptNo: true } }) : Promise.resolve([]);
}

// ───────────── shops and keepers ─────────────

/** The shops of the village (or just `onlyId`), oldest first. */
export function listVillageShops(db: Reader, villageId: string, onlyId?: string) {
  return db.shop.findMany({ where: { villageId, ...(onlyId ? { id: onlyId } : {}) }, orderBy: { createdAt: "asc" }, select: shopSelect });
}

/** The keeper links of these shops. */
export function keepersOf(db: Reader, villageId: string, shopIds: string[]) {
  return db.shopKeeper.findMany({ where: { shopId: { in: shopIds }, villageId }, select: { shopId: true, userId: true } });
}

/** How many active items each of these shops has. */
export async function activeItemCounts(db: Reader, shopIds: string[]): Promise<Map<string, number>> {
  const rows = await db.shopItem.groupBy({ by: ["shopId"], where: { shopId: { in: shopIds }, active: true }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.shopId, r._count._all]));
}

export function createShopRow(tx: Tx, data: { villageId: string; name: string; lowStockThreshold: number }) {
  return tx.shop.create({ data, select: shopSelect });
}

/** The person's keeper links in the village (at most one, by the unique index). */
export function keeperLinks(db: Reader, villageId: string, userId: string) {
  return db.shopKeeper.findMany({ where: { userId, villageId }, select: { id: true, shopId: true } });
}

export function deleteKeeperLink(tx: Tx, id: string) {
  return tx.shopKeeper.delete({ where: { id }, select: { id: true } });
}

export function createKeeperLink(tx: Tx, data: { shopId: string; userId: string; villageId: string }) {
  return tx.shopKeeper.create({ data, select: { id: true } });
}

// ───────────── catalogue and stock ─────────────

type Photo = { photo: Uint8Array<ArrayBuffer> | null; photoType: string | null };

/** The items of a shop: active first, by category and name. */
export function shopItems(db: Reader, shop: { id: string; villageId: string }, includeInactive: boolean) {
  return db.shopItem.findMany({
    where: { shopId: shop.id, villageId: shop.villageId, ...(includeInactive ? {} : { active: true }) },
    orderBy: [{ active: "desc" }, { category: "asc" }, { name: "asc" }],
    select: itemSelect,
  });
}

export function createItem(
  tx: Tx,
  data: { shopId: string; villageId: string; name: string; category: string; pricePoints: number; stock: number; active: boolean } & Partial<Photo>,
) {
  return tx.shopItem.create({ data, select: itemSelect });
}

/** One item of the shop, or null. */
export function itemOfShop(db: Reader, shop: { id: string; villageId: string }, itemId: string) {
  return db.shopItem.findFirst({ where: { id: itemId, shopId: shop.id, villageId: shop.villageId }, select: itemSelect });
}

/** Updates an item; a new price bumps its priceVersion (a till priced on the old one is refused). */
export function updateItem(
  tx: Tx,
  id: string,
  data: { name: string; category: string; pricePoints: number; active: boolean } & Partial<Photo>,
  priceChanged: boolean,
) {
  return tx.shopItem.update({
    where: { id },
    data: { ...data, ...(priceChanged ? { priceVersion: { increment: 1 } } : {}) },
    select: itemSelect,
  });
}

/**
 * Adds `delta` to an item's stock unless it would go below zero (the row lock and the condition make
 * concurrent adjustments and sales safe). The new stock, or null when refused or not of the shop.
 */
export async function addStock(tx: Tx, shop: { id: string; villageId: string }, itemId: string, delta: number): Promise<number | null> {
  const rows = await tx.$queryRaw<{ stock: number }[]>`
    UPDATE "ShopItem" SET "stock" = "stock" + ${delta}, "updatedAt" = now()
    WHERE "id" = ${itemId} AND "shopId" = ${shop.id} AND "villageId" = ${shop.villageId} AND "stock" + ${delta} >= 0
    RETURNING "stock"`;
  return rows[0]?.stock ?? null;
}

/** Name and stock of an item of the shop, or null. */
export function itemNameAndStock(db: Reader, shopId: string, itemId: string) {
  return db.shopItem.findFirst({ where: { id: itemId, shopId }, select: { id: true, name: true, stock: true } });
}

export type StockMoveRow = {
  itemId: string;
  shopId: string;
  delta: number;
  reason: "DELIVERY" | "DAMAGE" | "COUNT" | "REDEMPTION" | "REFUND";
  note: string;
  userId: string;
  sourceId?: string;
  createdAt?: Date;
};

export async function recordStockMoves(tx: Tx, rows: StockMoveRow[]): Promise<void> {
  if (rows.length) await tx.stockMove.createMany({ data: rows });
}

/** The latest 100 stock moves of an item, newest first. */
export function stockMovesOf(db: Reader, shopId: string, itemId: string) {
  return db.stockMove.findMany({
    where: { itemId, shopId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, delta: true, reason: true, note: true, createdAt: true, sourceId: true },
  });
}

/** The village's active shops with their active items (the villager's catalogue). */
export function catalogShops(db: Reader, villageId: string) {
  return db.shop.findMany({
    where: { villageId, active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, items: { where: { active: true }, orderBy: [{ category: "asc" }, { pricePoints: "asc" }], select: itemSelect } },
  });
}

/** An item's photo, only in the village. */
export function itemPhotoRow(db: Reader, villageId: string, itemId: string) {
  return db.shopItem.findFirst({ where: { id: itemId, villageId }, select: { photo: true, photoType: true, updatedAt: true } });
}

// ───────────── sales and refunds ─────────────

/** Names of these shops. */
export async function shopNames(db: Reader, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.shop.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** The refunds of these receipts, oldest first. */
export function refundsOf(db: Reader, redemptionIds: string[]) {
  return db.refund.findMany({
    where: { redemptionId: { in: redemptionIds } },
    orderBy: { createdAt: "asc" },
    select: { id: true, redemptionId: true, points: true, reason: true, createdAt: true },
  });
}

/** The receipt stored under a (shop-scoped) idempotency key, or null. */
export function receiptByStoredKey(db: Reader, storedKey: string) {
  return db.redemption.findUnique({ where: { idempotencyKey: storedKey }, select: receiptSelect });
}

/** Locks the shop's items being sold, in id order (so two tills never deadlock), and reads them. */
export function lockItemsForSale(tx: Tx, shop: { id: string; villageId: string }, ids: string[]) {
  return tx.$queryRaw<{ id: string; name: string; pricePoints: number; priceVersion: number; stock: number; active: boolean }[]>`
    SELECT "id", "name", "pricePoints", "priceVersion", "stock", "active" FROM "ShopItem"
    WHERE "id" = ANY(${[...ids].sort()}::text[]) AND "shopId" = ${shop.id} AND "villageId" = ${shop.villageId}
    ORDER BY "id" FOR UPDATE`;
}

/** Locks items (being restocked by a refund) in id order. */
export async function lockItems(tx: Tx, ids: string[]): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "ShopItem" WHERE "id" = ANY(${[...ids].sort()}::text[]) ORDER BY "id" FOR UPDATE`;
}

/** Records that a payment code's nonce paid; false when it already had (a code pays once). */
export async function usePaymentCode(tx: Tx, nonce: string, householdId: string, now: Date): Promise<boolean> {
  const used = await tx.$queryRaw<{ nonce: string }[]>`
    INSERT INTO "PaymentCodeUse" ("nonce", "householdId", "usedAt") VALUES (${nonce}, ${householdId}, ${now})
    ON CONFLICT DO NOTHING RETURNING "nonce"`;
  return used.length > 0;
}

/** Whether a payment code's nonce has paid already. */
export async function paymentCodeUsed(db: Reader, nonce: string): Promise<boolean> {
  return !!(await db.paymentCodeUse.findUnique({ where: { nonce }, select: { nonce: true } }));
}

/** Changes an item's stock by `delta` (the caller holds the item's lock and has checked the stock). */
export async function changeStock(tx: Tx, itemId: string, delta: number, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "ShopItem" SET "stock" = "stock" + ${delta}, "updatedAt" = ${now} WHERE "id" = ${itemId}`;
}

export function createRedemption(
  tx: Tx,
  data: {
    id: string;
    shopId: string;
    villageId: string;
    householdId: string;
    receiptNo: string;
    totalPoints: number;
    transactionId: string;
    idempotencyKey: string;
    shopkeeperUserId: string;
    payMethod: "CODE" | "CARD_PIN";
    userId: string | null;
    createdAt: Date;
  },
  lines: { itemId: string; name: string; unitPoints: number; quantity: number }[],
) {
  return tx.redemption.create({ data: { ...data, lines: { create: lines } }, select: receiptSelect });
}

/** The refund posted as this ledger transaction, or null. */
export function refundByTransaction(db: Reader, transactionId: string) {
  return db.refund.findUnique({ where: { transactionId }, select: { id: true, points: true, redemptionId: true } });
}

/** A receipt of the village (of the shop, when given) with what a refund needs, or null. */
export function redemptionForRefund(db: Reader, villageId: string, id: string, shopId?: string) {
  return db.redemption.findFirst({
    where: { id, villageId, ...(shopId ? { shopId } : {}) },
    select: { id: true, shopId: true, householdId: true, createdAt: true, transactionId: true, receiptNo: true },
  });
}

/** Locks a receipt's lines (in id order) and reads them. */
export function lockRedemptionLines(tx: Tx, redemptionId: string) {
  return tx.$queryRaw<{ id: string; itemId: string; name: string; unitPoints: number; quantity: number; refundedQty: number }[]>`
    SELECT "id", "itemId", "name", "unitPoints", "quantity", "refundedQty" FROM "RedemptionLine"
    WHERE "redemptionId" = ${redemptionId} ORDER BY "id" FOR UPDATE`;
}

export async function markLineRefunded(tx: Tx, lineId: string, quantity: number): Promise<void> {
  await tx.redemptionLine.update({ where: { id: lineId }, data: { refundedQty: { increment: quantity } }, select: { id: true } });
}

export function createRefund(
  tx: Tx,
  data: {
    redemptionId: string;
    villageId: string;
    transactionId: string;
    points: number;
    reason: string;
    userId: string;
    approvedById: string | null;
    lines: { lineId: string; itemId: string; name: string; quantity: number; unitPoints: number }[];
    createdAt: Date;
  },
) {
  return tx.refund.create({ data, select: { id: true, points: true, redemptionId: true } });
}

/** Receipts of the village (narrowed to a household or shop, or one receipt number), newest first. */
export function listReceipts(db: Reader, villageId: string, scope: { householdId?: string; shopId?: string; receiptNo?: string }, take: number) {
  return db.redemption.findMany({
    where: { villageId, ...scope },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: receiptSelect,
  });
}
