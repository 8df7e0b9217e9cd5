/**
 * Revocable sessions: the session token carries the user's session version from sign-in; a password
 * change, a reset by the committee or "sign out everywhere" bumps it, and every older token then
 * resolves to signed out, on the very next request.
 */
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/server/auth/login.service";
import { claimsFromToken, sessionFromClaims } from "@/server/auth/session";
import { startTestDb, type TestDb } from "../setup/test-db";
import { TEST_PASSWORD, callerFor, makeActor, makeHousehold, makeVillage } from "../factories";

const SECRET = "integration-test-secret-integration";
let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

/** Signs in as next-auth would and returns the cookie's token. */
async function signIn(phone: string, password = TEST_PASSWORD) {
  const { userId, sessionVersion } = await checkCredentials({ db: t.db, now: () => new Date() }, { phone, password, ip: "10.0.0.1" });
  return encode({ token: { uid: userId, sv: sessionVersion }, secret: SECRET });
}
const resolve = async (token: string) => sessionFromClaims(t.db, await claimsFromToken(token, SECRET), undefined);
const phoneOf = async (userId: string) => (await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true } })).phone;

describe("session revocation", () => {
  it("a password change signs out the old token; a new sign-in works", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "VILLAGER", v.id);
    const phone = await phoneOf(a.userId);
    const old = await signIn(phone);
    expect(await resolve(old)).toMatchObject({ kind: "actor", actor: { userId: a.userId } });
    await callerFor(t.db, a).me.changePassword({ current: TEST_PASSWORD, password: "a-new-password" });
    expect(await resolve(old)).toEqual({ kind: "anonymous" });
    // the membership cookie does not bring it back either
    expect(await sessionFromClaims(t.db, await claimsFromToken(old, SECRET), a.membershipId)).toEqual({ kind: "anonymous" });
    expect(await resolve(await signIn(phone, "a-new-password"))).toMatchObject({ kind: "actor", actor: { userId: a.userId } });
  });

  it("a committee reset signs the person out everywhere", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const a = await makeActor(t.db, "GRID_WORKER", v.id);
    // one of the village's people (a member of its household), whose account the committee keeps
    const h = await makeHousehold(t.db, v.id);
    await t.db.householdMember.create({ data: { householdId: h.id, name: "网格员", relation: "CHILD", userId: a.userId }, select: { id: true } });
    const old = await signIn(await phoneOf(a.userId));
    expect(await resolve(old)).toMatchObject({ kind: "actor" });
    await callerFor(t.db, committee).account.resetPassword({ userId: a.userId, password: "reset-password-1" });
    expect(await resolve(old)).toEqual({ kind: "anonymous" });
  });

  it("sign out everywhere ends every earlier token; it is audited", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "VILLAGER", v.id);
    const phone = await phoneOf(a.userId);
    const [phoneA, phoneB] = [await signIn(phone), await signIn(phone)];
    await callerFor(t.db, a).me.signOutEverywhere();
    expect(await resolve(phoneA)).toEqual({ kind: "anonymous" });
    expect(await resolve(phoneB)).toEqual({ kind: "anonymous" });
    expect(await t.db.auditLog.count({ where: { action: "me.signOutEverywhere", entityId: a.userId } })).toBe(1);
  });

  it("a token from before session versions (no sv) counts as version 0", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "VILLAGER", v.id);
    const legacy = await encode({ token: { uid: a.userId }, secret: SECRET });
    expect(await resolve(legacy)).toMatchObject({ kind: "actor" });
    await callerFor(t.db, a).me.signOutEverywhere();
    expect(await resolve(legacy)).toEqual({ kind: "anonymous" });
  });
});
