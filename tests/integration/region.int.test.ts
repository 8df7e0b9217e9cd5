import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/actor.repo";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeCounty, makeUser, makeVillage, uniq, uniquePhone } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

/** A county with two towns and a village in each. */
async function county() {
  const { county, town } = await makeCounty(t.db);
  const town2 = await t.db.region.create({ data: { kind: "TOWN", name: uniq("镇"), parentId: county.id }, select: { id: true, name: true } });
  const v1 = await makeVillage(t.db, town.id);
  const v2 = await makeVillage(t.db, town2.id);
  return { county, town, town2, v1, v2 };
}

const newVillage = (townId: string, name = uniq("新村").slice(0, 20)) => ({
  townId,
  name,
  noticeDays: 5,
  grids: ["第一网格", "第二网格"],
  committee: { phone: uniquePhone(), name: "村委甲", password: "secret-123" },
});

describe("towns and counties: their villages", () => {
  it("a town admin lists only their own town's villages; a county admin lists every town of the county", async () => {
    const c = await county();
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", c.town.id);
    const countyAdmin = await makeActor(t.db, "COUNTY_ADMIN", c.county.id);
    await t.db.household.create({ data: { villageId: c.v1.id, number: "1", headName: "甲" } });
    await t.db.household.create({ data: { villageId: c.v1.id, number: "2", headName: "乙", status: "INACTIVE" } });
    const committee = await makeActor(t.db, "COMMITTEE", c.v1.id);
    // the same person is also a villager there: still one account
    await t.db.membership.create({ data: { userId: committee.userId, regionId: c.v1.id, role: "VILLAGER" } });

    const mine = await callerFor(t.db, townAdmin).region.villages();
    expect(mine).toEqual([
      {
        id: c.town.id,
        name: c.town.name,
        households: 1,
        accounts: 1,
        villages: [{ id: c.v1.id, name: c.v1.name, noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 100, households: 1, accounts: 1, grids: 1 }],
      },
    ]);

    const all = await callerFor(t.db, countyAdmin).region.villages();
    expect(all.map((town) => town.id).sort()).toEqual([c.town.id, c.town2.id].sort());
    expect(all.flatMap((town) => town.villages.map((v) => v.id)).sort()).toEqual([c.v1.id, c.v2.id].sort());
  });

  it("a person with roles in two villages of a town counts once for the town and once in each village; inactive roles do not count", async () => {
    const c = await county();
    const v3 = await makeVillage(t.db, c.town.id);
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", c.town.id);
    const committee = await makeActor(t.db, "COMMITTEE", c.v1.id);
    await t.db.membership.create({ data: { userId: committee.userId, regionId: v3.id, role: "VILLAGER" } });
    const gone = await makeActor(t.db, "VILLAGER", v3.id);
    await t.db.membership.update({ where: { id: gone.membershipId }, data: { active: false } });
    // someone of the other town does not count here
    await makeActor(t.db, "VILLAGER", c.v2.id);

    const [town] = await callerFor(t.db, townAdmin).region.villages();
    expect(town!.accounts).toBe(1);
    expect(Object.fromEntries(town!.villages.map((v) => [v.id, v.accounts]))).toEqual({ [c.v1.id]: 1, [v3.id]: 1 });
  });

  it("creating a village creates the place, its grids and a committee account that can act in it, with an audit record", async () => {
    const c = await county();
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", c.town.id);
    const input = newVillage(c.town.id);
    const { id, committeeUserId } = await callerFor(t.db, townAdmin).region.createVillage(input);

    const region = await t.db.region.findUniqueOrThrow({ where: { id }, select: { kind: true, name: true, parentId: true, noticeDays: true } });
    expect(region).toEqual({ kind: "VILLAGE", name: input.name, parentId: c.town.id, noticeDays: 5 });
    expect((await t.db.grid.findMany({ where: { villageId: id }, select: { name: true }, orderBy: { name: "asc" } })).map((g) => g.name)).toEqual([
      "第一网格",
      "第二网格",
    ]);

    const m = await t.db.membership.findFirstOrThrow({ where: { userId: committeeUserId }, select: { id: true, role: true, regionId: true } });
    expect(m).toMatchObject({ role: "COMMITTEE", regionId: id });
    const committee = await loadActor(t.db, committeeUserId, m.id);
    expect(committee).toMatchObject({ role: "COMMITTEE", villageId: id, regionName: input.name, name: "村委甲" });
    // the new committee can work in its village at once
    const h = await callerFor(t.db, committee).household.create({ number: "001", headName: "首户" });
    expect(h.id).toBeTruthy();

    const audit = await callerFor(t.db, townAdmin).audit.list({ take: 10 });
    const entry = audit.items.find((i) => i.action === "region.createVillage");
    expect(entry).toMatchObject({ entityId: id, entityLabel: input.name, actorRole: "TOWN_ADMIN", regionName: input.name });
    expect(entry?.after).toMatchObject({ name: input.name, townId: c.town.id, committeeUserId });
    expect(audit.labels[committeeUserId]).toBe("村委甲");
    expect(JSON.stringify(entry)).not.toContain(input.committee.phone);
  });

  it("a duplicate name in the same town is REGION_NAME_TAKEN and writes nothing (no orphan user)", async () => {
    const c = await county();
    const countyAdmin = await makeActor(t.db, "COUNTY_ADMIN", c.county.id);
    const input = { ...newVillage(c.town.id), name: c.v1.name };
    const counts = async () => [await t.db.region.count(), await t.db.user.count(), await t.db.grid.count(), await t.db.auditLog.count()];
    const before = await counts();

    await expect(callerFor(t.db, countyAdmin).region.createVillage(input)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `同一乡镇下已有名为「${c.v1.name}」的村（社区）。`,
    });
    await expect(callerFor(t.db, countyAdmin, { locale: "en" }).region.createVillage(input)).rejects.toMatchObject({
      message: `A village named "${c.v1.name}" already exists in this town.`,
    });
    expect(await counts()).toEqual(before);
    expect(await t.db.user.findUnique({ where: { phone: input.committee.phone }, select: { id: true } })).toBeNull();

    // the same name in another town is fine
    await expect(callerFor(t.db, countyAdmin).region.createVillage({ ...input, townId: c.town2.id })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("a committee phone that is already used is PHONE_TAKEN and writes nothing (no orphan village)", async () => {
    const c = await county();
    const countyAdmin = await makeActor(t.db, "COUNTY_ADMIN", c.county.id);
    const taken = await makeUser(t.db);
    const input = newVillage(c.town.id);
    input.committee.phone = taken.phone;
    await expect(callerFor(t.db, countyAdmin).region.createVillage(input)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.region.count({ where: { name: input.name } })).toBe(0);
  });

  it("a town admin creating a village under another town gets NOT_FOUND", async () => {
    const c = await county();
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", c.town.id);
    const input = newVillage(c.town2.id);
    await expect(callerFor(t.db, townAdmin).region.createVillage(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // nor may a county admin reach a town of another county
    const other = await county();
    const countyAdmin = await makeActor(t.db, "COUNTY_ADMIN", other.county.id);
    await expect(callerFor(t.db, countyAdmin).region.createVillage(newVillage(c.town.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.region.count({ where: { name: input.name } })).toBe(0);
  });

  it("village roles may not call region procedures (FORBIDDEN)", async () => {
    const c = await county();
    for (const role of ["VILLAGER", "COMMITTEE", "SUPERVISOR", "SHOPKEEPER"] as const) {
      const actor = await makeActor(t.db, role, c.v1.id);
      await expect(callerFor(t.db, actor).region.villages()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(t.db, actor).region.createVillage(newVillage(c.town.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("an admin reads the audit trail of every village below, and a village only its own", async () => {
    const c = await county();
    const countyAdmin = await makeActor(t.db, "COUNTY_ADMIN", c.county.id);
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", c.town2.id);
    const committee1 = await makeActor(t.db, "COMMITTEE", c.v1.id);
    const committee2 = await makeActor(t.db, "COMMITTEE", c.v2.id);
    await callerFor(t.db, committee1).household.create({ number: "a1", headName: "一村户" });
    await callerFor(t.db, committee2).household.create({ number: "b1", headName: "二村户" });

    const regionsOf = async (actor: typeof countyAdmin) =>
      new Set((await callerFor(t.db, actor).audit.list({ take: 100 })).items.map((i) => i.regionId));
    expect(await regionsOf(countyAdmin)).toEqual(new Set([c.v1.id, c.v2.id]));
    expect(await regionsOf(townAdmin)).toEqual(new Set([c.v2.id]));
    expect(await regionsOf(committee1)).toEqual(new Set([c.v1.id]));
  });

  it("the audit trail pages with a cursor, newest first, without repeating", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    for (let i = 0; i < 5; i++) await api.household.create({ number: `p${i}`, headName: `户主${i}` });
    const first = await api.audit.list({ take: 2 });
    const second = await api.audit.list({ take: 2, cursor: first.nextCursor });
    const third = await api.audit.list({ take: 2, cursor: second.nextCursor });
    const labels = [...first.items, ...second.items, ...third.items].map((i) => i.entityLabel);
    expect(labels).toEqual(["p4 户主4", "p3 户主3", "p2 户主2", "p1 户主1", "p0 户主0"]);
    expect(third.nextCursor).toBeNull();
  });
});
