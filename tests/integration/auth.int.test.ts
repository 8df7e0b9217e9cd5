/**
 * Sign-in: checking a phone + password (server/auth/login.service.ts) with the per-phone+IP, per-IP
 * and per-phone lock-outs kept in PostgreSQL, the audit of failures, the address the sign-in form
 * believes, and turning a session into an actor (server/auth/actor.repo.ts).
 * The clock is injected (deps.now), so lock-out windows are tested without waiting.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listMemberships, loadActor } from "@/server/auth/actor.repo";
import { checkCredentials } from "@/server/auth/login.service";
import { UNKNOWN_PEER } from "@/server/http/client-ip";
import type { Deps } from "@/server/lib/deps";
import { startTestDb, type TestDb } from "../setup/test-db";
import { TEST_PASSWORD, callerFor, makeActor, makeUser, makeVillage, uniq, uniquePhone } from "../factories";

// the launcher's per-start key for the front server's x-mb-peer header, set before server/env loads
const TOKEN = vi.hoisted(() => (process.env.MB_PEER_TOKEN = "a-test-peer-token-of-at-least-32-characters"));

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const LIMITS = { maxPhoneIp: 3, maxPhone: 12, maxIp: 12, windowMinutes: 15 };
/** A clock the test moves by hand. */
function clock(start = new Date("2026-03-01T08:00:00Z")) {
  let now = start.getTime();
  return { now: () => new Date(now), advanceMinutes: (m: number) => (now += m * 60_000) };
}
const depsWith = (c: { now: () => Date }): Deps => ({ db: t.db, now: c.now });
/** A unique IP per test, so the per-IP counters of tests never meet. */
const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${uniq()}`;
/** The throttle's row for a key, or null. */
const throttle = (key: string) => t.db.loginThrottle.findUnique({ where: { key }, select: { failures: true, lockedUntil: true } });

describe("checkCredentials", () => {
  it("the right password gives the user id and clears the phone's failures", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const ip = uniqueIp();
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong-one", ip }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
    expect(await t.db.loginThrottle.count({ where: { key: { in: [`phone:${u.phone}`, `phone-ip:${u.phone}|${ip}`] } } })).toBe(0);
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

  it("a stranger's failures from one IP lock the phone for that IP only: the owner signs in from another IP at once", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const stranger = uniqueIp();
    for (let i = 0; i < LIMITS.maxPhoneIp; i++) {
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: `guess${i}`, ip: stranger }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    }
    // the stranger is stopped, even with the right password …
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: stranger }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_RATE_LIMITED",
      params: { minutes: LIMITS.windowMinutes },
    });
    // … the owner is not
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("each further failure from the same IP doubles that IP's lock on the phone (15, 30, 60 minutes)", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const ip = uniqueIp().replace(/-.*$/, ""); // a real address, so the trail's masking shows
    for (let i = 0; i < LIMITS.maxPhoneIp; i++) await checkCredentials(depsWith(c), { phone: u.phone, password: "wrong", ip }, LIMITS).catch(() => null);
    for (const minutes of [30, 60]) {
      c.advanceMinutes(minutes / 2 + 1); // the previous lock is over
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong", ip }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).rejects.toMatchObject({
        code: "LOGIN_RATE_LIMITED",
        params: { minutes },
      });
    }
  });

  it("a stranger guessing from one IP all day long never locks the phone for the owner", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const stranger = uniqueIp();
    let failures = 0;
    for (let minute = 0; minute < 24 * 60; minute += 5) {
      const r = await checkCredentials(depsWith(c), { phone: u.phone, password: `guess${minute}`, ip: stranger }, LIMITS).catch((e) => e);
      if (r?.code === "LOGIN_FAILED") failures++;
      else expect(r).toMatchObject({ code: "LOGIN_RATE_LIMITED" });
      const phoneRow = await throttle(`phone:${u.phone}`);
      expect(phoneRow?.lockedUntil ?? null, `phone locked after ${failures} failures at minute ${minute}`).toBeNull();
      c.advanceMinutes(5);
    }
    // the doubling lock keeps one address to about a dozen guesses a day
    expect(failures).toBeGreaterThan(LIMITS.maxPhoneIp);
    expect(failures).toBeLessThan(LIMITS.maxPhone);
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("failures from many IPs brake the phone for everyone: 1 minute, then 2, then 4", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    for (let i = 0; i < LIMITS.maxPhone; i++) {
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: `wrong${i}`, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    }
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_RATE_LIMITED",
      params: { minutes: 1 },
    });
    for (const minutes of [2, 4]) {
      c.advanceMinutes(minutes / 2);
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong-again", ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).rejects.toMatchObject({
        code: "LOGIN_RATE_LIMITED",
        params: { minutes },
      });
    }
    c.advanceMinutes(4);
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
    expect(await throttle(`phone:${u.phone}`)).toBeNull();
  });

  it("failures spread out beyond a day do not add up", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const ip = uniqueIp();
    for (let i = 0; i < LIMITS.maxPhoneIp + 2; i++) {
      await expect(checkCredentials(depsWith(c), { phone: u.phone, password: "wrong", ip }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
      c.advanceMinutes(12 * 60 + 1); // a new day's count every other attempt
    }
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("one IP trying many phones is locked out, for every phone; other IPs are not", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const ip = uniqueIp();
    for (let i = 0; i < LIMITS.maxIp; i++) {
      await expect(checkCredentials(depsWith(c), { phone: uniquePhone(), password: "guess123", ip }, LIMITS)).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    }
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).rejects.toMatchObject({
      code: "LOGIN_RATE_LIMITED",
      params: { minutes: 15 },
    });
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: uniqueIp() }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
    c.advanceMinutes(16);
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
  });

  it("without a known address (no front server) no shared per-IP bucket exists: one guesser cannot lock everyone out", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    for (let i = 0; i < LIMITS.maxIp + 1; i++) {
      await checkCredentials(depsWith(c), { phone: uniquePhone(), password: "guess123", ip: UNKNOWN_PEER }, LIMITS).catch(() => null);
    }
    await expect(checkCredentials(depsWith(c), { phone: u.phone, password: TEST_PASSWORD, ip: UNKNOWN_PEER }, LIMITS)).resolves.toEqual({ userId: u.id, sessionVersion: 0 });
    expect(await throttle(`ip:${UNKNOWN_PEER}`)).toBeNull();
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

  it("concurrent failures all count: wrong attempts at once from many IPs lock the phone", async () => {
    const u = await makeUser(t.db);
    const c = clock();
    const results = await Promise.allSettled(
      Array.from({ length: LIMITS.maxPhone + 2 }, (_, i) => checkCredentials(depsWith(c), { phone: u.phone, password: `bad${i}`, ip: uniqueIp() }, LIMITS)),
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

describe("sign-in failures in the audit trail", () => {
  it("a wrong password is audited in the person's village with the phone masked, and the lock-out too", async () => {
    const v = await makeVillage(t.db);
    const villager = await makeActor(t.db, "VILLAGER", v.id);
    const { phone } = await t.db.user.findUniqueOrThrow({ where: { id: villager.userId }, select: { phone: true } });
    const c = clock();
    const ip = uniqueIp().replace(/-.*$/, ""); // a real address, so the trail's masking shows
    for (let i = 0; i < LIMITS.maxPhoneIp; i++) await checkCredentials(depsWith(c), { phone, password: `wrong${i}`, ip }, LIMITS).catch(() => null);
    const rows = await t.db.auditLog.findMany({
      where: { entity: "User", entityId: villager.userId },
      select: { regionId: true, action: true, actorUserId: true, after: true },
      orderBy: { createdAt: "asc" },
    });
    const failed = rows.filter((r) => r.action === "auth.signInFailed");
    const locked = rows.filter((r) => r.action === "auth.signInLocked");
    expect(failed).toHaveLength(LIMITS.maxPhoneIp);
    expect(failed[0]).toMatchObject({ regionId: v.id, actorUserId: null, after: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, ip: ip.replace(/\.\d+$/, ".*"), knownPhone: true } });
    expect(locked).toEqual([{ regionId: v.id, action: "auth.signInLocked", actorUserId: null, after: expect.objectContaining({ scope: "phoneIp", minutes: LIMITS.windowMinutes }) }]);
    // neither the number nor the whole address is anywhere in the trail
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(JSON.stringify(rows)).not.toContain(`"${ip}"`);
  });

  it("a failure on an unknown phone is audited in no village, masked", async () => {
    const phone = uniquePhone();
    await checkCredentials(depsWith(clock()), { phone, password: "whatever1", ip: uniqueIp() }, LIMITS).catch(() => null);
    const rows = await t.db.auditLog.findMany({ where: { action: "auth.signInFailed", entity: "Phone", entityId: `${phone.slice(0, 3)}****${phone.slice(-4)}` }, select: { regionId: true, after: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.regionId).toBeNull();
    expect(JSON.stringify(rows)).not.toContain(phone);
  });
});

describe("the sign-in form's address (next-auth authorize)", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  let authorize: Authorize;
  beforeAll(async () => {
    // the app's database is this test's PGlite
    (globalThis as unknown as { prisma?: unknown }).prisma = t.db;
    const { authOptions } = await import("@/server/auth/options");
    const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
    authorize = provider.options.authorize;
  });
  const rotating = () => `${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1.${Math.floor(Math.random() * 250)}`;

  it("rotating X-Forwarded-For from an untrusted peer does not get around the per-IP limit", async () => {
    const peer = `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) {
      // a new phone each time, so only the per-IP counter can stop it; the attacker rotates the header
      const headers = { "x-forwarded-for": rotating(), "x-real-ip": rotating(), "x-mb-peer": peer, "x-mb-peer-token": TOKEN };
      codes.push(await authorize({ phone: uniquePhone(), password: "guess1234" }, { headers }).then(() => "OK", (e: Error) => e.message));
    }
    expect(codes.slice(0, 30).every((c) => c === "LOGIN_FAILED"), codes.join()).toBe(true);
    expect(codes[30]).toBe("LOGIN_RATE_LIMITED:15");
  });

  it("an x-mb-peer header without the launcher's key is not believed", async () => {
    const phone = uniquePhone();
    await authorize({ phone, password: "guess1234" }, { headers: { "x-mb-peer": "198.51.100.7", "x-mb-peer-token": "wrong" } }).catch(() => null);
    expect(await t.db.loginThrottle.count({ where: { key: { startsWith: "ip:198.51.100.7" } } })).toBe(0);
    expect(await throttle(`phone:${phone}`)).toMatchObject({ failures: 1 });
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
