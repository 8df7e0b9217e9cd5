/**
 * Money under load: concurrent redemptions can never overdraw a household or sell stock that is not
 * there. Meant for the real PostgreSQL (TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres);
 * on PGlite (one connection queue) it still runs and must hold, just serially underneath.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdBalance } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { DomainError } from "@/server/lib/errors";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeHousehold } from "../factories";
import { key } from "../factories/points";
import { credit, qrPayer, storeVillage } from "../factories/store";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const codeOf = (e: unknown) => (e as { cause?: unknown }).cause instanceof DomainError ? ((e as { cause: DomainError }).cause.code as string) : String(e);

async function tally(results: PromiseSettledResult<unknown>[]) {
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const codes: Record<string, number> = {};
  for (const r of results) if (r.status === "rejected") codes[codeOf(r.reason)] = (codes[codeOf(r.reason)] ?? 0) + 1;
  return { ok, codes };
}

describe(`concurrent redemptions (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("200 at once by one household whose balance covers exactly 10: 10 succeed, the rest INSUFFICIENT_POINTS, balance 0", async () => {
    const s = await storeVillage(t.db, { points: 80, items: [{ name: "洗衣粉", pricePoints: 8, stock: 1000 }] });
    const pos = callerFor(t.db, s.keeper);
    const payers = await Promise.all(Array.from({ length: 200 }, () => qrPayer(s.h)));
    const results = await Promise.allSettled(
      payers.map((payer) => pos.store.redeem({ payer, lines: [{ itemId: s.items[0]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() })),
    );
    const { ok, codes } = await tally(results);
    expect(ok).toBe(10);
    expect(codes).toEqual({ INSUFFICIENT_POINTS: 190 });
    expect(await householdBalance(t.db, s.h.id)).toBe(0);
    expect((await t.db.shopItem.findUniqueOrThrow({ where: { id: s.items[0]!.id }, select: { stock: true } })).stock).toBe(990);
    expect(await t.db.redemption.count({ where: { villageId: s.v.id } })).toBe(10);
    const receipts = await t.db.redemption.findMany({ where: { villageId: s.v.id }, select: { receiptNo: true } });
    expect(new Set(receipts.map((r) => r.receiptNo)).size).toBe(10);
    const sum = await t.db.ledgerPosting.aggregate({ where: { villageId: s.v.id }, _sum: { points: true } });
    expect(sum._sum.points).toBe(0);
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
  }, 180_000);

  it("20 buyers for an item with stock 5: exactly 5 succeed, stock ends at 0", async () => {
    const s = await storeVillage(t.db, { items: [{ name: "暖水瓶", pricePoints: 25, stock: 5 }] });
    const buyers = [];
    for (let i = 0; i < 20; i++) {
      const h = await makeHousehold(t.db, s.v.id);
      await credit(t.db, s.v.id, h.id, 100);
      buyers.push(h);
    }
    const pos = callerFor(t.db, s.keeper);
    const payers = await Promise.all(buyers.map((h) => qrPayer(h)));
    const results = await Promise.allSettled(
      payers.map((payer) => pos.store.redeem({ payer, lines: [{ itemId: s.items[0]!.id, quantity: 1 }], expectedTotal: 25, idempotencyKey: key() })),
    );
    const { ok, codes } = await tally(results);
    expect(ok).toBe(5);
    expect(codes).toEqual({ OUT_OF_STOCK: 15 });
    expect((await t.db.shopItem.findUniqueOrThrow({ where: { id: s.items[0]!.id }, select: { stock: true } })).stock).toBe(0);
    const balances = await Promise.all(buyers.map((h) => householdBalance(t.db, h.id)));
    expect(balances.filter((b) => b === 75)).toHaveLength(5);
    expect(balances.filter((b) => b === 100)).toHaveLength(15);
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
  }, 180_000);

  it("the same request sent 10 times at once posts once", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const input = { payer: await qrPayer(s.h), lines: [{ itemId: s.items[1]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() };
    const results = await Promise.all(Array.from({ length: 10 }, () => pos.store.redeem(input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await householdBalance(t.db, s.h.id)).toBe(92);
    expect(await t.db.redemption.count({ where: { villageId: s.v.id } })).toBe(1);
  }, 60_000);
});
