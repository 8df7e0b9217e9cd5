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

/** The household the villager belongs to (in their village), or null. */
export async function myHousehold(db: Reader, actor: Actor) {
  return db.household.findFirst({
    where: { villageId: actor.villageId ?? "__none__", members: { some: { userId: actor.userId } } },
    select: { id: true, number: true, headName: true, villageId: true, status: true },
  });
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
