import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

describe("household register", () => {
  it("committee creates a household with its head as first member, and the audit trail records it", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const { id } = await api.household.create({ number: "101", headName: "王大山", address: "东街1号", gridId: v.gridId });
    const h = await api.household.get({ id });
    expect(h.headName).toBe("王大山");
    expect(h.members).toEqual([expect.objectContaining({ name: "王大山", relation: "HEAD" })]);
    const audit = await api.audit.list({ take: 10 });
    expect(audit.items[0]).toMatchObject({ action: "household.create", entityId: id, actorName: committee.name, actorRole: "COMMITTEE" });
  });

  it("a duplicate 户号 in the same village is refused in Chinese and English and writes nothing", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    await callerFor(t.db, committee).household.create({ number: "7", headName: "甲" });
    await expect(callerFor(t.db, committee).household.create({ number: "7", headName: "乙" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "户号 7 在本村已存在，请换一个户号。",
    });
    await expect(callerFor(t.db, committee, { locale: "en" }).household.create({ number: "7", headName: "乙" })).rejects.toMatchObject({
      message: expect.stringContaining("Household number 7 already exists"),
    });
    expect(await t.db.household.count({ where: { villageId: v.id } })).toBe(1);
  });

  it("a household of another village is NOT_FOUND for every committee operation", async () => {
    const a = await makeVillage(t.db);
    const b = await makeVillage(t.db);
    const committeeA = await makeActor(t.db, "COMMITTEE", a.id);
    const hb = await makeHousehold(t.db, b.id);
    const api = callerFor(t.db, committeeA);
    await expect(api.household.get({ id: hb.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.household.update({ id: hb.id, headName: "改名" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.household.setStatus({ id: hb.id, status: "INACTIVE" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.household.addMember({ householdId: hb.id, name: "某", relation: "CHILD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unchanged = await t.db.household.findUniqueOrThrow({ where: { id: hb.id }, select: { headName: true, status: true } });
    expect(unchanged).toEqual({ headName: "测试户主", status: "ACTIVE" });
  });

  it("over-long text and missing fields get a translated message naming the field", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    await expect(callerFor(t.db, committee).household.create({ number: "1", headName: "很".repeat(21) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "填写的内容有误：「户主姓名」太长了（最多 20 个字）",
    });
    await expect(
      callerFor(t.db, committee, { locale: "en" }).household.create({ number: "", headName: "x" }),
    ).rejects.toMatchObject({ message: expect.stringContaining('"Household no." is required') });
  });
});
