/**
 * The demo store of 桃源村 (prisma/demo-store.ts): the shop with both demo shopkeepers, its items,
 * past sales made through the real redeem service, a partial refund and a settlement; the ledger
 * still verifies; a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, seedDemoRules } from "@/prisma/seed";
import { seedDemoPoints } from "@/prisma/demo-points";
import { DEMO_SHOP, seedDemoStore } from "@/prisma/demo-store";
import { verifyLedger } from "@/server/ledger/verify";
import { startTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

describe("demo store", () => {
  it("seeds the shop of 桃源村 once, with sales, a refund and a settlement", async () => {
    await seedDemo(t.db);
    await seedDemoRules(t.db);
    await seedDemoPoints(t.db);
    const first = await seedDemoStore(t.db);
    expect(first.seeded).toBe(true);
    expect(first.sales).toBeGreaterThanOrEqual(4);
    expect(await seedDemoStore(t.db)).toMatchObject({ seeded: false });

    const village = await t.db.region.findFirstOrThrow({ where: { name: "桃源村" }, select: { id: true } });
    const shop = await t.db.shop.findFirstOrThrow({ where: { villageId: village.id, name: DEMO_SHOP }, select: { id: true } });
    expect(await t.db.shopKeeper.count({ where: { shopId: shop.id } })).toBe(2);
    expect(await t.db.shopItem.count({ where: { shopId: shop.id } })).toBe(15);
    expect(await t.db.redemption.count({ where: { shopId: shop.id } })).toBe(first.sales);
    expect(await t.db.settlement.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await t.db.householdPin.count()).toBe(1);
    const acc = await t.db.ledgerAccount.findUniqueOrThrow({ where: { shopId: shop.id }, select: { balance: true } });
    expect(acc.balance).toBeGreaterThan(0);
    expect(await verifyLedger(t.db, { villageId: village.id })).toMatchObject({ problems: [] });
  }, 120_000);
});
