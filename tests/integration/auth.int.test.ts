/**
 * Sign-in: checking a phone + password (server/auth/login.service.ts) with the per-phone and per-IP
 * lock-outs kept in PostgreSQL, and turning a session into an actor (server/auth/actor.repo.ts).
 * The clock is injected (deps.now), so lock-out windows are tested without waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMemberships, loadActor } from "@/server/auth/actor.repo";
import { checkCredentials } from "@/server/auth/login.service";
import type { Deps } from "@/server/lib/deps";
import { startTestDb, type TestDb } from "../setup/test-db";
import { TEST_PASSWORD, callerFor, makeActor, makeUser, makeVillage, uniq, uniquePhone } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const LIMITS = { maxPhone: 5, maxIp: 12, windowMinutes: 15 };
/** A clock the test moves by hand. */
function clock(start = new Date("2026-03-01T08:00:00Z")) {
  let now = start.getTime();
  return { now: () => new Date(now), advanceMinutes: (m: number) => (now += m * 60_000) };
}
const depsWith = (c: { now: () => Date }): Deps => ({ db: t.db, now: c.now });
/** A unique IP per test, so the per-IP counters of tests never meet. */
const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${uniq()}`;

describe("checkCredentials", () => {
  it("the right password gives the user id and clears the phone's failures", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const ip = uniqueIp();
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong-one", ip }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
    expect(await t.db.loginThrottle.count({ where: { key: `phone:${u.phone}` } })).toBe(0);
  });

  it("a wrong password and an unknown phone get the same LOGIN_FAILED", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const wrong = await checkCredentials(depsWith(c), { phone: u.phone, password: "not-the-password", ip: uniqueIp() }, LIMITS).catch((e) => e);
    const unknown = await checkCredentials(depsWith(c), { phone: uniquePhone(), password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS).catch((e) => e);
    expect(wrong).toMatchObject({ name: "DomainError", code: "LOGIN_FAILED" });
    expect(unknown).toMatchObject({ name: "DomainError", code: "LOGIN_FAILED" });
    expect(unknown.params).toEqual(wrong.params);
  });

  it("5 failures lock the phone, even for the right password, until the window has passed", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    for (let i = 0; i < LIMITS.maxPhone; i++) {
      if (i > 0) c.advanceMinutes(1);
      // different IPs: the lock is on the phone
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: `wrong${i}`, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
        code: "LOGIN_FAILED",
      });
    }
    const locked = await checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS).catch((e) => e);
    expect(locked).toMatchObject({ code: "LOGIN_RATE_LIMITED", params: { minutes: 15 } });

    c.advanceMinutes(10);
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_RATE_LIMITED",
      params: { minutes: 5 },
    });

    c.advanceMinutes(6);
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("failures spread out beyond the window do not add up", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    for (let i = 0; i < LIMITS.maxPhone + 2; i++) {
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong", ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
        code: "LOGIN_FAILED",
      });
      c.advanceMinutes(LIMITS.windowMinutes / 2 + 1); // a new window every other attempt
    }
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("one IP trying many phones is locked out, for every phone; other IPs are not", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const ip = uniqueIp();
    for (let i = 0; i < LIMITS.maxIp; i++) {
      await expect(checkCredentials(depsWith(c), { phone: uniquePhone(), password: "guess123", ip }, LIMITS)).rejects.toMatchObject({
        code: "LOGIN_FAILED",
      });
    }
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_RATE_LIMITED",
      params: { minutes: 15 },
    });
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
    c.advanceMinutes(16);
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("a disabled account gets ACCOUNT_DISABLED with the right password (and LOGIN_FAILED with a wrong one)", async () => {
    const u = await makeUser(t.db);
    await t.db.user.update({ where: { id: u.id }, data: { active: false } });
    const c = clock();
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
      code: "ACCOUNT_DISABLED",
    });
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong-pass", ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_FAILED",
    });
  });

  it("concurrent failures all count: 10 wrong attempts at once lock the phone", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => checkCredentials(depsWith(c), { phone: u.phone, password: `bad${i}`, ip: uniqueIp() }, LIMITS)),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.every((code) => code === "LOGIN_FAILED" || code === "LOGIN_RATE_LIMITED"), codes.join(",")).toBe(true);
    const failed = codes.filter((code) => code === "LOGIN_FAILED").length;
    const row = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: `phone:${u.phone}` }, select: { failures: true, lockedUntil: true } });
    expect(row.failures).toBe(failed); // no lost updates
    expect(failed).toBeGreaterThanOrEqual(LIMITS.maxPhone);
    expect(row.lockedUntil).not.toBeNull();
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_RATE_LIMITED",
    });
  });
});

describe("actors and memberships", () => {
  it("loadActor builds the actor of a user's own membership and ignores someone else's membership id", async () => {
    const v = await makeVillage(t.db);
    const alice = await makeActor(t.db, "COMMITTEE", v.id);
    const bob = await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
    await expect(loadActor(t.db, alice.userId, alice.membershipId)).resolves.toMatchObject({
      userId: alice.userId,
      role: "COMMITTEE",
      villageId: v.id,
      regionId: v.id,
    });
    expect(await loadActor(t.db, alice.userId, bob.membershipId)).toBeNull();
    expect(await loadActor(t.db, alice.userId, "no-such-membership")).toBeNull();
    await expect(loadActor(t.db, bob.userId, bob.membershipId)).resolves.toMatchObject({ role: "GRID_WORKER", gridId: v.gridId });
  });

  it("an inactive membership or a disabled user gives no actor", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "VILLAGER", v.id);
    await t.db.membership.update({ where: { id: a.membershipId }, data: { active: false } });
    expect(await loadActor(t.db, a.userId, a.membershipId)).toBeNull();
    const b = await makeActor(t.db, "VILLAGER", v.id);
    await t.db.user.update({ where: { id: b.userId }, data: { active: false } });
    expect(await loadActor(t.db, b.userId, b.membershipId)).toBeNull();
    expect(await listMemberships(t.db, b.userId)).toEqual([]);
  });

  it("admins have no village; village roles act in theirs", async () => {
    const v = await makeVillage(t.db);
    const town = await makeActor(t.db, "TOWN_ADMIN", v.townId);
    expect(town).toMatchObject({ role: "TOWN_ADMIN", regionId: v.townId, villageId: null });
  });

  it("listMemberships lists both memberships of a villager in one village who keeps the shop of another", async () => {
    const home = await makeVillage(t.db);
    const other = await makeVillage(t.db);
    const u = await makeUser(t.db);
    await t.db.membership.create({ data: { userId: u.id, regionId: home.id, role: "VILLAGER" } });
    await t.db.membership.create({ data: { userId: u.id, regionId: other.id, role: "SHOPKEEPER" } });
    const list = await listMemberships(t.db, u.id);
    expect(list).toHaveLength(2);
    expect(list.map((m) => [m.role, m.regionId, m.regionName])).toEqual(
      expect.arrayContaining([
        ["VILLAGER", home.id, home.name],
        ["SHOPKEEPER", other.id, other.name],
      ]),
    );
    for (const m of list) {
      const actor = await loadActor(t.db, u.id, m.id);
      expect(actor).toMatchObject({ role: m.role, villageId: m.regionId });
    }
  });
});

describe("translated messages through tRPC", () => {
  it("me.changePassword with a wrong current password is refused in Chinese and English and keeps the password", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "VILLAGER", v.id);
    const before = await t.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { passwordHash: true } });
    await expect(callerFor(t.db, a).me.changePassword({ current: "not-my-password", password: "newpassword1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "当前密码不正确，密码没有修改。",
    });
    await expect(
      callerFor(t.db, a, { locale: "en" }).me.changePassword({ current: "not-my-password", password: "newpassword1" }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/current password is wrong/i) });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it("me.changePassword with a short new password names the rule; with the right one it changes", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "VILLAGER", v.id);
    await expect(callerFor(t.db, a).me.changePassword({ current: TEST_PASSWORD, password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "填写的内容有误：「密码」至少 8 位",
    });
    await expect(callerFor(t.db, a).me.changePassword({ current: TEST_PASSWORD, password: "a-new-password" })).resolves.toEqual({ ok: true });
    const phone = (await t.db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { phone: true } })).phone;
    await expect(checkCredentials({ db: t.db, now: () => new Date() }, { phone, password: "a-new-password", ip: uniqueIp() }, LIMITS)).resolves.toEqual({
      userId: a.userId,
      // the change bumped the session version: tokens from before it are signed out
      sessionVersion: 1,
    });
  });

  it("an anonymous caller is asked to sign in, in the caller's language", async () => {
    await expect(callerFor(t.db, null).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "请先登录。" });
    await expect(callerFor(t.db, null, { locale: "en" }).me.get()).rejects.toMatchObject({ message: "Please sign in first." });
  });
});
