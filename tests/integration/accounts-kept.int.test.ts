/**
 * The committee keeps only its own people's accounts: ACTIVE members of the village's households, and
 * accounts it opened itself that act nowhere else. Holding a role in the village is not enough.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage, uniquePhone } from "../factories";
import { addMemberWithAccount } from "../factories/events";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const hashOf = async (userId: string) => (await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;
const activeRoles = async (userId: string, regionId: string) =>
  (await t.db.membership.findMany({ where: { userId, regionId, active: true }, select: { role: true } })).map((m) => m.role).sort();

describe("the committee keeps only the accounts of its own people", () => {
  it("a person with a role in the village but in none of its households: no reset, no new role; roles here can still be taken away", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    // e.g. staff the town set up, or an account seeded with a role only
    const outsider = await makeActor(t.db, "SHOPKEEPER", v.id);
    const api = callerFor(t.db, committee);
    const hash = await hashOf(outsider.userId);

    await expect(api.account.resetPassword({ userId: outsider.userId, password: "take-over-1" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("此账号不由本村管理"),
      cause: { code: "ACCOUNT_NOT_KEPT" },
    });
    await expect(
      callerFor(t.db, committee, { locale: "en" }).account.setRole({ userId: outsider.userId, role: "COMMITTEE", enabled: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("This village does not keep this account") });
    expect(await hashOf(outsider.userId)).toBe(hash);
    expect(await activeRoles(outsider.userId, v.id)).toEqual(["SHOPKEEPER"]);

    const row = (await api.account.list({})).find((u) => u.id === outsider.userId);
    expect(row).toMatchObject({ kept: false, roles: [{ role: "SHOPKEEPER", grid: null }] });

    // the village's own shop: the committee can still take the role away
    await api.account.setRole({ userId: outsider.userId, role: "SHOPKEEPER", enabled: false });
    expect(await activeRoles(outsider.userId, v.id)).toEqual([]);
  });

  it("a person who also acts in another village cannot be given a role here (one village's shopkeeper, another's villager)", async () => {
    const a = await makeVillage(t.db);
    const b = await makeVillage(t.db);
    const committeeA = await makeActor(t.db, "COMMITTEE", a.id);
    const hb = await makeHousehold(t.db, b.id);
    const person = await addMemberWithAccount(t.db, b.id, hb.id, "周某");
    await t.db.membership.create({ data: { userId: person.userId, regionId: a.id, role: "SHOPKEEPER" } });

    await expect(callerFor(t.db, committeeA).account.setRole({ userId: person.userId, role: "COMMITTEE", enabled: true })).rejects.toMatchObject({
      cause: { code: "ACCOUNT_NOT_KEPT" },
    });
    expect(await activeRoles(person.userId, a.id)).toEqual(["SHOPKEEPER"]);
    expect((await callerFor(t.db, committeeA).account.list({})).find((u) => u.id === person.userId)?.kept).toBe(false);
  });

  it("an active member of one of the village's households is kept; once they leave the household, they are not", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const h = await makeHousehold(t.db, v.id);
    const member = await addMemberWithAccount(t.db, v.id, h.id, "吴某");
    const api = callerFor(t.db, committee);

    expect((await api.account.list({})).find((u) => u.id === member.userId)?.kept).toBe(true);
    await api.account.resetPassword({ userId: member.userId, password: "new-password-1" });
    await api.account.setRole({ userId: member.userId, role: "SHOPKEEPER", enabled: true });
    expect(await activeRoles(member.userId, v.id)).toEqual(["SHOPKEEPER", "VILLAGER"]);

    const m = await t.db.householdMember.findFirstOrThrow({ where: { householdId: h.id, userId: member.userId }, select: { id: true } });
    await api.household.removeMember({ memberId: m.id });
    // still holds VILLAGER and SHOPKEEPER here, but is no longer one of the village's people
    const hash = await hashOf(member.userId);
    await expect(api.account.resetPassword({ userId: member.userId, password: "take-over-1" })).rejects.toMatchObject({
      cause: { code: "ACCOUNT_NOT_KEPT" },
    });
    await expect(api.account.setRole({ userId: member.userId, role: "COMMITTEE", enabled: true })).rejects.toMatchObject({
      cause: { code: "ACCOUNT_NOT_KEPT" },
    });
    expect(await hashOf(member.userId)).toBe(hash);
    expect((await api.account.list({})).find((u) => u.id === member.userId)?.kept).toBe(false);
  });

  it("an account the committee opened itself is kept; one opened by another village's committee is not", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const { id } = await api.account.create({ phone: uniquePhone(), name: "新网格员", password: "secret-123", role: "VILLAGER" });
    expect((await api.account.list({})).find((u) => u.id === id)?.kept).toBe(true);
    await api.account.setRole({ userId: id, role: "GRID_WORKER", enabled: true, gridId: v.gridId });
    await api.account.resetPassword({ userId: id, password: "new-password-1" });

    // a second committee member in the same village keeps it too (the village opened it, not the person)
    const colleague = await makeActor(t.db, "COMMITTEE", v.id);
    await callerFor(t.db, colleague).account.resetPassword({ userId: id, password: "new-password-2" });

    // opened by another village's committee, then given a role here by other means: not this village's
    const other = await makeVillage(t.db);
    const otherCommittee = await makeActor(t.db, "COMMITTEE", other.id);
    const theirs = await callerFor(t.db, otherCommittee).account.create({ phone: uniquePhone(), name: "外村人", password: "secret-123", role: "VILLAGER" });
    await t.db.membership.update({ where: { userId_regionId_role: { userId: theirs.id, regionId: other.id, role: "VILLAGER" } }, data: { active: false } });
    await t.db.membership.create({ data: { userId: theirs.id, regionId: v.id, role: "VILLAGER" } });
    await expect(api.account.resetPassword({ userId: theirs.id, password: "take-over-1" })).rejects.toMatchObject({
      cause: { code: "ACCOUNT_NOT_KEPT" },
    });
  });
});
