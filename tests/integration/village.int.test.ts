import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeUser, makeVillage, uniq } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

/** A village with two grids: grid 1 has 2 active households (3 members, one linked), grid 2 has 1, one without grid, one inactive. */
async function village() {
  const v = await makeVillage(t.db);
  const grid2 = await t.db.grid.create({ data: { villageId: v.id, name: uniq("网格B") }, select: { id: true, name: true } });
  const h1 = await makeHousehold(t.db, v.id, { gridId: v.gridId });
  await makeHousehold(t.db, v.id, { gridId: v.gridId });
  await makeHousehold(t.db, v.id, { gridId: grid2.id });
  await makeHousehold(t.db, v.id);
  const gone = await makeHousehold(t.db, v.id, { gridId: v.gridId });
  await t.db.household.update({ where: { id: gone.id }, data: { status: "INACTIVE" } });
  const user = await makeUser(t.db);
  await t.db.householdMember.create({ data: { householdId: h1.id, name: "成员", relation: "SPOUSE", userId: user.id } });
  return { v, grid2 };
}

describe("village summary", () => {
  it("the committee's numbers match the village's data", async () => {
    const { v, grid2 } = await village();
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    await makeActor(t.db, "SUPERVISOR", v.id);
    await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
    const villager = await makeActor(t.db, "VILLAGER", v.id);
    await t.db.membership.create({ data: { userId: villager.userId, regionId: v.id, role: "SHOPKEEPER", active: false } });
    // one change by the committee, so the audit trail has a record of this week
    await callerFor(t.db, committee).household.create({ number: "new1", headName: "新户", gridId: grid2.id });

    const s = await callerFor(t.db, committee).village.summary();
    expect(s).toMatchObject({
      scope: "VILLAGE",
      villageName: v.name,
      grid: null,
      households: { active: 5, inactive: 1 },
      members: 6, // 4 heads + 1 new head + 1 spouse
      membersWithAccount: 1,
      householdsWithoutGrid: 1,
      recentAudit: 1,
    });
    expect(s.grids).toEqual(
      expect.arrayContaining([
        { id: v.gridId, name: expect.any(String), households: 2 },
        { id: grid2.id, name: grid2.name, households: 2 },
      ]),
    );
    expect(s.grids).toHaveLength(2);
    expect(s.accountsByRole).toEqual([
      { role: "VILLAGER", count: 1 },
      { role: "COMMITTEE", count: 1 },
      { role: "SUPERVISOR", count: 1 },
      { role: "GRID_WORKER", count: 1 },
    ]);
  });

  it("a grid worker sees only their grid's numbers", async () => {
    const { v } = await village();
    const worker = await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
    const s = await callerFor(t.db, worker).village.summary();
    expect(s).toEqual({
      scope: "GRID",
      villageName: v.name,
      grid: { id: v.gridId, name: expect.any(String) },
      households: { active: 2, inactive: 1 },
      members: 3,
      membersWithAccount: 1,
      grids: [{ id: v.gridId, name: expect.any(String), households: 2 }],
      householdsWithoutGrid: null,
      accountsByRole: null,
      recentAudit: null,
    });
  });

  it("another village's data never counts, and roles outside the village staff are refused", async () => {
    const { v } = await village();
    const other = await makeVillage(t.db);
    await makeHousehold(t.db, other.id, { gridId: other.gridId });
    const supervisor = await makeActor(t.db, "SUPERVISOR", other.id);
    const s = await callerFor(t.db, supervisor).village.summary();
    expect(s.households).toEqual({ active: 1, inactive: 0 });
    expect(s.grids.map((g) => g.id)).toEqual([other.gridId]);

    const villager = await makeActor(t.db, "VILLAGER", v.id);
    await expect(callerFor(t.db, villager).village.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", v.townId);
    await expect(callerFor(t.db, townAdmin).village.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, null).village.summary()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
