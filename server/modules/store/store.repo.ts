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
