/**
 * Village bodies: the committee creates bodies and records members' terms (ending a term keeps the
 * row as history); the law's separation between the 村民委员会 and the 村务监督委员会 is enforced,
 * relatives included; supervisory membership grants no SUPERVISOR role and a mismatch is shown;
 * villagers see current members' names and roles only; the town reads; other villages and bad input
 * are refused with a translated message and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";
import { makeVillagerOf } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

/** A person of the household (optionally with an account). */
async function person(householdId: string, name: string, userId: string | null = null) {
  const m = await t.db.householdMember.create({ data: { householdId, name, relation: "CHILD", userId }, select: { id: true } });
  return m.id;
}

/** A village with a committee account, three households, a 村民委员会 and a 村务监督委员会 body. */
async function village() {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const api = callerFor(t.db, committee);
  const [h1, h2, h3] = [await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id)];
  const cw = await api.body.create({ kind: "COMMITTEE", name: "村民委员会" });
  const sup = await api.body.create({ kind: "SUPERVISORY", name: "村务监督委员会" });
  return { v, committee, api, h1, h2, h3, cw: cw.id, sup: sup.id };
}

async function written(villageId: string) {
  return {
    members: await t.db.bodyMember.findMany({ where: { villageId }, orderBy: { id: "asc" } }),
    bodies: await t.db.body.count({ where: { villageId } }),
    audit: await t.db.auditLog.count({ where: { regionId: villageId } }),
    supervisors: await t.db.membership.count({ where: { regionId: villageId, role: "SUPERVISOR" } }),
  };
}

describe("bodies and terms", () => {
  it("creates a body, adds members with roles and terms, ends a term and keeps it as history (audited)", async () => {
    const { v, api, h1, h2 } = await village();
    const { id: council } = await api.body.create({ kind: "DELIBERATION", name: "村民议事会" });
    const wang = await person(h1.id, "王秀英");
    const li = await person(h2.id, "李建国");
    const a = await api.body.addMember({ bodyId: council, personId: wang, role: "CHAIR", termStart: "2026-01-01", termEnd: "2028-12-31" });
    await api.body.addMember({ bodyId: council, personId: li, role: "MEMBER", termStart: "2026-01-01" });

    let body = (await api.body.list()).bodies.find((b) => b.id === council)!;
    expect(body.current.map((m) => [m.name, m.role])).toEqual([
      ["王秀英", "CHAIR"],
      ["李建国", "MEMBER"],
    ]);
    expect(body.current[0]).toMatchObject({ householdNumber: h1.number, termStart: "2026-01-01", termEnd: "2028-12-31" });
    // a current member cannot be added twice
    await expect(api.body.addMember({ bodyId: council, personId: wang, role: "MEMBER", termStart: "2026-02-01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("已经是该组织的在任成员"),
    });

    const today = new Date().toISOString().slice(0, 10);
    const ended = await api.body.endTerm({ id: a.id });
    body = (await api.body.list()).bodies.find((b) => b.id === council)!;
    expect(body.current.map((m) => m.name)).toEqual(["李建国"]);
    expect(body.past).toEqual([expect.objectContaining({ id: a.id, name: "王秀英", role: "CHAIR", ended: true })]);
    expect((await t.db.bodyMember.findUniqueOrThrow({ where: { id: a.id } })).endedAt).not.toBeNull();
    expect(body.past[0]!.termEnd).toBe(ended.termEnd);
    // ending it again is refused; the row is still there
    await expect(api.body.endTerm({ id: a.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("任期已经结束") });

    // a new term for the same person: two rows, one past, one current
    await api.body.addMember({ bodyId: council, personId: wang, role: "MEMBER", termStart: today });
    body = (await api.body.list()).bodies.find((b) => b.id === council)!;
    expect(body.current.map((m) => [m.name, m.role])).toEqual(expect.arrayContaining([["王秀英", "MEMBER"]]));
    expect(body.past.map((m) => [m.name, m.role])).toEqual([["王秀英", "CHAIR"]]);
    expect(await t.db.bodyMember.count({ where: { bodyId: council } })).toBe(3);

    const actions = await t.db.auditLog.findMany({ where: { regionId: v.id, action: { startsWith: "body." } }, select: { action: true } });
    expect(actions.map((x) => x.action).sort()).toEqual(
      ["body.create", "body.create", "body.create", "body.addMember", "body.addMember", "body.addMember", "body.endTerm"].sort(),
    );
  });
});

describe("the separation of the 村民委员会 and the 村务监督委员会", () => {
  it("refuses a member of the committee body on the supervisory body, and writes nothing", async () => {
    const { v, api, h1, cw, sup } = await village();
    const zhang = await person(h1.id, "张伟");
    await api.body.addMember({ bodyId: cw, personId: zhang, role: "CHAIR", termStart: "2025-01-01" });
    const before = await written(v.id);
    await expect(api.body.addMember({ bodyId: sup, personId: zhang, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("村民委员会成员不能担任村务监督委员会成员"),
    });
    await expect(
      callerFor(t.db, await committeeActor(v.id), { locale: "en" }).body.addMember({
        bodyId: sup,
        personId: zhang,
        role: "MEMBER",
        termStart: "2026-01-01",
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("cannot serve on the village affairs supervisory committee") });
    expect(await written(v.id)).toEqual(before);
  });

  it("refuses a close relative in the same household, and any member once the committee member's term ended is allowed", async () => {
    const { v, api, h1, h2, cw, sup } = await village();
    const zhang = await person(h1.id, "张伟");
    const wife = await person(h1.id, "张伟之妻");
    const t1 = await api.body.addMember({ bodyId: cw, personId: zhang, role: "COMMISSIONER", termStart: "2025-01-01" });
    const before = await written(v.id);
    await expect(api.body.addMember({ bodyId: sup, personId: wife, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("近亲属"),
    });
    expect(await written(v.id)).toEqual(before);
    // someone of another household is fine
    await api.body.addMember({ bodyId: sup, personId: await person(h2.id, "赵敏"), role: "MEMBER", termStart: "2026-01-01" });
    // once the committee member's term has ended, the relative may serve
    await api.body.endTerm({ id: t1.id });
    await expect(api.body.addMember({ bodyId: sup, personId: wife, role: "MEMBER", termStart: "2026-01-01" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("counts the COMMITTEE role and declared relations (RelatedHousehold), not a disputed one", async () => {
    const { v, api, h1, h2, h3, sup } = await village();
    // a committee account who is a member of household 1, with no body row
    const officer = await makeActor(t.db, "COMMITTEE", v.id);
    const officerMember = await person(h1.id, "村委李", officer.userId);
    const before = await written(v.id);
    await expect(api.body.addMember({ bodyId: sup, personId: officerMember, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("村民委员会成员不能担任"),
    });
    await expect(api.body.addMember({ bodyId: sup, personId: await person(h1.id, "村委李之子"), role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("近亲属"),
    });
    // the officer declared household 2 as relatives (e.g. his parents' household)
    await t.db.relatedHousehold.create({ data: { villageId: v.id, userId: officer.userId, householdId: h2.id, relation: "父母" } });
    const parent = await person(h2.id, "李父");
    const mid = await written(v.id);
    await expect(api.body.addMember({ bodyId: sup, personId: parent, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("已登记的亲属关系"),
    });
    expect((await written(v.id)).members).toEqual(mid.members);
    expect(before.members).toEqual([]);
    // a relation the officer disputed does not count
    await t.db.relatedHousehold.create({ data: { villageId: v.id, userId: officer.userId, householdId: h3.id, relation: "远亲", status: "DISPUTED" } });
    await expect(api.body.addMember({ bodyId: sup, personId: await person(h3.id, "远亲"), role: "MEMBER", termStart: "2026-01-01" })).resolves.toBeTruthy();
  });

  it("refuses a supervisory member (or their household) on the committee body", async () => {
    const { v, api, h1, cw, sup } = await village();
    const zhao = await person(h1.id, "赵敏");
    await api.body.addMember({ bodyId: sup, personId: zhao, role: "CHAIR", termStart: "2025-01-01" });
    const before = await written(v.id);
    await expect(api.body.addMember({ bodyId: cw, personId: zhao, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("村务监督委员会的在任成员或镇里任命的监督员"),
    });
    await expect(api.body.addMember({ bodyId: cw, personId: await person(h1.id, "赵敏之夫"), role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("近亲属"),
    });
    expect((await written(v.id)).members).toEqual([...before.members]);
  });
});

describe("the separation, continued", () => {
  it("counts the town's SUPERVISOR appointment on the supervisory side: neither they nor their household join the committee body", async () => {
    const { v, api, h1, h2, cw } = await village();
    const appointed = await makeActor(t.db, "SUPERVISOR", v.id);
    const self = await person(h1.id, "钱监督", appointed.userId);
    const before = await written(v.id);
    await expect(api.body.addMember({ bodyId: cw, personId: self, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("镇里任命的监督员"),
    });
    await expect(api.body.addMember({ bodyId: cw, personId: await person(h1.id, "钱监督之女"), role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("近亲属"),
    });
    expect((await written(v.id)).members).toEqual(before.members);
    await expect(api.body.addMember({ bodyId: cw, personId: await person(h2.id, "孙委员"), role: "MEMBER", termStart: "2026-01-01" })).resolves.toBeTruthy();
  });

  it("two additions at once — a man to the committee, his wife to the supervisors — never both succeed", async () => {
    const { v, h1, cw, sup } = await village();
    const [c1, c2] = [callerFor(t.db, await committeeActor(v.id)), callerFor(t.db, await committeeActor(v.id))];
    const husband = await person(h1.id, "丈夫");
    const wife = await person(h1.id, "妻子");
    const results = await Promise.allSettled([
      c1.body.addMember({ bodyId: cw, personId: husband, role: "MEMBER", termStart: "2026-01-01" }),
      c2.body.addMember({ bodyId: sup, personId: wife, role: "MEMBER", termStart: "2026-01-01" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.bodyMember.count({ where: { villageId: v.id } })).toBe(1);
  });
});

async function committeeActor(villageId: string) {
  return makeActor(t.db, "COMMITTEE", villageId);
}

describe("supervisory membership and the SUPERVISOR role", () => {
  it("grants no role; the body's members and the town's supervisors are shown side by side with the mismatch", async () => {
    const { v, api, h1, h2, sup } = await village();
    const zhaoUser = await makeActor(t.db, "VILLAGER", v.id);
    const zhao = await person(h1.id, "赵敏", zhaoUser.userId);
    await api.body.addMember({ bodyId: sup, personId: zhao, role: "CHAIR", termStart: "2026-01-01" });
    expect(await t.db.membership.count({ where: { regionId: v.id, role: "SUPERVISOR" } })).toBe(0);
    const appointed = await makeActor(t.db, "SUPERVISOR", v.id);
    await person(h2.id, "钱监督", appointed.userId);

    let s = (await api.body.list()).bodies.find((b) => b.id === sup)!.supervisory!;
    expect(s.notAppointed.map((m) => m.name)).toEqual(["赵敏"]);
    expect(s.notInBody.map((x) => x.userId)).toEqual([appointed.userId]);

    // the town appoints the body's member: that half of the mismatch clears
    const town = await makeActor(t.db, "TOWN_ADMIN", v.townId);
    await callerFor(t.db, town).supervisor.set({ villageId: v.id, userId: zhaoUser.userId, enabled: true });
    s = (await api.body.list()).bodies.find((b) => b.id === sup)!.supervisory!;
    expect(s.notAppointed).toEqual([]);
    expect(s.supervisors.map((x) => x.userId).sort()).toEqual([zhaoUser.userId, appointed.userId].sort());
  });
});

describe("who sees what", () => {
  it("villagers see current members' names and roles only; the town reads bodies of its villages; others get NOT_FOUND", async () => {
    const { v, api, h1, h2, cw } = await village();
    const wang = await person(h1.id, "王秀英");
    await api.body.addMember({ bodyId: cw, personId: wang, role: "CHAIR", termStart: "2025-01-01" });
    const old = await api.body.addMember({ bodyId: cw, personId: await person(h2.id, "老委员"), role: "MEMBER", termStart: "2020-01-01" });
    await api.body.endTerm({ id: old.id, day: "2024-12-31" });

    const villager = await makeVillagerOf(t.db, v.id, h2.id);
    const board = await callerFor(t.db, villager).body.board();
    const committeeBody = board.bodies.find((b) => b.id === cw)!;
    expect(committeeBody.members).toEqual([{ id: expect.any(String), name: "王秀英", role: "CHAIR", termEnd: null }]);
    expect(JSON.stringify(board)).not.toMatch(/phone|1[3-9]\d{9}|userId/);

    const town = await makeActor(t.db, "TOWN_ADMIN", v.townId);
    const read = await callerFor(t.db, town).body.village({ villageId: v.id });
    expect(read.bodies.find((b) => b.id === cw)!.past.map((m) => m.name)).toEqual(["老委员"]);
    await expect(callerFor(t.db, town).body.create({ kind: "OTHER", name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const other = await makeVillage(t.db);
    const otherTown = await makeActor(t.db, "TOWN_ADMIN", other.townId);
    await expect(callerFor(t.db, otherTown).body.village({ villageId: v.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const outsider = await makeActor(t.db, "VILLAGER", other.id);
    expect((await callerFor(t.db, outsider).body.board()).bodies).toEqual([]);
  });

  it("another village's committee cannot add to, end, or draw people from this village, and nothing is written", async () => {
    const a = await village();
    const b = await village();
    const wang = await person(a.h1.id, "王秀英");
    const term = await a.api.body.addMember({ bodyId: a.cw, personId: wang, role: "CHAIR", termStart: "2025-01-01" });
    const [beforeA, beforeB] = [await written(a.v.id), await written(b.v.id)];
    await expect(b.api.body.addMember({ bodyId: a.cw, personId: await person(b.h1.id, "乙村人"), role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(b.api.body.addMember({ bodyId: b.cw, personId: wang, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不是本村户籍成员"),
    });
    await expect(b.api.body.endTerm({ id: term.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await written(a.v.id)).toEqual(beforeA);
    expect((await written(b.v.id)).members).toEqual(beforeB.members);
  });
});

describe("bad input", () => {
  it("is refused with a translated message and nothing is written", async () => {
    const { v, api, h1, cw } = await village();
    const wang = await person(h1.id, "王秀英");
    const before = await written(v.id);
    await expect(api.body.addMember({ bodyId: cw, personId: wang, role: "CHAIR", termStart: "2026-06-01", termEnd: "2026-05-31" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不能早于开始日期"),
    });
    await expect(
      callerFor(t.db, await committeeActor(v.id), { locale: "en" }).body.addMember({ bodyId: cw, personId: wang, role: "CHAIR", termStart: "2026-06-01", termEnd: "2026-05-31" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("must not be before the start") });
    await expect(api.body.addMember({ bodyId: cw, personId: wang, role: "CHAIR", termStart: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.body.addMember({ bodyId: cw, personId: wang, role: "BOSS" as "CHAIR", termStart: "2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.body.create({ kind: "GANG" as "OTHER", name: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.body.create({ kind: "OTHER", name: "长".repeat(41) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // not a member of any household: an account id, or an unknown id
    await expect(api.body.addMember({ bodyId: cw, personId: (await committeeActor(v.id)).userId, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("不是本村户籍成员"),
    });
    // a person who left the household
    const left = await person(h1.id, "已迁出");
    await t.db.householdMember.update({ where: { id: left }, data: { status: "LEFT", leftAt: new Date() } });
    await expect(api.body.addMember({ bodyId: cw, personId: left, role: "MEMBER", termStart: "2026-01-01" })).rejects.toMatchObject({
      message: expect.stringContaining("已经迁出"),
    });
    const afterRefusals = await written(v.id);
    expect(afterRefusals.members).toEqual(before.members);
    expect(afterRefusals.bodies).toBe(before.bodies);

    // ending a term on a day before it started
    const term = await api.body.addMember({ bodyId: cw, personId: wang, role: "CHAIR", termStart: "2026-01-01" });
    const mid = await written(v.id);
    await expect(api.body.endTerm({ id: term.id, day: "2025-12-31" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不能早于开始日期"),
    });
    expect(await written(v.id)).toEqual(mid);
  });
});
