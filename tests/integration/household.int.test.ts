import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { loadActor } from "@/server/auth/actor.repo";
import { verifyPassword } from "@/server/auth/password";
import { callerFor, makeActor, makeHousehold, makeVillage, uniq, uniquePhone } from "../factories";

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

describe("household register: editing, status, members and accounts", () => {
  async function setup() {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const { id } = await api.household.create({ number: uniq().slice(-8), headName: "周长青", address: "东街1号" });
    return { v, committee, api, id };
  }

  it("update changes number, head, address and grid, renames the head member, and records before/after", async () => {
    const { v, api, id } = await setup();
    await api.household.update({ id, number: "A-12", headName: "周宝山", address: "西街9号", gridId: v.gridId });
    const h = await api.household.get({ id });
    expect(h).toMatchObject({ number: "A-12", headName: "周宝山", address: "西街9号", grid: { id: v.gridId } });
    expect(h.members).toEqual([expect.objectContaining({ name: "周宝山", relation: "HEAD" })]);
    const audit = await t.db.auditLog.findFirst({ where: { entityId: id, action: "household.update" }, select: { before: true, after: true } });
    expect(audit).toMatchObject({ before: { headName: "周长青", gridId: null }, after: { number: "A-12", headName: "周宝山", gridId: v.gridId } });
    // clearing the grid
    await api.household.update({ id, gridId: null });
    expect((await api.household.get({ id })).grid).toBeNull();
  });

  it("update to a 户号 already used in the village is HOUSEHOLD_NUMBER_TAKEN and changes nothing; a grid of another village is NOT_FOUND", async () => {
    const { api, id } = await setup();
    await api.household.create({ number: "888", headName: "甲" });
    await expect(api.household.update({ id, number: "888", headName: "乙" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "户号 888 在本村已存在，请换一个户号。",
    });
    const other = await makeVillage(t.db);
    await expect(api.household.update({ id, gridId: other.gridId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.household.get({ id })).headName).toBe("周长青");
  });

  it("a deactivated (注销) household cannot be edited or get members until reactivated; setting the same status twice records once", async () => {
    const { api, id } = await setup();
    await api.household.setStatus({ id, status: "INACTIVE" });
    await api.household.setStatus({ id, status: "INACTIVE" });
    expect((await api.household.get({ id })).status).toBe("INACTIVE");
    expect(await t.db.auditLog.count({ where: { entityId: id, action: "household.setStatus" } })).toBe(1);
    await expect(api.household.update({ id, address: "新址" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "该户已注销，请先恢复后再修改。" });
    await expect(api.household.addMember({ householdId: id, name: "新人", relation: "CHILD" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // deactivated households still show in the register, filterable by status
    expect((await api.household.list({ status: "INACTIVE" })).items.map((h) => h.id)).toEqual([id]);
    expect((await api.household.list({ status: "ACTIVE" })).items).toHaveLength(0);
    await api.household.setStatus({ id, status: "ACTIVE" });
    await api.household.update({ id, address: "新址" });
    expect((await api.household.get({ id })).address).toBe("新址");
  });

  it("members are added and removed (with audit); the head cannot be removed; HEAD cannot be added", async () => {
    const { api, id } = await setup();
    const { id: childId } = await api.household.addMember({ householdId: id, name: "周小宇", relation: "CHILD" });
    await api.household.addMember({ householdId: id, name: "吴桂兰", relation: "SPOUSE" });
    let h = await api.household.get({ id });
    expect(h.members.map((m) => [m.name, m.relation])).toEqual([
      ["周长青", "HEAD"],
      ["周小宇", "CHILD"],
      ["吴桂兰", "SPOUSE"],
    ]);
    await api.household.removeMember({ memberId: childId });
    h = await api.household.get({ id });
    expect(h.members.map((m) => m.name)).toEqual(["周长青", "吴桂兰"]);
    expect(await t.db.auditLog.count({ where: { action: { in: ["household.addMember", "household.removeMember"] }, entityId: childId } })).toBe(2);

    const head = h.members.find((m) => m.relation === "HEAD")!;
    await expect(api.household.removeMember({ memberId: head.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "不能移除户主。如需更换户主，请先修改户主信息。",
    });
    await expect(api.household.addMember({ householdId: id, name: "假户主", relation: "HEAD" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.household.get({ id })).members).toHaveLength(2);
  });

  it("the head is listed first even when another member was registered earlier", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const h = await t.db.household.create({
      data: {
        villageId: v.id,
        number: uniq().slice(-8),
        headName: "郑户主",
        members: {
          create: [
            { name: "郑老二", relation: "SIBLING", createdAt: new Date("2020-01-01") },
            { name: "郑户主", relation: "HEAD", createdAt: new Date("2021-01-01") },
            { name: "郑小妹", relation: "CHILD", createdAt: new Date("2022-01-01") },
          ],
        },
      },
      select: { id: true },
    });
    const got = await callerFor(t.db, committee).household.get({ id: h.id });
    expect(got.members.map((m) => m.name)).toEqual(["郑户主", "郑老二", "郑小妹"]);
  });

  it("linking a new phone needs a first password (PASSWORD_REQUIRED) and writes nothing without it", async () => {
    const { api, id } = await setup();
    const head = (await api.household.get({ id })).members[0]!;
    const phone = uniquePhone();
    await expect(api.household.linkMember({ memberId: head.id, phone })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "该手机号还没有账号。请为新账号设置初始密码（至少 8 位）。",
    });
    expect(await t.db.user.count({ where: { phone } })).toBe(0);
    expect((await api.household.get({ id })).members[0]!.account).toBeNull();
  });

  it("linking creates a villager account that then sees household.mine; phones are shown masked; unlinking removes the link", async () => {
    const { v, api, id } = await setup();
    const head = (await api.household.get({ id })).members[0]!;
    const phone = uniquePhone();
    const { userId } = await api.household.linkMember({ memberId: head.id, phone, password: "chuntian2026" });
    expect(userId).toBeTruthy();

    const h = await api.household.get({ id });
    expect(h.members[0]!.account).toEqual({ id: userId, name: "周长青", phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    expect(JSON.stringify(h)).not.toContain(phone);

    const membership = await t.db.membership.findFirst({ where: { userId: userId!, regionId: v.id, role: "VILLAGER" }, select: { id: true } });
    expect(membership).not.toBeNull();
    const villager = await loadActor(t.db, userId!, membership!.id);
    const mine = await callerFor(t.db, villager).household.mine();
    expect(mine).toMatchObject({ id, headName: "周长青", members: [expect.objectContaining({ name: "周长青", isMe: true })] });

    // the new account signs in with the password the committee set
    const user = await t.db.user.findUniqueOrThrow({ where: { id: userId! }, select: { passwordHash: true } });
    expect(await verifyPassword(user.passwordHash, "chuntian2026")).toBe(true);

    await api.household.linkMember({ memberId: head.id, phone: null });
    expect((await api.household.get({ id })).members[0]!.account).toBeNull();
    expect(await callerFor(t.db, villager).household.mine()).toBeNull();
    expect(await t.db.auditLog.count({ where: { entityId: head.id, action: "household.linkMember" } })).toBe(2);
  });

  it("an existing account is linked without a password, but only to one household of a village and one member of it", async () => {
    const { v, api, id } = await setup();
    // an account of another village: it can sign in and answer the request on 我的
    const holder = await makeActor(t.db, "VILLAGER", (await makeVillage(t.db)).id);
    const existing = { id: holder.userId, phone: (await t.db.user.findUniqueOrThrow({ where: { id: holder.userId } })).phone };
    const { id: spouseId } = await api.household.addMember({ householdId: id, name: "吴秀英", relation: "SPOUSE" });
    // linking an existing account asks its holder first (changed on purpose: it used to attach at once)
    await expect(api.household.linkMember({ memberId: spouseId, phone: existing.phone })).resolves.toMatchObject({ pending: true });
    await callerFor(t.db, holder).household.answerLink({ memberId: spouseId, accept: true });
    expect(await t.db.membership.count({ where: { userId: existing.id, regionId: v.id, role: "VILLAGER" } })).toBe(1);

    const head = (await api.household.get({ id })).members.find((m) => m.relation === "HEAD")!;
    await expect(api.household.linkMember({ memberId: head.id, phone: existing.phone })).rejects.toMatchObject({ code: "CONFLICT" });

    const { id: otherId } = await api.household.create({ number: uniq().slice(-8), headName: "别户" });
    const otherHead = (await api.household.get({ id: otherId })).members[0]!;
    const number = (await api.household.get({ id })).number;
    await expect(api.household.linkMember({ memberId: otherHead.id, phone: existing.phone })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `该手机号账号已关联到本村另一户（户号 ${number}），请先在那一户解除关联。`,
    });
    expect((await api.household.get({ id: otherId })).members[0]!.account).toBeNull();
  });

  it("a grid worker lists only their grid's households, cannot widen it with a filter, and gets NOT_FOUND for another grid's household", async () => {
    const v = await makeVillage(t.db);
    const otherGrid = await t.db.grid.create({ data: { villageId: v.id, name: uniq("网格") }, select: { id: true } });
    const mine = await makeHousehold(t.db, v.id, { gridId: v.gridId, headName: "本网格户" });
    const theirs = await makeHousehold(t.db, v.id, { gridId: otherGrid.id, headName: "别网格户" });
    await makeHousehold(t.db, v.id, { gridId: null, headName: "无网格户" });
    const worker = await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
    const api = callerFor(t.db, worker);

    const list = await api.household.list({});
    expect(list.total).toBe(1);
    expect(list.items.map((h) => h.id)).toEqual([mine.id]);
    expect((await api.household.list({ gridId: otherGrid.id })).items.map((h) => h.id)).toEqual([mine.id]);
    expect((await api.household.get({ id: mine.id })).headName).toBe("本网格户");
    await expect(api.household.get({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.household.update({ id: mine.id, address: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // the supervisor reads the whole village but changes nothing
    const supervisor = callerFor(t.db, await makeActor(t.db, "SUPERVISOR", v.id));
    expect((await supervisor.household.list({})).total).toBe(3);
    await expect(supervisor.household.setStatus({ id: mine.id, status: "INACTIVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the list searches by 户号 or head's name, filters by grid, and pages with a cursor", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    await api.household.create({ number: "301", headName: "冯春生", gridId: v.gridId });
    await api.household.create({ number: "302", headName: "冯秋实" });
    await api.household.create({ number: "303", headName: "邓有才" });
    expect((await api.household.list({ query: "冯" })).items.map((h) => h.number)).toEqual(["301", "302"]);
    expect((await api.household.list({ query: "303" })).items.map((h) => h.headName)).toEqual(["邓有才"]);
    expect((await api.household.list({ gridId: v.gridId })).items.map((h) => h.number)).toEqual(["301"]);
    const first = await api.household.list({ take: 2 });
    expect(first).toMatchObject({ total: 3 });
    expect(first.items.map((h) => h.number)).toEqual(["301", "302"]);
    expect(first.items[0]).toMatchObject({ memberCount: 1, status: "ACTIVE", grid: { id: v.gridId } });
    const second = await api.household.list({ take: 2, cursor: 2 });
    expect(second.items.map((h) => h.number)).toEqual(["303"]);
  });
});
