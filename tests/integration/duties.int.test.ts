/**
 * Separation of duties that holds against the committee itself: supervisors are the town's to appoint,
 * one person never holds COMMITTEE (or SHOPKEEPER) and SUPERVISOR in one village, and the committee
 * cannot take over a supervisor's account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeCounty, makeVillage, uniquePhone } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

async function townWithVillage() {
  const { town } = await makeCounty(t.db);
  const v = await makeVillage(t.db, town.id);
  const townAdmin = await makeActor(t.db, "TOWN_ADMIN", town.id);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  return { town, v, townAdmin, committee };
}

const activeRoles = async (userId: string, regionId: string) =>
  (await t.db.membership.findMany({ where: { userId, regionId, active: true }, select: { role: true } })).map((m) => m.role).sort();

describe("supervisors are appointed by the town", () => {
  it("the committee cannot grant SUPERVISOR, to anyone or itself, nor create a supervisor account", async () => {
    const { v, committee } = await townWithVillage();
    const api = callerFor(t.db, committee);
    const { id } = await api.account.create({ phone: uniquePhone(), name: "傀儡", password: "secret-123", role: "VILLAGER" });
    await expect(api.account.setRole({ userId: id, role: "SUPERVISOR", enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("只能由乡镇任免"),
    });
    await expect(api.account.setRole({ userId: committee.userId, role: "SUPERVISOR", enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      api.account.create({ phone: uniquePhone(), name: "新监委", password: "secret-123", role: "SUPERVISOR" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "SUPERVISOR_BY_TOWN" } });
    expect(await t.db.membership.count({ where: { regionId: v.id, role: "SUPERVISOR" } })).toBe(0);
  });

  it("the committee cannot remove a supervisor, reset their password or change their roles", async () => {
    const { v, committee } = await townWithVillage();
    const supervisor = await makeActor(t.db, "SUPERVISOR", v.id);
    const api = callerFor(t.db, committee);
    const before = await t.db.user.findUniqueOrThrow({ where: { id: supervisor.userId }, select: { passwordHash: true } });
    await expect(api.account.resetPassword({ userId: supervisor.userId, password: "take-over-1" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "SUPERVISOR_ACCOUNT" },
    });
    await expect(api.account.setRole({ userId: supervisor.userId, role: "SUPERVISOR", enabled: false })).rejects.toMatchObject({
      cause: { code: "SUPERVISOR_BY_TOWN" },
    });
    await expect(api.account.setRole({ userId: supervisor.userId, role: "VILLAGER", enabled: true })).rejects.toMatchObject({
      cause: { code: "SUPERVISOR_ACCOUNT" },
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: supervisor.userId }, select: { passwordHash: true } })).passwordHash).toBe(
      before.passwordHash,
    );
    expect(await activeRoles(supervisor.userId, v.id)).toEqual(["SUPERVISOR"]);
  });

  it("the town appoints and removes a supervisor; it is audited and the village's supervisors see it", async () => {
    const { v, townAdmin, committee } = await townWithVillage();
    const { id } = await callerFor(t.db, committee).account.create({ phone: uniquePhone(), name: "郑监督", password: "secret-123", role: "VILLAGER" });
    const town = callerFor(t.db, townAdmin);

    const view = await town.supervisor.village({ villageId: v.id });
    expect(view.people.map((p) => p.id)).toContain(id);
    expect(view.supervisors).toEqual([]);

    await town.supervisor.set({ villageId: v.id, userId: id, enabled: true });
    expect(await activeRoles(id, v.id)).toEqual(["SUPERVISOR", "VILLAGER"]);
    expect((await town.supervisor.village({ villageId: v.id })).supervisors.map((s) => s.userId)).toEqual([id]);

    const other = await makeActor(t.db, "SUPERVISOR", v.id);
    const history = await callerFor(t.db, other).supervisor.history();
    expect(history[0]).toMatchObject({ action: "supervisor.appoint", person: "郑监督", by: townAdmin.name, byRole: "TOWN_ADMIN" });

    await town.supervisor.set({ villageId: v.id, userId: id, enabled: false });
    expect(await activeRoles(id, v.id)).toEqual(["VILLAGER"]);
    const audit = await callerFor(t.db, other).audit.list({ take: 5 });
    expect(audit.items.slice(0, 2).map((i) => i.action)).toEqual(["supervisor.remove", "supervisor.appoint"]);
  });

  it("the town reads the appointment history of a village below it, and only of those", async () => {
    const a = await townWithVillage();
    const b = await townWithVillage();
    const { id } = await callerFor(t.db, a.committee).account.create({ phone: uniquePhone(), name: "冯监督", password: "secret-123", role: "VILLAGER" });
    const town = callerFor(t.db, a.townAdmin);
    await town.supervisor.set({ villageId: a.v.id, userId: id, enabled: true });
    await town.supervisor.set({ villageId: a.v.id, userId: id, enabled: false });

    const history = await town.supervisor.history({ villageId: a.v.id });
    expect(history.map((h) => [h.action, h.person, h.by])).toEqual([
      ["supervisor.remove", "冯监督", a.townAdmin.name],
      ["supervisor.appoint", "冯监督", a.townAdmin.name],
    ]);
    // another town's village, or no village named: NOT_FOUND, nothing shown
    await expect(callerFor(t.db, b.townAdmin).supervisor.history({ villageId: a.v.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(town.supervisor.history()).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a village's committee reads its own village only, whatever id it sends
    expect(await callerFor(t.db, b.committee).supervisor.history({ villageId: a.v.id })).toEqual([]);
    expect((await callerFor(t.db, a.committee).supervisor.history()).map((h) => h.action)).toEqual(["supervisor.remove", "supervisor.appoint"]);
  });

  it("a town cannot appoint in a village of another town, nor someone who is not of the village", async () => {
    const a = await townWithVillage();
    const b = await townWithVillage();
    const villagerB = await makeActor(t.db, "VILLAGER", b.v.id);
    await expect(callerFor(t.db, a.townAdmin).supervisor.set({ villageId: b.v.id, userId: villagerB.userId, enabled: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(t.db, a.townAdmin).supervisor.set({ villageId: a.v.id, userId: villagerB.userId, enabled: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await activeRoles(villagerB.userId, b.v.id)).toEqual(["VILLAGER"]);
  });
});

describe("one person cannot both propose (or sell) and review in a village", () => {
  it("a committee member or shopkeeper cannot be made supervisor, and a supervisor cannot be made committee or shopkeeper", async () => {
    const { v, townAdmin, committee } = await townWithVillage();
    const shopkeeper = await makeActor(t.db, "SHOPKEEPER", v.id);
    const town = callerFor(t.db, townAdmin);
    for (const who of [committee, shopkeeper]) {
      await expect(town.supervisor.set({ villageId: v.id, userId: who.userId, enabled: true })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("不能既是监督委员会成员"),
      });
      expect(await activeRoles(who.userId, v.id)).not.toContain("SUPERVISOR");
    }
  });

  it("the database refuses COMMITTEE and SUPERVISOR (or SHOPKEEPER and SUPERVISOR) for one person in one village", async () => {
    const { v, committee } = await townWithVillage();
    await expect(t.db.membership.create({ data: { userId: committee.userId, regionId: v.id, role: "SUPERVISOR" } })).rejects.toThrow(
      /supervisor cannot also be committee/,
    );
    const supervisor = await makeActor(t.db, "SUPERVISOR", v.id);
    await expect(t.db.membership.create({ data: { userId: supervisor.userId, regionId: v.id, role: "SHOPKEEPER" } })).rejects.toThrow(
      /supervisor cannot also be committee/,
    );
    // an inactive old role does not count, and roles in another village do not either
    const other = await makeVillage(t.db);
    await t.db.membership.create({ data: { userId: supervisor.userId, regionId: other.id, role: "COMMITTEE" } });
    await t.db.membership.update({ where: { id: committee.membershipId }, data: { active: false } });
    await t.db.membership.create({ data: { userId: committee.userId, regionId: v.id, role: "SUPERVISOR" } });
  });
});
