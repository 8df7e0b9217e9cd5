/**
 * Shops of a village and the shopkeeper accounts that work there. The committee creates shops and
 * assigns keepers (people with a SHOPKEEPER membership of the village); a keeper works at one shop.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { maskPhone } from "@/server/lib/words.schema";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit } from "../audit/audit.service";
import { fenFor } from "./store.policy";
import { shopBalances } from "@/server/ledger/read";
import { namesAndPhones, villageMemberByPhone } from "../accounts/for-store.read";
import { villageFenPerPoint } from "../regions/for-store.read";
import {
  activeItemCounts,
  createKeeperLink,
  createShopRow,
  deleteKeeperLink,
  keeperLinks,
  keeperShop,
  keepersOf,
  listVillageShops,
  shopInVillage,
} from "./store.repo";
import type { AssignKeeperInput, CreateShopInput } from "./store.schema";

/** The shops of the actor's village with their keepers and what the village owes each (committee); a keeper sees their own shop. */
export async function listShops(deps: Deps, actor: Actor) {
  const villageId = villageOf(actor);
  const own = actor.role === "SHOPKEEPER" ? await keeperShop(deps.db, actor) : null;
  if (actor.role === "SHOPKEEPER" && !own) return [];
  const [shops, fenPerPoint] = await Promise.all([listVillageShops(deps.db, villageId, own?.id), villageFenPerPoint(deps.db, villageId)]);
  const ids = shops.map((s) => s.id);
  const [keepers, balances, itemCounts] = await Promise.all([keepersOf(deps.db, villageId, ids), shopBalances(deps.db, villageId, ids), activeItemCounts(deps.db, ids)]);
  const userById = await namesAndPhones(deps.db, keepers.map((k) => k.userId));
  return shops.map((s) => {
    const owed = balances.get(s.id) ?? 0;
    return {
      ...s,
      keepers: keepers
        .filter((k) => k.shopId === s.id)
        .map((k) => ({ userId: k.userId, name: userById.get(k.userId)?.name ?? "", phone: maskPhone(userById.get(k.userId)?.phone ?? "") })),
      items: itemCounts.get(s.id) ?? 0,
      owedPoints: owed,
      owedFen: fenFor(owed, fenPerPoint),
    };
  });
}

/** Creates a shop in the committee's village. Throws CONFLICT (a shop of that name exists). */
export async function createShop(deps: Deps, actor: Actor, input: CreateShopInput) {
  const villageId = villageOf(actor);
  try {
    return await deps.db.$transaction(async (tx) => {
      const shop = await createShopRow(tx, { villageId, name: input.name, lowStockThreshold: input.lowStockThreshold });
      await recordAudit(tx, actor, { regionId: villageId, action: "store.createShop", entity: "Shop", entityId: shop.id, after: { name: shop.name } });
      return shop;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("CONFLICT");
    throw e;
  }
}

/**
 * Assigns (or removes) a shopkeeper account to a shop of the village. The person needs an active
 * SHOPKEEPER membership of the village and may work at one shop only.
 * Throws NOT_FOUND (shop or person not of this village), KEEPER_NOT_SHOPKEEPER, KEEPER_OTHER_SHOP.
 */
export async function assignKeeper(deps: Deps, actor: Actor, input: AssignKeeperInput) {
  const villageId = villageOf(actor);
  // two concurrent assignments: the unique (userId, villageId) index turns the loser away; run again
  // to see the winner's link (same shop: done; another shop: KEEPER_OTHER_SHOP)
  return assignKeeperTx(deps, actor, villageId, input).catch((e: unknown) => {
    if (isUniqueViolation(e)) return assignKeeperTx(deps, actor, villageId, input);
    throw e;
  });
}

async function assignKeeperTx(deps: Deps, actor: Actor, villageId: string, input: AssignKeeperInput) {
  return deps.db.$transaction(async (tx) => {
    const shop = await shopInVillage(tx, villageId, input.shopId);
    if (!shop) throw new DomainError("NOT_FOUND");
    const user = await villageMemberByPhone(tx, villageId, input.phone);
    if (!user) throw new DomainError("NOT_FOUND");
    const existing = await keeperLinks(tx, villageId, user.id);
    if (!input.enabled) {
      const link = existing.find((l) => l.shopId === shop.id);
      if (!link) return { shopId: shop.id, userId: user.id, enabled: false };
      await deleteKeeperLink(tx, link.id);
      await recordAudit(tx, actor, { regionId: villageId, action: "store.removeKeeper", entity: "Shop", entityId: shop.id, before: { userId: user.id } });
      return { shopId: shop.id, userId: user.id, enabled: false };
    }
    if (!user.isShopkeeper) throw new DomainError("KEEPER_NOT_SHOPKEEPER");
    if (existing.some((l) => l.shopId !== shop.id)) throw new DomainError("KEEPER_OTHER_SHOP");
    if (!existing.length) {
      await createKeeperLink(tx, { shopId: shop.id, userId: user.id, villageId });
      await recordAudit(tx, actor, { regionId: villageId, action: "store.assignKeeper", entity: "Shop", entityId: shop.id, after: { userId: user.id } });
    }
    return { shopId: shop.id, userId: user.id, enabled: true };
  });
}
