/**
 * Store records say what happened: the receipt names who paid with their code, a sale priced on an
 * older price version is refused, and a partial refund is its own ledger kind (REFUND) so that a
 * REVERSAL always names the transaction it undoes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdAccount, post } from "@/server/ledger/ledger";
import { householdBalance } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeUser, uniq } from "../factories";
import { key } from "../factories/points";
import { qrPayer, storeVillage, typedPayer } from "../factories/store";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const redemptionOf = (id: string) => t.db.redemption.findUniqueOrThrow({ where: { id }, select: { userId: true, transactionId: true } });

describe("who redeemed", () => {
  it("the receipt records the member whose payment code was scanned (directly and through the till session)", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const oil = s.items[0]!;
    const code = await callerFor(t.db, s.villager).store.paymentCode();
    const direct = await pos.store.redeem({ payer: { method: "QR", token: code.token }, lines: [{ itemId: oil.id, quantity: 1 }], expectedTotal: 50, idempotencyKey: key() });
    expect((await redemptionOf(direct.id)).userId).toBe(s.villager.userId);

    const again = await callerFor(t.db, s.villager).store.paymentCode();
    const who = await pos.store.lookupPayer({ payer: { method: "QR", token: again.token } });
    const viaSession = await pos.store.redeem({ payer: { method: "SESSION", token: who.session! }, lines: [{ itemId: s.items[2]!.id, quantity: 1 }], expectedTotal: 5, idempotencyKey: key() });
    expect((await redemptionOf(viaSession.id)).userId).toBe(s.villager.userId);

    // the typed code names only the household: nobody is claimed
    const typed = await pos.store.redeem({ payer: await typedPayer(s.h), lines: [{ itemId: s.items[1]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() });
    expect((await redemptionOf(typed.id)).userId).toBeNull();
  });
});

describe("price version", () => {
  it("a line priced on an older version is refused with PRICE_STALE even when the total is unchanged; nothing moves", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const { items } = await pos.item.list({});
    const soap = items.find((i) => i.id === s.items[1]!.id)!;
    expect(soap.priceVersion).toBe(1);
    // the price goes up and back down while the till still shows the old list
    await pos.item.save({ id: soap.id, name: soap.name, category: soap.category, pricePoints: 9, active: true });
    await pos.item.save({ id: soap.id, name: soap.name, category: soap.category, pricePoints: 8, active: true });
    const before = await householdBalance(t.db, s.h.id);
    await expect(
      pos.store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: soap.id, quantity: 1, priceVersion: soap.priceVersion }], expectedTotal: 8, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { code: "PRICE_STALE" }, message: expect.stringContaining("洗衣粉") });
    expect(await householdBalance(t.db, s.h.id)).toBe(before);
    const fresh = (await pos.item.list({})).items.find((i) => i.id === soap.id)!;
    expect(fresh.priceVersion).toBe(3);
    await expect(
      pos.store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: soap.id, quantity: 1, priceVersion: fresh.priceVersion }], expectedTotal: 8, idempotencyKey: key() }),
    ).resolves.toMatchObject({ totalPoints: 8, balance: before - 8 });
  });
});

describe("refund kinds", () => {
  it("a partial refund posts REFUND (no reversesId); the whole receipt is a REVERSAL of the sale; balances, settlement and verify agree", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const [oil, soap] = [s.items[0]!, s.items[1]!];
    const r1 = await pos.store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: oil.id, quantity: 1 }, { itemId: soap.id, quantity: 2 }], expectedTotal: 66, idempotencyKey: key() });
    const soapLine = r1.lines.find((l) => l.itemId === soap.id)!;
    const part = await pos.store.refund({ redemptionId: r1.id, lines: [{ lineId: soapLine.id, quantity: 1 }], reason: "包装破损", idempotencyKey: key() });
    const partTx = await t.db.ledgerTransaction.findFirstOrThrow({
      where: { villageId: s.v.id, idempotencyKey: { startsWith: `refund:${r1.id}:` } },
      select: { kind: true, reversesId: true, sourceId: true },
    });
    expect(partTx).toEqual({ kind: "REFUND", reversesId: null, sourceId: r1.id });
    expect(part.points).toBe(8);

    const r2 = await pos.store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: s.items[2]!.id, quantity: 1 }], expectedTotal: 5, idempotencyKey: key() });
    await pos.store.refund({ redemptionId: r2.id, reason: "顾客不要了", idempotencyKey: key() });
    const sale2 = await redemptionOf(r2.id);
    const whole = await t.db.ledgerTransaction.findFirstOrThrow({ where: { reversesId: sale2.transactionId }, select: { kind: true } });
    expect(whole.kind).toBe("REVERSAL");
    // every REVERSAL of the village names what it undoes
    expect(await t.db.ledgerTransaction.count({ where: { villageId: s.v.id, kind: "REVERSAL", reversesId: null } })).toBe(0);

    expect(await householdBalance(t.db, s.h.id)).toBe(100 - 66 + 8);
    const owed = await callerFor(t.db, s.committee).settlement.owed({});
    expect(owed.shops.find((x) => x.shopId === s.shop.id)).toMatchObject({ owedPoints: 58, period: { redeemed: 71, refunded: 13, settled: 0 } });
    const statement = await pos.settlement.statement({});
    const refundLine = statement.lines.find((l) => l.kind === "REFUND")!;
    expect(refundLine).toMatchObject({ points: -8, receiptNo: r1.receiptNo });
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
  });

  it("the database refuses a REVERSAL that names nothing, and a non-reversal that names something", async () => {
    const s = await storeVillage(t.db, { points: 10 });
    const actor = await makeUser(t.db);
    const bad = (kind: "REVERSAL" | "REFUND", reversesId: string | null) =>
      t.db.$transaction(async (tx) => {
        const acc = await householdAccount(tx, s.v.id, s.h.id);
        const shopAcc = `acc_shop_${s.shop.id}`;
        await tx.$executeRaw`INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "shopId", "balance", "createdAt")
          VALUES (${shopAcc}, ${s.v.id}, 'SHOP', ${s.shop.id}, 0, now()) ON CONFLICT DO NOTHING`;
        return post(tx, new Date(), {
          villageId: s.v.id,
          kind,
          idempotencyKey: uniq("bad_"),
          postings: [
            { accountId: acc, points: -1 },
            { accountId: shopAcc, points: 1 },
          ],
          actorUserId: actor.id,
          reason: "手工",
          reversesId,
        });
      });
    await expect(bad("REVERSAL", null)).rejects.toThrow(/reversal_names_original/);
    const anyTx = await t.db.ledgerTransaction.findFirstOrThrow({ where: { villageId: s.v.id }, select: { id: true } });
    await expect(bad("REFUND", anyTx.id)).rejects.toThrow(/reversal_names_original/);
    expect(await householdBalance(t.db, s.h.id)).toBe(10);
  });
});
