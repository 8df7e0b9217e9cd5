import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { actingFor } from "@/server/modules/households/proxy.read";
import { makeActor, makeHousehold, makeVillage } from "../factories";
import { makeVillagerOf } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

describe("acting for a household (own, or as the grid worker's proxy)", () => {
  it("a villager acts for their own household only; a grid worker for active households of their grid, recorded as proxy", async () => {
    const v = await makeVillage(t.db);
    const other = await makeVillage(t.db);
    const otherGrid = await t.db.grid.create({ data: { villageId: v.id, name: "第二网格" }, select: { id: true } });
    const mine = await makeHousehold(t.db, v.id, { gridId: v.gridId });
    const neighbour = await makeHousehold(t.db, v.id, { gridId: otherGrid.id });
    const gone = await makeHousehold(t.db, v.id, { gridId: v.gridId });
    await t.db.household.update({ where: { id: gone.id }, data: { status: "INACTIVE" }, select: { id: true } });
    const far = await makeHousehold(t.db, other.id, { gridId: other.gridId });

    const villager = await makeVillagerOf(t.db, v.id, mine.id);
    expect(await actingFor(t.db, villager)).toEqual({ householdId: mine.id, villageId: v.id, actorUserId: villager.userId, proxyUserId: null });
    await expect(actingFor(t.db, villager, neighbour.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const gw = await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
    expect(await actingFor(t.db, gw, mine.id)).toEqual({ householdId: mine.id, villageId: v.id, actorUserId: gw.userId, proxyUserId: gw.userId });
    await expect(actingFor(t.db, gw)).rejects.toMatchObject({ code: "PROXY_HOUSEHOLD_REQUIRED" });
    for (const id of [neighbour.id, gone.id, far.id]) await expect(actingFor(t.db, gw, id)).rejects.toMatchObject({ code: "PROXY_OUT_OF_GRID" });

    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    await expect(actingFor(t.db, committee, mine.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
