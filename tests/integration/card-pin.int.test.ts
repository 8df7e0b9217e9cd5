/**
 * Card PINs that a stranger cannot guess in a day: 6 digits and none of the obvious ones when set, a
 * lock-out that doubles on every repeat (15 min, 30 min, … at most 24 h) and is audited, older 4-digit
 * PINs that still pay, and a till session bought with one typed PIN that pays one sale.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { isTrivialPin } from "@/server/modules/store/store.schema";
import { afterWrongPin } from "@/server/modules/households/pin.policy";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor } from "../factories";
import { key, makeClock } from "../factories/points";
import { storeVillage } from "../factories/store";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const MIN = 60_000;

describe("setting a card PIN", () => {
  it("takes 6 digits only, and refuses the PINs a stranger tries first", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const me = callerFor(t.db, s.villager, { locale: "en" });
    for (const pin of ["1234", "12345", "0000", "000000", "123456", "654321", "888888", "121212", "123123", "345678"]) {
      await expect(me.store.setPin({ pin })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await t.db.householdPin.count({ where: { householdId: s.h.id } })).toBe(0);
    await expect(me.store.setPin({ pin: "000000" })).rejects.toMatchObject({ message: expect.stringContaining("too easy to guess") });
    await expect(me.store.setPin({ pin: "1234" })).rejects.toMatchObject({ message: expect.stringContaining("6 digits") });
    await expect(me.store.setPin({ pin: "260518" })).resolves.toMatchObject({ set: true });
  });

  it("isTrivialPin: repeats, runs and repeated pairs or triples", () => {
    for (const p of ["000000", "999999", "123456", "234567", "987654", "101010", "456456"]) expect(isTrivialPin(p)).toBe(true);
    for (const p of ["260518", "246801", "135792", "112233", "908172"]) expect(isTrivialPin(p)).toBe(false);
  });
});

describe("wrong PINs", () => {
  it("each lock-out lasts twice as long as the last, at most 24 hours", () => {
    const now = new Date();
    const lockMinutes = (lockouts: number) => (afterWrongPin(4, lockouts, now).lockedUntil!.getTime() - now.getTime()) / MIN;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(lockMinutes)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
    expect(lockMinutes(50)).toBe(1440);
    expect(afterWrongPin(3, 2, now)).toMatchObject({ failures: 4, lockouts: 2, lockedUntil: null, left: 1 });
  });

  it("the second lock-out is 30 minutes, each is audited; the right PIN starts the count over", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const clock = makeClock();
    const pos = callerFor(t.db, s.keeper, { now: clock.now, locale: "en" });
    await callerFor(t.db, s.villager).store.setPin({ pin: "260518" });
    const line = [{ itemId: s.items[2]!.id, quantity: 1 }];
    const pay = (pin: string) => pos.store.redeem({ payer: { method: "CARD", householdNumber: s.h.number, pin }, lines: line, expectedTotal: 5, idempotencyKey: key() });
    const fiveWrong = async () => {
      for (let i = 0; i < 4; i++) await expect(pay("111111")).rejects.toMatchObject({ cause: { code: "PIN_WRONG" } });
      return pay("111111").catch((e: unknown) => e);
    };
    expect(await fiveWrong()).toMatchObject({ cause: { code: "PIN_LOCKED", params: { minutes: 15 } } });
    clock.set(new Date(clock.now().getTime() + 15 * MIN + 1000));
    expect(await fiveWrong()).toMatchObject({ cause: { code: "PIN_LOCKED", params: { minutes: 30 } } });
    clock.set(new Date(clock.now().getTime() + 20 * MIN));
    await expect(pay("260518")).rejects.toMatchObject({ cause: { code: "PIN_LOCKED" } });
    const audits = await t.db.auditLog.findMany({ where: { action: "store.pinLocked", entityId: s.h.id }, select: { regionId: true, actorUserId: true, after: true } });
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.regionId === s.v.id && a.actorUserId === s.keeper.userId)).toBe(true);
    expect(JSON.stringify(audits)).not.toContain("111111");
    // after the lock, the right PIN pays and the next lock is 15 minutes again
    clock.set(new Date(clock.now().getTime() + 11 * MIN));
    await expect(pay("260518")).resolves.toMatchObject({ balance: 95 });
    expect(await fiveWrong()).toMatchObject({ cause: { code: "PIN_LOCKED", params: { minutes: 15 } } });
  });
});

describe("older PINs and till sessions", () => {
  it("a 4-digit PIN set before 6 digits were required still pays", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    await t.db.householdPin.create({ data: { householdId: s.h.id, pinHash: await hashPassword("4821") } });
    const pos = callerFor(t.db, s.keeper);
    await expect(
      pos.store.redeem({ payer: { method: "CARD", householdNumber: s.h.number, pin: "4821" }, lines: [{ itemId: s.items[2]!.id, quantity: 1 }], expectedTotal: 5, idempotencyKey: key() }),
    ).resolves.toMatchObject({ balance: 95 });
  });

  it("a till session from one typed PIN pays one sale; the next sale needs the PIN again", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const pos = callerFor(t.db, s.keeper);
    await callerFor(t.db, s.villager).store.setPin({ pin: "260518" });
    const who = await pos.store.lookupPayer({ payer: { method: "CARD", householdNumber: s.h.number, pin: "260518" } });
    const session = { method: "SESSION" as const, token: who.session! };
    const line = [{ itemId: s.items[2]!.id, quantity: 1 }];
    await expect(pos.store.redeem({ payer: session, lines: line, expectedTotal: 5, idempotencyKey: key() })).resolves.toMatchObject({ balance: 95, payMethod: "CARD_PIN" });
    await expect(pos.store.redeem({ payer: session, lines: line, expectedTotal: 5, idempotencyKey: key() })).rejects.toMatchObject({ cause: { code: "CODE_USED" } });
    // a retry of the same sale still answers with its receipt (idempotency is not a second sale)
    const again = await pos.store.lookupPayer({ payer: { method: "CARD", householdNumber: s.h.number, pin: "260518" } });
    const k = key();
    const first = await pos.store.redeem({ payer: { method: "SESSION", token: again.session! }, lines: line, expectedTotal: 5, idempotencyKey: k });
    await expect(pos.store.redeem({ payer: { method: "SESSION", token: again.session! }, lines: line, expectedTotal: 5, idempotencyKey: k })).resolves.toMatchObject({ id: first.id, replayed: true });
  });
});
