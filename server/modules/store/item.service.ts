/**
 * The catalogue of a shop: items with price, stock, photo and category; stock adjustments kept as
 * StockMove rows; the villager's view of their village's shops with what they can afford.
 * Photos are re-encoded by photo.ts (upright, at most 800×800, WebP, no metadata) before they are stored.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import { householdBalance } from "@/server/ledger/read";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import { encodePhoto } from "@/server/lib/photo";
import { isLowStock } from "./store.policy";
import {
  actingShop,
  addStock,
  catalogShops,
  createItem,
  itemNameAndStock,
  itemOfShop,
  itemPhotoRow,
  recordStockMoves,
  shopItems,
  stockMovesOf,
  updateItem,
} from "./store.repo";
import type { AdjustStockInput, ItemListInput, ItemSaveInput } from "./store.schema";
import { villagerHousehold } from "../households/household.read";

type ItemRow = { id: string; name: string; category: string; pricePoints: number; stock: number; priceVersion: number; photoType: string | null; active: boolean; updatedAt: Date };

function present(item: ItemRow, threshold: number) {
  return {
    id: item.id,
    name: item.name,
    category: item.category,
    pricePoints: item.pricePoints,
    stock: item.stock,
    priceVersion: item.priceVersion,
    active: item.active,
    lowStock: item.active && isLowStock(item.stock, threshold),
    /** cache-busting photo address, or null */
    photoUrl: item.photoType ? `/api/store/item-photo/${item.id}?v=${item.updatedAt.getTime()}` : null,
  };
}

/** The items of the actor's shop (a committee names the shop). Throws NOT_FOUND. */
export async function listItems(deps: Deps, actor: Actor, input: ItemListInput) {
  const shop = await actingShop(deps.db, actor, input.shopId);
  const items = await shopItems(deps.db, shop, input.includeInactive);
  return { shop: { id: shop.id, name: shop.name, lowStockThreshold: shop.lowStockThreshold }, items: items.map((i) => present(i, shop.lowStockThreshold)) };
}

/**
 * Creates or updates an item of the shopkeeper's shop. A price change bumps priceVersion (a POS
 * holding the old price gets PRICE_CHANGED on confirm). A new item's opening stock is a DELIVERY.
 * Throws NOT_FOUND, PHOTO_NOT_IMAGE, PHOTO_TOO_LARGE, PHOTO_TOO_MANY_PIXELS.
 */
export async function saveItem(deps: Deps, actor: Actor, input: ItemSaveInput) {
  const shop = await actingShop(deps.db, actor);
  let photo: { photo: Uint8Array<ArrayBuffer> | null; photoType: string | null } | undefined;
  if (input.photoBase64 === null) photo = { photo: null, photoType: null };
  else if (input.photoBase64) {
    // before the transaction: a refused photo writes nothing, and no row lock waits for the encoder
    const encoded = await encodePhoto(input.photoBase64);
    photo = { photo: new Uint8Array(encoded.bytes), photoType: encoded.type };
  }
  return deps.db.$transaction(async (tx) => {
    if (!input.id) {
      const item = await createItem(tx, {
        shopId: shop.id,
        villageId: shop.villageId,
        name: input.name,
        category: input.category,
        pricePoints: input.pricePoints,
        stock: input.stock,
        active: input.active,
        ...(photo ?? {}),
      });
      if (input.stock > 0) {
        await recordStockMoves(tx, [{ itemId: item.id, shopId: shop.id, delta: input.stock, reason: "DELIVERY", note: "", userId: actor.userId }]);
      }
      await recordAudit(tx, actor, {
        regionId: shop.villageId,
        action: "item.create",
        entity: "ShopItem",
        entityId: item.id,
        after: { name: item.name, pricePoints: item.pricePoints, stock: item.stock },
      });
      return present(item, shop.lowStockThreshold);
    }
    const before = await itemOfShop(tx, shop, input.id);
    if (!before) throw new DomainError("NOT_FOUND");
    const priceChanged = before.pricePoints !== input.pricePoints;
    const item = await updateItem(
      tx,
      before.id,
      { name: input.name, category: input.category, pricePoints: input.pricePoints, active: input.active, ...(photo ?? {}) },
      priceChanged,
    );
    await recordAudit(tx, actor, {
      regionId: shop.villageId,
      action: "item.update",
      entity: "ShopItem",
      entityId: item.id,
      before: { name: before.name, pricePoints: before.pricePoints, active: before.active, category: before.category },
      after: { name: item.name, pricePoints: item.pricePoints, active: item.active, category: item.category, photoChanged: photo !== undefined },
    });
    return present(item, shop.lowStockThreshold);
  });
}

/**
 * Adds or removes stock with a reason (delivery, damage, count) and a note; never below zero.
 * Throws NOT_FOUND, STOCK_NEGATIVE.
 */
export async function adjustStock(deps: Deps, actor: Actor, input: AdjustStockInput) {
  const shop = await actingShop(deps.db, actor);
  return deps.db.$transaction(async (tx) => {
    const stock = await addStock(tx, shop, input.itemId, input.delta);
    if (stock === null) {
      const item = await itemNameAndStock(tx, shop.id, input.itemId);
      if (!item) throw new DomainError("NOT_FOUND");
      throw new DomainError("STOCK_NEGATIVE", { item: item.name, stock: item.stock });
    }
    await recordStockMoves(tx, [{ itemId: input.itemId, shopId: shop.id, delta: input.delta, reason: input.reason, note: input.note, userId: actor.userId }]);
    await recordAudit(tx, actor, {
      regionId: shop.villageId,
      action: "item.adjustStock",
      entity: "ShopItem",
      entityId: input.itemId,
      after: { delta: input.delta, reason: input.reason, note: input.note, stock },
    });
    return { itemId: input.itemId, stock, lowStock: isLowStock(stock, shop.lowStockThreshold) };
  });
}

/** The stock history of one item, newest first. Throws NOT_FOUND. */
export async function stockHistory(deps: Deps, actor: Actor, itemId: string) {
  const shop = await actingShop(deps.db, actor);
  const item = await itemNameAndStock(deps.db, shop.id, itemId);
  if (!item) throw new DomainError("NOT_FOUND");
  const moves = await stockMovesOf(deps.db, shop.id, itemId);
  return { item, moves };
}

/**
 * The villager's view: the active shops of their village with active items, price, availability and
 * whether the household's balance covers one of each.
 */
export async function catalog(deps: Deps, actor: Actor) {
  const villageId = villageOf(actor);
  const h = await villagerHousehold(deps.db, actor);
  const balance = h ? await householdBalance(deps.db, h.id) : 0;
  const shops = await catalogShops(deps.db, villageId);
  return {
    balance,
    household: h ? { number: h.number, headName: h.headName } : null,
    shops: shops.map((s) => ({
      id: s.id,
      name: s.name,
      items: s.items.map((i) => ({
        id: i.id,
        name: i.name,
        category: i.category,
        pricePoints: i.pricePoints,
        available: i.stock > 0,
        affordable: i.stock > 0 && balance >= i.pricePoints,
        photoUrl: i.photoType ? `/api/store/item-photo/${i.id}?v=${i.updatedAt.getTime()}` : null,
      })),
    })),
  };
}

/** A photo of an item of the actor's village (for the photo route). Null when absent or out of scope. */
export async function itemPhoto(deps: Deps, actor: Actor, itemId: string) {
  if (!actor.villageId) return null;
  const item = await itemPhotoRow(deps.db, actor.villageId, itemId);
  if (!item?.photo || !item.photoType) return null;
  return { bytes: item.photo, type: item.photoType, updatedAt: item.updatedAt };
}
