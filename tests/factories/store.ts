/**
 * Store test data: a village with a shop, its keeper (SHOPKEEPER membership + ShopKeeper link), a
 * committee member, a supervisor, a household with a linked villager and points, and items.
 */
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { householdAccount, post, villageAccount } from "@/server/ledger/ledger";
import { issueCode, paymentKey } from "@/server/lib/payment-code";
import { makeActor, makeHousehold, makeUser, makeVillage, uniq } from "./index";
import { makeVillagerOf } from "./points";

/** Credits a household with points (an AWARD straight through the ledger, as finalize would). */
export async function credit(db: Db, villageId: string, householdId: string, points: number) {
  const actor = await makeUser(db);
  await db.$transaction(async (tx) => {
    const issuance = await villageAccount(tx, villageId, "ISSUANCE");
    const acc = await householdAccount(tx, villageId, householdId);
    await post(tx, new Date(), {
      villageId,
      kind: "AWARD",
      idempotencyKey: uniq("credit_"),
      postings: [
        { accountId: issuance, points: -points },
        { accountId: acc, points },
      ],
      actorUserId: actor.id,
      reason: "测试积分",
      scoring: true,
    });
  });
}

export type ItemSpec = { name: string; pricePoints: number; stock: number; category?: string };

/** A shop in the village with a keeper; returns the keeper's Actor and the shop. */
export async function makeShop(db: Db, villageId: string, opts: { name?: string; lowStockThreshold?: number } = {}) {
  const shop = await db.shop.create({
    data: { villageId, name: opts.name ?? uniq("超市"), lowStockThreshold: opts.lowStockThreshold ?? 5 },
    select: { id: true, name: true, villageId: true },
  });
  const keeper = await makeActor(db, "SHOPKEEPER", villageId);
  await db.shopKeeper.create({ data: { shopId: shop.id, userId: keeper.userId, villageId }, select: { id: true } });
  return { shop, keeper };
}

export async function makeItems(db: Db, shop: { id: string; villageId: string }, specs: ItemSpec[]) {
  const out: { id: string; name: string; pricePoints: number }[] = [];
  for (const s of specs) {
    out.push(
      await db.shopItem.create({
        data: { shopId: shop.id, villageId: shop.villageId, name: s.name, pricePoints: s.pricePoints, stock: s.stock, category: s.category ?? "日用品" },
        select: { id: true, name: true, pricePoints: true },
      }),
    );
  }
  return out;
}

/** A village ready to shop: committee, supervisor, a shop with a keeper and items, a household with `points`. */
export async function storeVillage(db: Db, opts: { points?: number; items?: ItemSpec[] } = {}) {
  const v = await makeVillage(db);
  const committee = await makeActor(db, "COMMITTEE", v.id);
  const supervisor = await makeActor(db, "SUPERVISOR", v.id);
  const { shop, keeper } = await makeShop(db, v.id);
  const h = await makeHousehold(db, v.id, { gridId: v.gridId, headName: "王建国" });
  const villager: Actor = await makeVillagerOf(db, v.id, h.id);
  if (opts.points) await credit(db, v.id, h.id, opts.points);
  const items = await makeItems(
    db,
    shop,
    opts.items ?? [
      { name: "食用油 5L", pricePoints: 50, stock: 10, category: "粮油" },
      { name: "洗衣粉", pricePoints: 8, stock: 20 },
      { name: "毛巾", pricePoints: 5, stock: 3 },
    ],
  );
  return { v, committee, supervisor, shop, keeper, h, villager, items };
}

/** A fresh QR payment code of the household at `now`. */
export async function qrPayer(h: { id: string; villageId: string; number: string }, now = new Date()) {
  return { method: "QR" as const, token: issueCode(await paymentKey(), h, now).token };
}

/** The typed fallback of the household at `now`. */
export async function typedPayer(h: { id: string; villageId: string; number: string }, now = new Date()) {
  return { method: "TYPED" as const, householdNumber: h.number, code: issueCode(await paymentKey(), h, now).typed };
}

/** Everything a store operation could write in a village, to prove a refused call wrote nothing. */
export async function storeSnapshot(db: Db, villageId: string) {
  const [items, moves, redemptions, refunds, settlements, transactions, codeUses, balances] = await Promise.all([
    db.shopItem.findMany({ where: { villageId }, orderBy: { id: "asc" }, select: { id: true, stock: true, pricePoints: true, photoType: true, name: true } }),
    db.stockMove.count({ where: { shopId: { in: (await db.shop.findMany({ where: { villageId }, select: { id: true } })).map((s) => s.id) } } }),
    db.redemption.count({ where: { villageId } }),
    db.refund.count({ where: { villageId } }),
    db.settlement.count({ where: { villageId } }),
    db.ledgerTransaction.count({ where: { villageId } }),
    db.paymentCodeUse.count({ where: { householdId: { in: (await db.household.findMany({ where: { villageId }, select: { id: true } })).map((h) => h.id) } } }),
    db.ledgerAccount.findMany({ where: { villageId }, orderBy: { id: "asc" }, select: { id: true, balance: true } }),
  ]);
  return { items, moves, redemptions, refunds, settlements, transactions, codeUses, balances };
}
