import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage, uniquePhone } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

describe("search boxes treat % and _ as text", () => {
  it("account.list {query: '%'} finds only names containing %, not everyone", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    await api.account.create({ phone: uniquePhone(), name: "王五", password: "secret-123", role: "VILLAGER" });
    const { id } = await api.account.create({ phone: uniquePhone(), name: "百分%号", password: "secret-123", role: "VILLAGER" });
    expect((await api.account.list({ query: "%" })).map((u) => u.id)).toEqual([id]);
    expect(await api.account.list({ query: "_" })).toEqual([]);
    expect(await api.account.list({ query: "\\" })).toEqual([]);
  });

  it("household.list {query: '_'} matches a literal underscore only", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    await makeHousehold(t.db, v.id, { headName: "李四" });
    const odd = await makeHousehold(t.db, v.id, { headName: "李_四" });
    expect((await api.household.list({ query: "_" })).items.map((h) => h.id)).toEqual([odd.id]);
    expect((await api.household.list({ query: "%" })).items).toEqual([]);
  });
});
