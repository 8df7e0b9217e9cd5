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
import { keeperShop, shopSelect } from "./store.repo";
import type { AssignKeeperInput, CreateShopInput } from "./store.schema";

/** The shops of the actor's village with their keepers and what the village owes each (committee); a keeper sees their own shop. */
export async function listShops(deps: Deps, actor: Actor) {
  const villageId = villageOf(actor);
  const own = actor.role === "SHOPKEEPER" ? await keeperShop(deps.db, actor) : null;
  if (actor.role === "SHOPKEEPER" && !own) return [];
  const [shops, village] = await Promise.all([
    deps.db.shop.findMany({
      where: { villageId, ...(own ? { id: own.id } : {}) },
      orderBy: { createdAt: "asc" },
      select: shopSelect,
    }),
    deps.db.region.findUniqueOrThrow({ where: { id: villageId }, select: { fenPerPoint: true } }),
  ]);
  const ids = shops.map((s) => s.id);
  const [keepers, accounts, itemCounts] = await Promise.all([
    deps.db.shopKeeper.findMany({ where: { shopId: { in: ids }, villageId }, select: { shopId: true, userId: true } }),
    deps.db.ledgerAccount.findMany({ where: { shopId: { in: ids }, villageId }, select: { shopId: true, balance: true } }),
    deps.db.shopItem.groupBy({ by: ["shopId"], where: { shopId: { in: ids }, active: true }, _count: { _all: true } }),
  ]);
  const users = await deps.db.user.findMany({
    where: { id: { in: keepers.map((k) => k.userId) } },
    select: { id: true, name: true, phone: true },
  });
  const userById = new Map(users.map((u) => [u.id, u]));
  return shops.map((s) => {
    const owed = accounts.find((a) => a.shopId === s.id)?.balance ?? 0;
    return {
      ...s,
      keepers: keepers
        .filter((k) => k.shopId === s.id)
        .map((k) => ({ userId: k.userId, name: userById.get(k.userId)?.name ?? "", phone: maskPhone(userById.get(k.userId)?.phone ?? "") })),
      items: itemCounts.find((c) => c.shopId === s.id)?._count._all ?? 0,
      owedPoints: owed,
      owedFen: fenFor(owed, village.fenPerPoint),
    };
  });
}

/** Creates a shop in the committee's village. Throws CONFLICT (a shop of that name exists). */
export async function createShop(deps: Deps, actor: Actor, input: CreateShopInput) {
  const villageId = villageOf(actor);
  try {
    return await deps.db.$transaction(async (tx) => {
      const shop = await tx.shop.create({
        data: { villageId, name: input.name, lowStockThreshold: input.lowStockThreshold },
        select: shopSelect,
      });
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
    const shop = await tx.shop.findFirst({ where: { id: input.shopId, villageId }, select: { id: true } });
    if (!shop) throw new DomainError("NOT_FOUND");
    const user = await tx.user.findFirst({
      where: { phone: input.phone, memberships: { some: { regionId: villageId } } },
      select: { id: true, memberships: { where: { regionId: villageId, role: "SHOPKEEPER", active: true }, select: { id: true } } },
    });
    if (!user) throw new DomainError("NOT_FOUND");
    const existing = await tx.shopKeeper.findMany({ where: { userId: user.id, villageId }, select: { id: true, shopId: true } });
    if (!input.enabled) {
      const link = existing.find((l) => l.shopId === shop.id);
      if (!link) return { shopId: shop.id, userId: user.id, enabled: false };
      await tx.shopKeeper.delete({ where: { id: link.id } });
      await recordAudit(tx, actor, { regionId: villageId, action: "store.removeKeeper", entity: "Shop", entityId: shop.id, before: { userId: user.id } });
      return { shopId: shop.id, userId: user.id, enabled: false };
    }
    if (user.memberships.length === 0) throw new DomainError("KEEPER_NOT_SHOPKEEPER");
    if (existing.some((l) => l.shopId !== shop.id)) throw new DomainError("KEEPER_OTHER_SHOP");
    if (!existing.length) {
      await tx.shopKeeper.create({ data: { shopId: shop.id, userId: user.id, villageId }, select: { id: true } });
      await recordAudit(tx, actor, { regionId: villageId, action: "store.assignKeeper", entity: "Shop", entityId: shop.id, after: { userId: user.id } });
    }
    return { shopId: shop.id, userId: user.id, enabled: true };
  });
}
