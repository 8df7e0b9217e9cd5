/**
 * The points store end to end through tRPC against a real database: shops and keepers, catalogue and
 * stock, payment codes, card + PIN, redemption, refunds, settlement; every refusal is a translated
 * error that writes nothing.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdBalance } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { cardPayload } from "@/server/lib/qr-token";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";
import { key, makeClock } from "../factories/points";
import { credit, makeShop, qrPayer, storeSnapshot, storeVillage, typedPayer } from "../factories/store";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function ledgerSum(villageId: string) {
  const r = await t.db.ledgerPosting.aggregate({ where: { villageId }, _sum: { points: true } });
  return r._sum.points ?? 0;
}

describe("redeem", () => {
  it("moves points to the shop, decreases stock, issues a receipt both sides see; the ledger verifies", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const [oil, soap] = [s.items[0]!, s.items[1]!];
    const payer = await qrPayer(s.h);
    const who = await pos.store.lookupPayer({ payer });
    expect(who).toMatchObject({ household: { number: s.h.number, headName: "王建国" }, balance: 100 });
    const r = await pos.store.redeem({ payer, lines: [{ itemId: oil.id, quantity: 1 }, { itemId: soap.id, quantity: 2 }], expectedTotal: 66, idempotencyKey: key() });
    expect(r).toMatchObject({ totalPoints: 66, balance: 34, replayed: false, household: { number: s.h.number } });
    expect(r.receiptNo).toMatch(/^R\d{8}-\d{6}$/);
    expect(await householdBalance(t.db, s.h.id)).toBe(34);
    const stock = await t.db.shopItem.findMany({ where: { id: { in: [oil.id, soap.id] } }, select: { id: true, stock: true } });
    expect(stock.find((i) => i.id === oil.id)!.stock).toBe(9);
    expect(stock.find((i) => i.id === soap.id)!.stock).toBe(18);
    expect(await t.db.stockMove.count({ where: { sourceId: r.id, reason: "REDEMPTION" } })).toBe(2);
    const shopAcc = await t.db.ledgerAccount.findUnique({ where: { shopId: s.shop.id }, select: { balance: true } });
    expect(shopAcc!.balance).toBe(66);
    // both sides see the receipt
    const mine = await callerFor(t.db, s.villager).store.receipts({});
    expect(mine.map((x) => x.receiptNo)).toEqual([r.receiptNo]);
    const shops = await pos.store.receipts({ receiptNo: r.receiptNo });
    expect(shops).toHaveLength(1);
    expect(shops[0]!.lines.map((l) => l.quantity).sort()).toEqual([1, 2]);
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
    expect(await ledgerSum(s.v.id)).toBe(0);
  });

  it("a POS retry with the same idempotency key posts once (also at the same time)", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const payer = await qrPayer(s.h);
    const input = { payer, lines: [{ itemId: s.items[1]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() };
    const all = await Promise.all([pos.store.redeem(input), pos.store.redeem(input), pos.store.redeem(input)]);
    expect(new Set(all.map((r) => r.id)).size).toBe(1);
    const again = await pos.store.redeem(input);
    expect(again).toMatchObject({ id: all[0]!.id, replayed: true });
    expect(await householdBalance(t.db, s.h.id)).toBe(92);
    expect(await t.db.redemption.count({ where: { villageId: s.v.id } })).toBe(1);
  });

  it("pays with the typed fallback and with the printed card + PIN", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const r1 = await pos.store.redeem({ payer: await typedPayer(s.h), lines: [{ itemId: s.items[2]!.id, quantity: 1 }], expectedTotal: 5, idempotencyKey: key() });
    expect(r1.payMethod).toBe("CODE");
    // the same typed code cannot pay twice in its window
    await expect(pos.store.redeem({ payer: await typedPayer(s.h), lines: [{ itemId: s.items[2]!.id, quantity: 1 }], expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "CODE_USED" },
    });
    await callerFor(t.db, s.villager).store.setPin({ pin: "246801" });
    const card = { method: "CARD" as const, card: cardPayload(s.h.id), pin: "246801" };
    const r2 = await pos.store.redeem({ payer: card, lines: [{ itemId: s.items[1]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() });
    expect(r2).toMatchObject({ payMethod: "CARD_PIN", balance: 87 });
    const r3 = await pos.store.redeem({ payer: { method: "CARD", householdNumber: s.h.number, pin: "246801" }, lines: [{ itemId: s.items[1]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() });
    expect(r3.balance).toBe(79);
    // looking up a card shows the balance only with the PIN
    expect(await pos.store.lookupPayer({ payer: { method: "CARD", householdNumber: s.h.number } })).toMatchObject({ balance: null, pinSet: true });
  });
});

describe("till session", () => {
  it("a looked-up code pays through the session minutes later, once, at that shop only", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const clock = makeClock();
    const pos = callerFor(t.db, s.keeper, { now: clock.now });
    const code = await typedPayer(s.h, clock.now());
    const who = await pos.store.lookupPayer({ payer: code });
    expect(who.session).toMatch(/^MBS1\./);
    const session = { method: "SESSION" as const, token: who.session! };
    const line = [{ itemId: s.items[1]!.id, quantity: 1 }];
    // a second till session for the same code
    const again = (await pos.store.lookupPayer({ payer: code })).session!;
    clock.set(new Date(clock.now().getTime() + 5 * 60_000)); // the code itself has long expired
    await expect(pos.store.redeem({ payer: code, lines: line, expectedTotal: 8, idempotencyKey: key() })).rejects.toMatchObject({ cause: { code: "PAY_CODE_INVALID" } });
    const other = await makeShop(t.db, s.v.id);
    await expect(callerFor(t.db, other.keeper, { now: clock.now }).store.redeem({ payer: session, lines: line, expectedTotal: 8, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "PAY_CODE_INVALID" },
    });
    await expect(pos.store.redeem({ payer: session, lines: line, expectedTotal: 8, idempotencyKey: key() })).resolves.toMatchObject({ balance: 92, payMethod: "CODE" });
    // the code paid once: its other session is refused
    await expect(pos.store.redeem({ payer: { method: "SESSION", token: again }, lines: line, expectedTotal: 8, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "CODE_USED" },
    });
    // a card session after the right PIN; it expires after 10 minutes
    await callerFor(t.db, s.villager).store.setPin({ pin: "864209" });
    const card = (await pos.store.lookupPayer({ payer: { method: "CARD", householdNumber: s.h.number, pin: "864209" } })).session!;
    clock.set(new Date(clock.now().getTime() + 11 * 60_000));
    await expect(pos.store.redeem({ payer: { method: "SESSION", token: card }, lines: line, expectedTotal: 8, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "PAY_CODE_EXPIRED" },
    });
  });
});

describe("bad input: a translated error and nothing written", () => {
  it("quantity zero, negative, fractional or huge; too many lines; duplicates", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper, { locale: "en" });
    const payer = await qrPayer(s.h);
    const before = await storeSnapshot(t.db, s.v.id);
    const item = s.items[1]!.id;
    for (const quantity of [0, -1, 1.5, 100, 1e9]) {
      await expect(pos.store.redeem({ payer, lines: [{ itemId: item, quantity }], expectedTotal: 8, idempotencyKey: key() })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/Quantity/),
      });
    }
    const many = Array.from({ length: 21 }, (_, i) => ({ itemId: `item${i}`, quantity: 1 }));
    await expect(pos.store.redeem({ payer, lines: many, expectedTotal: 21, idempotencyKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(pos.store.redeem({ payer, lines: [{ itemId: item, quantity: 1 }, { itemId: item, quantity: 1 }], expectedTotal: 16, idempotencyKey: key() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(pos.store.redeem({ payer, lines: [], expectedTotal: 1, idempotencyKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
  });

  it("insufficient points, out of stock, price changed (with the new total)", async () => {
    const s = await storeVillage(t.db, { points: 40 });
    const pos = callerFor(t.db, s.keeper);
    const payer = await qrPayer(s.h);
    const before = await storeSnapshot(t.db, s.v.id);
    await expect(pos.store.redeem({ payer, lines: [{ itemId: s.items[0]!.id, quantity: 1 }], expectedTotal: 50, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "INSUFFICIENT_POINTS" },
      message: "积分不足：可用 40 分，需要 50 分。",
    });
    await expect(pos.store.redeem({ payer, lines: [{ itemId: s.items[2]!.id, quantity: 4 }], expectedTotal: 20, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "OUT_OF_STOCK" },
      message: expect.stringContaining("毛巾"),
    });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
    // the shopkeeper changes the price between scan and confirm
    await pos.item.save({ id: s.items[1]!.id, name: "洗衣粉", category: "日用品", pricePoints: 9, active: true });
    const snap = await storeSnapshot(t.db, s.v.id);
    const err = await pos.store
      .redeem({ payer, lines: [{ itemId: s.items[1]!.id, quantity: 2 }], expectedTotal: 16, idempotencyKey: key() })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ cause: { code: "PRICE_CHANGED", params: { total: 18 } }, message: expect.stringContaining("18") });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(snap);
    // confirming again with the new total goes through
    await expect(pos.store.redeem({ payer, lines: [{ itemId: s.items[1]!.id, quantity: 2 }], expectedTotal: 18, idempotencyKey: key() })).resolves.toMatchObject({ balance: 22 });
  });

  it("expired, forged, other-village and used codes", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const clock = makeClock();
    const pos = callerFor(t.db, s.keeper, { now: clock.now });
    const line = [{ itemId: s.items[2]!.id, quantity: 1 }];
    const before = await storeSnapshot(t.db, s.v.id);
    const old = await qrPayer(s.h, new Date(clock.now().getTime() - 3 * 60_000));
    await expect(pos.store.redeem({ payer: old, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({ cause: { code: "PAY_CODE_EXPIRED" } });
    const good = await qrPayer(s.h, clock.now());
    const forged = { method: "QR" as const, token: good.token.slice(0, -3) + (good.token.endsWith("AAA") ? "BBB" : "AAA") };
    await expect(pos.store.redeem({ payer: forged, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({ cause: { code: "PAY_CODE_INVALID" } });
    await expect(pos.store.redeem({ payer: { method: "QR", token: "not a code" }, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "PAY_CODE_INVALID" },
    });
    await expect(pos.store.redeem({ payer: { method: "TYPED", householdNumber: s.h.number, code: "00000000" }, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "PAY_CODE_INVALID" },
    });
    const other = await makeVillage(t.db);
    const stranger = await makeHousehold(t.db, other.id);
    await credit(t.db, other.id, stranger.id, 50);
    await expect(pos.store.redeem({ payer: await qrPayer(stranger), lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "CODE_OTHER_VILLAGE" },
    });
    await expect(pos.store.redeem({ payer: { method: "CARD", card: cardPayload(stranger.id), pin: "1234" }, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "CARD_NOT_FOUND" },
    });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
    await pos.store.redeem({ payer: good, lines: line, expectedTotal: 5, idempotencyKey: key() });
    const after = await storeSnapshot(t.db, s.v.id);
    await expect(pos.store.redeem({ payer: good, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "CODE_USED" },
      message: expect.stringContaining("已经付过款"),
    });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(after);
  });

  it("a wrong PIN says how many attempts are left; the 5th locks the card for 15 minutes", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const clock = makeClock();
    const pos = callerFor(t.db, s.keeper, { now: clock.now, locale: "en" });
    // the household sets its own PIN (the committee no longer can)
    await callerFor(t.db, s.villager).store.setPin({ pin: "135790" });
    const line = [{ itemId: s.items[2]!.id, quantity: 1 }];
    const pay = (pin: string) => pos.store.redeem({ payer: { method: "CARD", householdNumber: s.h.number, pin }, lines: line, expectedTotal: 5, idempotencyKey: key() });
    const before = await storeSnapshot(t.db, s.v.id);
    for (const left of [4, 3, 2, 1]) {
      await expect(pay("111111")).rejects.toMatchObject({ cause: { code: "PIN_WRONG" }, message: `Wrong PIN. ${left} attempts left.` });
    }
    await expect(pay("111111")).rejects.toMatchObject({ cause: { code: "PIN_LOCKED" }, message: expect.stringContaining("15 minutes") });
    // locked: even the right PIN is refused until the lock ends
    await expect(pay("135790")).rejects.toMatchObject({ cause: { code: "PIN_LOCKED" } });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
    clock.set(new Date(clock.now().getTime() + 15 * 60_000 + 1000));
    await expect(pay("135790")).resolves.toMatchObject({ balance: 95 });
    // a bad PIN shape is a validation error, never an attempt
    await expect(pay("12")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // no PIN set
    const h2 = await makeHousehold(t.db, s.v.id);
    await expect(pos.store.redeem({ payer: { method: "CARD", householdNumber: h2.number, pin: "1234" }, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "PIN_NOT_SET" },
    });
  });

  it("a photo that is not an image or is too large; a price out of range", async () => {
    const s = await storeVillage(t.db);
    const pos = callerFor(t.db, s.keeper);
    const before = await storeSnapshot(t.db, s.v.id);
    const base = { name: "暖水瓶", category: "日用品", pricePoints: 25, stock: 5, active: true };
    await expect(pos.item.save({ ...base, photoBase64: Buffer.from("<html>not an image</html>").toString("base64") })).rejects.toMatchObject({
      cause: { code: "PHOTO_NOT_IMAGE" },
      message: expect.stringContaining("不是图片"),
    });
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    await expect(pos.item.save({ ...base, photoBase64: big.toString("base64") })).rejects.toMatchObject({ cause: { code: "PHOTO_TOO_LARGE" } });
    for (const pricePoints of [0, -5, 100_001, 2.5]) {
      await expect(pos.item.save({ ...base, pricePoints })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
    // a real picture is stored re-encoded (more in store-photo.int.test.ts)
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } }).png().toBuffer();
    const ok = await pos.item.save({ ...base, photoBase64: png.toString("base64") });
    expect(ok.photoUrl).toMatch(/^\/api\/store\/item-photo\//);
    const stored = await t.db.shopItem.findUniqueOrThrow({ where: { id: ok.id }, select: { photoType: true, stock: true } });
    expect(stored).toEqual({ photoType: "image/webp", stock: 5 });
  });
});

describe("catalogue and stock", () => {
  it("stock moves with a reason, never below zero; low stock flagged at the threshold", async () => {
    const s = await storeVillage(t.db);
    const pos = callerFor(t.db, s.keeper);
    const towel = s.items[2]!.id; // stock 3, threshold 5
    const list = await pos.item.list({});
    expect(list.items.find((i) => i.id === towel)).toMatchObject({ stock: 3, lowStock: true });
    await expect(pos.item.adjustStock({ itemId: towel, delta: 10, reason: "DELIVERY", note: "镇上批发" })).resolves.toMatchObject({ stock: 13, lowStock: false });
    await expect(pos.item.adjustStock({ itemId: towel, delta: -14, reason: "DAMAGE", note: "" })).rejects.toMatchObject({ cause: { code: "STOCK_NEGATIVE" } });
    await pos.item.adjustStock({ itemId: towel, delta: -2, reason: "DAMAGE", note: "受潮" });
    const h = await pos.item.history({ itemId: towel });
    expect(h.moves.map((m) => [m.delta, m.reason])).toEqual([
      [-2, "DAMAGE"],
      [10, "DELIVERY"],
    ]);
    await expect(pos.item.adjustStock({ itemId: towel, delta: 0, reason: "COUNT", note: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a keeper sees only their own shop; the villager sees what they can afford", async () => {
    const s = await storeVillage(t.db, { points: 10 });
    const other = await makeShop(t.db, s.v.id);
    await expect(callerFor(t.db, other.keeper).item.adjustStock({ itemId: s.items[0]!.id, delta: 1, reason: "COUNT", note: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(t.db, other.keeper).item.list({ shopId: s.shop.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const cat = await callerFor(t.db, s.villager).store.catalog();
    expect(cat.balance).toBe(10);
    const items = cat.shops.find((x) => x.id === s.shop.id)!.items;
    expect(items.find((i) => i.name === "洗衣粉")).toMatchObject({ affordable: true, available: true });
    expect(items.find((i) => i.name === "食用油 5L")).toMatchObject({ affordable: false, available: true });
  });

  it("the committee creates a shop and assigns keepers who hold the SHOPKEEPER role, one shop each", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const a = await api.store.createShop({ name: "一号积分超市" });
    const b = await api.store.createShop({ name: "二号积分超市" });
    await expect(api.store.createShop({ name: "一号积分超市" })).rejects.toMatchObject({ code: "CONFLICT" });
    const keeper = await makeActor(t.db, "SHOPKEEPER", v.id);
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: keeper.userId }, select: { phone: true } })).phone;
    await api.store.assignKeeper({ shopId: a.id, phone, enabled: true });
    await expect(api.store.assignKeeper({ shopId: b.id, phone, enabled: true })).rejects.toMatchObject({ cause: { code: "KEEPER_OTHER_SHOP" } });
    const villager = await makeActor(t.db, "VILLAGER", v.id);
    const vPhone = (await t.db.user.findUniqueOrThrow({ where: { id: villager.userId }, select: { phone: true } })).phone;
    await expect(api.store.assignKeeper({ shopId: a.id, phone: vPhone, enabled: true })).rejects.toMatchObject({ cause: { code: "KEEPER_NOT_SHOPKEEPER" } });
    const shops = await api.store.shops();
    expect(shops.find((x) => x.id === a.id)!.keepers).toHaveLength(1);
    expect(shops.find((x) => x.id === a.id)!.keepers[0]!.phone).not.toBe(phone);
    expect(await callerFor(t.db, keeper).store.shops()).toHaveLength(1);
    // another village's committee cannot touch the shop
    const v2 = await makeVillage(t.db);
    const c2 = await makeActor(t.db, "COMMITTEE", v2.id);
    await expect(callerFor(t.db, c2).store.assignKeeper({ shopId: a.id, phone, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("refund", () => {
  it("restocks and reverses the points, whole or some lines; only what is left", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const r = await pos.store.redeem({
      payer: await qrPayer(s.h),
      lines: [{ itemId: s.items[1]!.id, quantity: 3 }, { itemId: s.items[2]!.id, quantity: 2 }],
      expectedTotal: 34,
      idempotencyKey: key(),
    });
    const soapLine = r.lines.find((l) => l.itemId === s.items[1]!.id)!;
    const k = key();
    const partial = await pos.store.refund({ redemptionId: r.id, lines: [{ lineId: soapLine.id, quantity: 1 }], reason: "包装破损", idempotencyKey: k });
    expect(partial.points).toBe(8);
    await expect(pos.store.refund({ redemptionId: r.id, lines: [{ lineId: soapLine.id, quantity: 1 }], reason: "包装破损", idempotencyKey: k })).resolves.toMatchObject({
      id: partial.id,
      replayed: true,
    });
    expect(await householdBalance(t.db, s.h.id)).toBe(74);
    await expect(pos.store.refund({ redemptionId: r.id, lines: [{ lineId: soapLine.id, quantity: 3 }], reason: "多退", idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "REFUND_TOO_MUCH" },
    });
    const rest = await pos.store.refund({ redemptionId: r.id, reason: "顾客不要了", idempotencyKey: key() });
    expect(rest.points).toBe(26);
    expect(await householdBalance(t.db, s.h.id)).toBe(100);
    const stock = await t.db.shopItem.findMany({ where: { shopId: s.shop.id }, select: { name: true, stock: true } });
    expect(Object.fromEntries(stock.map((x) => [x.name, x.stock]))).toMatchObject({ 洗衣粉: 20, 毛巾: 3 });
    await expect(pos.store.refund({ redemptionId: r.id, reason: "再退", idempotencyKey: key() })).rejects.toMatchObject({ cause: { code: "NOTHING_TO_REFUND" } });
    const receipt = (await callerFor(t.db, s.villager).store.receipts({}))[0]!;
    expect(receipt.refundedPoints).toBe(34);
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
    expect(await ledgerSum(s.v.id)).toBe(0);
  });

  it("a whole receipt is the ledger's reversal; next day only a supervisor may refund", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const clock = makeClock(new Date("2026-11-20T03:00:00Z"));
    const pos = callerFor(t.db, s.keeper, { now: clock.now });
    const r = await pos.store.redeem({ payer: await qrPayer(s.h, clock.now()), lines: [{ itemId: s.items[0]!.id, quantity: 1 }], expectedTotal: 50, idempotencyKey: key() });
    clock.advanceDays(1);
    await expect(pos.store.refund({ redemptionId: r.id, reason: "第二天来退", idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "REFUND_NEEDS_SUPERVISOR" },
    });
    const sup = callerFor(t.db, s.supervisor, { now: clock.now });
    const done = await sup.store.refund({ redemptionId: r.id, reason: "第二天来退，监委会同意", idempotencyKey: key() });
    const tx = await t.db.ledgerTransaction.findFirstOrThrow({ where: { villageId: s.v.id, kind: "REVERSAL" }, select: { reversesId: true, id: true } });
    const sale = await t.db.redemption.findUniqueOrThrow({ where: { id: r.id }, select: { transactionId: true } });
    expect(tx.reversesId).toBe(sale.transactionId);
    expect((await t.db.refund.findUniqueOrThrow({ where: { id: done.id }, select: { approvedById: true } })).approvedById).toBe(s.supervisor.userId);
    expect(await householdBalance(t.db, s.h.id)).toBe(100);
  });
});

describe("settlement", () => {
  it("moves points SHOP → SETTLED at the village's rate; the owed amount drops; statements agree", async () => {
    const s = await storeVillage(t.db, { points: 200 });
    await t.db.region.update({ where: { id: s.v.id }, data: { fenPerPoint: 50 } });
    const pos = callerFor(t.db, s.keeper);
    await pos.store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: s.items[0]!.id, quantity: 2 }], expectedTotal: 100, idempotencyKey: key() });
    const api = callerFor(t.db, s.committee);
    const owed = await api.settlement.owed({});
    expect(owed.shops.find((x) => x.shopId === s.shop.id)).toMatchObject({ owedPoints: 100, owedFen: 5000, period: { redeemed: 100, refunded: 0, settled: 0 } });
    const before = await storeSnapshot(t.db, s.v.id);
    await expect(api.settlement.record({ shopId: s.shop.id, points: 101, paidOn: "2026-11-23", reference: "转账0001", idempotencyKey: key() })).rejects.toMatchObject({
      cause: { code: "SETTLEMENT_EXCEEDS_OWED" },
    });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
    const k = key();
    const paid = await api.settlement.record({ shopId: s.shop.id, points: 60, paidOn: "2026-11-23", reference: "转账0001", idempotencyKey: k });
    expect(paid).toMatchObject({ points: 60, yuanCents: 3000, replayed: false });
    await expect(api.settlement.record({ shopId: s.shop.id, points: 60, paidOn: "2026-11-23", reference: "转账0001", idempotencyKey: k })).resolves.toMatchObject({ id: paid.id, replayed: true });
    expect((await api.settlement.owed({})).shops.find((x) => x.shopId === s.shop.id)).toMatchObject({ owedPoints: 40, owedFen: 2000 });
    const settled = await t.db.ledgerAccount.findFirstOrThrow({ where: { villageId: s.v.id, kind: "SETTLED" }, select: { id: true } });
    const settledSum = await t.db.ledgerPosting.aggregate({ where: { accountId: settled.id }, _sum: { points: true } });
    expect(settledSum._sum.points).toBe(60);
    const mine = await pos.settlement.statement({});
    // impossible days are refused with a clear message instead of reaching the database
    for (const from of ["2026-13-45", "2026-02-29", "0000-01-01"]) {
      await expect(pos.settlement.statement({ from })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("真实日期") });
    }
    const theirs = await api.settlement.statement({ shopId: s.shop.id });
    expect(mine).toEqual(theirs);
    expect(mine.lines.map((l) => [l.kind, l.points])).toEqual([
      ["REDEMPTION", 100],
      ["SETTLEMENT", -60],
    ]);
    expect(mine.lines[1]!.reference).toBe("转账0001");
    expect(mine.closing).toBe(40);
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
    expect(await ledgerSum(s.v.id)).toBe(0);
  });
});

describe("scope", () => {
  it("a keeper of another village cannot refund or read this village's receipts", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const r = await callerFor(t.db, s.keeper).store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: s.items[1]!.id, quantity: 1 }], expectedTotal: 8, idempotencyKey: key() });
    const other = await storeVillage(t.db);
    await expect(callerFor(t.db, other.keeper).store.refund({ redemptionId: r.id, reason: "越权", idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await callerFor(t.db, other.keeper).store.receipts({})).toEqual([]);
  });
});

describe("receipt numbers and the supervisor's search", () => {
  it("stores the plain receipt number, unique per village; staff find receipts by number or 户号", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    const r = await pos.store.redeem({ payer: await qrPayer(s.h), lines: [{ itemId: s.items[1]!.id, quantity: 2 }], expectedTotal: 16, idempotencyKey: key() });
    const row = await t.db.redemption.findUniqueOrThrow({ where: { id: r.id }, select: { receiptNo: true, villageId: true } });
    expect(row).toEqual({ receiptNo: r.receiptNo, villageId: s.v.id });
    // the database refuses a second receipt with that number in the village (another village may repeat it)
    const copy = { shopId: s.shop.id, householdId: s.h.id, receiptNo: r.receiptNo, totalPoints: 1, shopkeeperUserId: s.keeper.userId, payMethod: "CODE" as const };
    await expect(
      t.db.redemption.create({ data: { ...copy, villageId: s.v.id, transactionId: `x_${key()}`, idempotencyKey: key() }, select: { id: true } }),
    ).rejects.toMatchObject({ code: "P2002" });
    const other = await makeVillage(t.db);
    await expect(t.db.redemption.create({ data: { ...copy, villageId: other.id, transactionId: `x_${key()}`, idempotencyKey: key() }, select: { id: true } })).resolves.toBeTruthy();

    const sup = callerFor(t.db, s.supervisor);
    expect((await sup.store.receipts({ receiptNo: r.receiptNo.toLowerCase() })).map((x) => x.id)).toEqual([r.id]);
    const byHousehold = await sup.store.receipts({ householdNumber: s.h.number });
    expect(byHousehold.map((x) => x.receiptNo)).toEqual([r.receiptNo]);
    expect(byHousehold[0]).toMatchObject({ household: { number: s.h.number, headName: "王建国" }, shopName: s.shop.name, totalPoints: 16 });
    expect(await sup.store.receipts({ householdNumber: "no-such" })).toEqual([]);
    // a villager's search by 户号 never widens their view beyond their own household
    const h2 = await makeHousehold(t.db, s.v.id);
    expect(await callerFor(t.db, s.villager).store.receipts({ householdNumber: h2.number })).toHaveLength(1);
  });

  it("a supervisor refunds some lines of an older receipt with a reason; the refund is listed on the receipt", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const clock = makeClock(new Date("2026-11-20T03:00:00Z"));
    const pos = callerFor(t.db, s.keeper, { now: clock.now });
    const r = await pos.store.redeem({
      payer: await qrPayer(s.h, clock.now()),
      lines: [{ itemId: s.items[1]!.id, quantity: 3 }, { itemId: s.items[2]!.id, quantity: 1 }],
      expectedTotal: 29,
      idempotencyKey: key(),
    });
    clock.advanceDays(3);
    const sup = callerFor(t.db, s.supervisor, { now: clock.now });
    const [found] = await sup.store.receipts({ householdNumber: s.h.number });
    const soap = found!.lines.find((l) => l.name === "洗衣粉")!;
    await sup.store.refund({ redemptionId: r.id, lines: [{ lineId: soap.id, quantity: 2 }], reason: "洗衣粉结块，监委会同意退两袋", idempotencyKey: key() });
    expect(await householdBalance(t.db, s.h.id)).toBe(100 - 29 + 16);
    const [after] = await sup.store.receipts({ receiptNo: r.receiptNo });
    expect(after).toMatchObject({ refundedPoints: 16, refunds: [{ points: 16, reason: "洗衣粉结块，监委会同意退两袋" }] });
    expect(after!.lines.find((l) => l.id === soap.id)!.refundedQty).toBe(2);
    // a refund of zero, a negative or a fractional quantity is a validation error that writes nothing
    const snap = await storeSnapshot(t.db, s.v.id);
    for (const quantity of [0, -1, 0.5]) {
      await expect(sup.store.refund({ redemptionId: r.id, lines: [{ lineId: soap.id, quantity }], reason: "再退", idempotencyKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(sup.store.refund({ redemptionId: r.id, lines: [{ lineId: soap.id, quantity: 1 }], reason: "", idempotencyKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(snap);
    // the villager sees it on their receipt too
    expect((await callerFor(t.db, s.villager).store.receipts({}))[0]).toMatchObject({ refundedPoints: 16 });
    expect(await verifyLedger(t.db, { villageId: s.v.id })).toMatchObject({ problems: [] });
  });

  it("two assignments of one person to two shops at once: one wins, the other is told the person works elsewhere", async () => {
    const v = await makeVillage(t.db);
    const api = callerFor(t.db, await makeActor(t.db, "COMMITTEE", v.id));
    const [a, b] = [await api.store.createShop({ name: "东头超市" }), await api.store.createShop({ name: "西头超市" })];
    const keeper = await makeActor(t.db, "SHOPKEEPER", v.id);
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: keeper.userId }, select: { phone: true } })).phone;
    const results = await Promise.allSettled([a, b].map((shop) => api.store.assignKeeper({ shopId: shop.id, phone, enabled: true })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { cause: { code: "KEEPER_OTHER_SHOP" } } });
    expect(await t.db.shopKeeper.count({ where: { userId: keeper.userId, villageId: v.id } })).toBe(1);
  });
});
