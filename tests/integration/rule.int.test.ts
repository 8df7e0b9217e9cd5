/**
 * The village rule book: drafts copied from the version in force, edits only on drafts, adoption that
 * retires the previous version in one transaction (and the database's one-ADOPTED-per-village index),
 * translated refusals that write nothing, village scope, and the demo rule books.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/actor.repo";
import { ruleInForce } from "@/server/modules/rules/rule.read";
import { RULE_CATEGORIES, groupRules, type SaveRuleInput } from "@/server/modules/rules/rule.schema";
import { seedDemoRules } from "@/prisma/seed";
import { COUNTY } from "@/prisma/demo-data";
import { DEMO_RULES } from "@/prisma/demo-rules";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeVillage, uniq } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

type NewRule = Omit<SaveRuleInput, "ruleBookId" | "description" | "evidenceRequired"> & { description?: string; evidenceRequired?: boolean };
const ITEMS: NewRule[] = [
  { code: "E01", category: "PUBLIC_GOOD", title: "参加志愿服务活动", points: 5, capPeriod: "MONTH", capCount: 4 },
  { code: "D01", category: "CUSTOMS", title: "红白喜事简办", points: 20, evidenceRequired: true },
  { code: "D05", category: "CUSTOMS", title: "高价彩礼", points: -30 },
  { code: "F04", category: "ENVIRONMENT", title: "乱堆乱放", points: -5, description: "经提醒不改" },
];

/** A village whose committee has put version 1 (ITEMS) forward and a supervisor countersigned it, through the procedures. */
async function villageWithAdopted() {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const supervisor = await makeActor(t.db, "SUPERVISOR", v.id);
  const api = callerFor(t.db, committee);
  const sApi = callerFor(t.db, supervisor);
  const draft = await api.rule.createDraft({ title: "《测试村积分管理细则》（2026年版）", fromAdopted: false });
  const ids: Record<string, string> = {};
  for (const item of ITEMS) ids[item.code] = (await api.rule.saveRule({ ruleBookId: draft.id, ...item })).id;
  await api.rule.adopt({ id: draft.id, adoptedBy: "2026年1月10日村民代表会议表决通过" });
  await sApi.rule.countersign({ id: draft.id });
  return { v, committee, supervisor, api, sApi, v1: draft.id, ids };
}

/** Every row a refused call could have touched, to prove it wrote nothing. */
async function snapshot(villageId: string, actor: Actor) {
  return {
    books: await t.db.ruleBook.findMany({ where: { villageId }, orderBy: { version: "asc" } }),
    rules: await t.db.rule.findMany({ where: { villageId }, orderBy: { id: "asc" } }),
    audit: await t.db.auditLog.count({ where: { actorUserId: actor.userId } }),
  };
}

describe("rule books: drafts and adoption", () => {
  it("a draft made from the version in force copies every item; the version in force is untouched", async () => {
    const { api, v1 } = await villageWithAdopted();
    const before = await api.rule.book({ id: v1 });
    const draft = await api.rule.createDraft({ title: "《测试村积分管理细则》（2027年版）", fromAdopted: true });
    expect(draft).toMatchObject({ version: 2, copied: ITEMS.length });

    const copy = await api.rule.book({ id: draft.id });
    expect(copy).toMatchObject({ status: "DRAFT", version: 2, basedOnVersion: 1, editable: true, counts: { add: 2, deduct: 2 } });
    const strip = (rs: typeof copy.rules) => rs.map(({ id: _id, ...r }) => r);
    expect(strip(copy.rules)).toEqual(strip(before.rules));
    expect(copy.rules.map((r) => r.id)).not.toEqual(expect.arrayContaining(before.rules.map((r) => r.id)));
    expect(copy.rules.find((r) => r.code === "E01")).toMatchObject({ capPeriod: "MONTH", capCount: 4, points: 5 });
    // grouped in category order: 移风易俗 before 公益志愿 before 环境卫生
    expect(groupRules(copy.rules).map((g) => g.category)).toEqual(["CUSTOMS", "PUBLIC_GOOD", "ENVIRONMENT"]);

    expect(await api.rule.book({ id: v1 })).toEqual(before);
    const books = await api.rule.books();
    expect(books.map((b) => [b.version, b.status, b.ruleCount])).toEqual([
      [2, "DRAFT", 4],
      [1, "ADOPTED", 4],
    ]);
    const audit = await api.audit.list({ take: 5 });
    expect(audit.items[0]).toMatchObject({ action: "rule.createDraft", entity: "RuleBook", entityId: draft.id });
  });

  it("only one draft at a time: a second one is refused with a clear message, also when asked at once", async () => {
    const { api, v } = await villageWithAdopted();
    await api.rule.createDraft({ title: "第二版草稿", fromAdopted: true });
    await expect(api.rule.createDraft({ title: "第三版草稿", fromAdopted: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "已有一份草稿（第 2 版）正在修改，请先完成或使用那份草稿。",
    });

    const other = await villageWithAdopted();
    const outcomes = await Promise.allSettled([
      other.api.rule.createDraft({ title: "草稿甲", fromAdopted: true }),
      other.api.rule.createDraft({ title: "草稿乙", fromAdopted: true }),
      other.api.rule.createDraft({ title: "草稿丙", fromAdopted: false }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.ruleBook.count({ where: { villageId: other.v.id, status: "DRAFT" } })).toBe(1);
    expect(await t.db.ruleBook.count({ where: { villageId: v.id, status: "DRAFT" } })).toBe(1);
  });

  it("edit a draft, adopt it: the previous version is retired, exactly one is in force, awards' lookup follows", async () => {
    const { api, v, v1, ids, committee, supervisor } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "《测试村积分管理细则》（2027年版）", fromAdopted: true });
    const copy = await api.rule.book({ id: draft.id });
    const e01 = copy.rules.find((r) => r.code === "E01")!;
    await api.rule.saveRule({ ruleBookId: draft.id, id: e01.id, code: "E01", category: "PUBLIC_GOOD", title: "参加志愿服务活动（含线上）", points: 3, capPeriod: "MONTH", capCount: 6 });
    const added = await api.rule.saveRule({ ruleBookId: draft.id, code: "g01", category: "SAFETY", title: "参与矛盾调解", points: 5, capPeriod: "YEAR", capCount: 12 });
    const d05 = copy.rules.find((r) => r.code === "D05")!;
    await api.rule.removeRule({ id: d05.id });

    const at = new Date("2026-11-20T02:00:00Z");
    const proposed = await callerFor(t.db, committee, { now: () => new Date(at.getTime() - 3600_000) }).rule.adopt({
      id: draft.id,
      adoptedBy: "2026年11月20日村民代表会议表决通过（到会40人，同意38人）",
    });
    expect(proposed).toMatchObject({ id: draft.id, version: 2, status: "AWAITING_COUNTERSIGN" });
    const adopted = await callerFor(t.db, supervisor, { now: () => at }).rule.countersign({ id: draft.id });
    expect(adopted).toMatchObject({ id: draft.id, version: 2, retiredId: v1 });

    const books = await t.db.ruleBook.findMany({ where: { villageId: v.id }, select: { version: true, status: true, adoptedAt: true, retiredAt: true, adoptedById: true, adoptedBy: true }, orderBy: { version: "asc" } });
    expect(books).toEqual([
      expect.objectContaining({ version: 1, status: "RETIRED", retiredAt: at }),
      expect.objectContaining({ version: 2, status: "ADOPTED", adoptedAt: at, retiredAt: null, adoptedById: committee.userId, adoptedBy: "2026年11月20日村民代表会议表决通过（到会40人，同意38人）" }),
    ]);
    expect(await t.db.ruleBook.count({ where: { villageId: v.id, status: "ADOPTED" } })).toBe(1);

    const inForce = await api.rule.adopted();
    expect(inForce.book).toMatchObject({ id: draft.id, version: 2, adoptedAt: at });
    const flat = inForce.groups.flatMap((g) => g.rules);
    expect(flat.map((r) => r.code).sort()).toEqual(["D01", "E01", "F04", "G01"]); // "g01" stored upper-case
    expect(flat.find((r) => r.code === "E01")).toMatchObject({ title: "参加志愿服务活动（含线上）", points: 3, capCount: 6 });

    // what awards cite: the retired rule is no longer in force, the new one is
    expect(await ruleInForce(t.db, v.id, ids.E01!)).toBeNull();
    expect(await ruleInForce(t.db, v.id, added.id)).toMatchObject({ code: "G01", ruleBookVersion: 2, points: 5, capPeriod: "YEAR", capCount: 12 });

    const audit = await api.audit.list({ take: 10 });
    expect(audit.items.slice(0, 2).map((a) => a.action)).toEqual(["rule.adopt", "rule.retire"]);
  });

  it("the database itself refuses a second ADOPTED book in a village", async () => {
    const { v, committee } = await villageWithAdopted();
    await expect(
      t.db.ruleBook.create({ data: { villageId: v.id, version: 9, title: "绕过程序", status: "ADOPTED", createdById: committee.userId }, select: { id: true } }),
    ).rejects.toThrow();
    expect(await t.db.ruleBook.count({ where: { villageId: v.id, status: "ADOPTED" } })).toBe(1);
  });

  it("two adoptions of the same draft at once: one adopts, the other is refused", async () => {
    const { api, v, sApi } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "并发草稿", fromAdopted: true });
    const proposals = await Promise.allSettled([
      api.rule.adopt({ id: draft.id, adoptedBy: "会议甲" }),
      api.rule.adopt({ id: draft.id, adoptedBy: "会议乙" }),
    ]);
    expect(proposals.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((proposals.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ cause: { code: "RULE_BOOK_NOT_DRAFT" } });
    const outcomes = await Promise.allSettled([sApi.rule.countersign({ id: draft.id }), sApi.rule.countersign({ id: draft.id })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ cause: { code: "RULE_BOOK_NOT_PROPOSED" } });
    expect(await t.db.ruleBook.count({ where: { villageId: v.id, status: "ADOPTED" } })).toBe(1);
    expect(await t.db.ruleBook.count({ where: { villageId: v.id, status: "RETIRED" } })).toBe(1);
  });

  it("an empty draft cannot be adopted; a copy needs a version in force", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    await expect(api.rule.createDraft({ title: "基于现行版本", fromAdopted: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "本村还没有现行的积分细则，请新建空白草稿。",
    });
    const draft = await api.rule.createDraft({ title: "空白草稿", fromAdopted: false });
    await expect(api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "草稿里还没有任何条目，不能表决通过。",
    });
    await expect(callerFor(t.db, committee, { locale: "en" }).rule.adopt({ id: draft.id, adoptedBy: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('"Adopting meeting" is too short'),
    });
    expect(await t.db.ruleBook.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
  });
});

describe("rule books: a second person countersigns", () => {
  it("a book put forward is not in force and cannot change until a supervisor countersigns it", async () => {
    const { api, sApi, v, v1, supervisor } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    await api.rule.adopt({ id: draft.id, adoptedBy: "2026年11月20日村民代表会议表决通过" });
    // the committee alone has not changed what is in force
    expect((await api.rule.adopted()).book).toMatchObject({ id: v1, version: 1 });
    expect(await t.db.ruleBook.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
    const seen = await api.rule.book({ id: draft.id });
    expect(seen).toMatchObject({ editable: false, awaitingCountersign: true, countersignable: false });
    expect(await sApi.rule.book({ id: draft.id })).toMatchObject({ countersignable: true });
    await expect(api.rule.saveRule({ ruleBookId: draft.id, code: "Z99", category: "OTHER", title: "偷偷加一条", points: 50 })).rejects.toMatchObject({ cause: { code: "RULE_BOOK_NOT_DRAFT" } });
    // the committee cannot countersign its own book (not a supervisor's permission)
    await expect(api.rule.countersign({ id: draft.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // the supervisor sees it waiting, and countersigns
    expect((await sApi.rule.awaiting()).map((b) => [b.id, b.countersignable])).toEqual([[draft.id, true]]);
    await sApi.rule.countersign({ id: draft.id });
    expect((await api.rule.adopted()).book).toMatchObject({ id: draft.id, version: 2 });
    const book = await t.db.ruleBook.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, countersignedById: true, proposedById: true } });
    expect(book).toMatchObject({ status: "ADOPTED", countersignedById: supervisor.userId });
    expect((await api.rule.book({ id: draft.id })).countersignedByName).toBe(supervisor.name);
    expect(await sApi.rule.awaiting()).toEqual([]);
    expect(await t.db.auditLog.count({ where: { regionId: v.id, action: "rule.propose" } })).toBe(2);
  });

  it("nobody countersigns their own proposal, even after becoming a supervisor; a draft not put forward cannot be countersigned", async () => {
    const { api, v, committee } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    const other = await makeActor(t.db, "SUPERVISOR", v.id);
    await expect(callerFor(t.db, other).rule.countersign({ id: draft.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "这本细则还没有提请通过，或已处理。",
    });
    await api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议表决通过" });
    // the proposer leaves the committee and the town appoints them supervisor
    await t.db.membership.updateMany({ where: { userId: committee.userId, regionId: v.id, role: "COMMITTEE" }, data: { active: false } });
    const m = await t.db.membership.create({ data: { userId: committee.userId, regionId: v.id, role: "SUPERVISOR" }, select: { id: true } });
    const turned = (await loadActor(t.db, committee.userId, m.id))!;
    for (const call of [() => callerFor(t.db, turned).rule.countersign({ id: draft.id }), () => callerFor(t.db, turned).rule.refuse({ id: draft.id, reason: "自己拒绝自己" })]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN", message: "不能会签自己提请的细则，须由另一位监督委员会成员会签。" });
    }
    expect(await t.db.ruleBook.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
    // the database keeps the rule too
    await expect(t.db.ruleBook.update({ where: { id: draft.id }, data: { countersignedById: committee.userId }, select: { id: true } })).rejects.toThrow();
    // another supervisor may
    await callerFor(t.db, other).rule.countersign({ id: draft.id });
    expect(await t.db.ruleBook.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "ADOPTED" });
  });

  it("a supervisor refuses with a reason: the draft goes back to the committee, which sees why", async () => {
    const { api, sApi, v1, supervisor } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    await api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议表决通过" });
    await expect(sApi.rule.refuse({ id: draft.id, reason: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await sApi.rule.refuse({ id: draft.id, reason: "会议记录没有到会人数，请补充" });
    const seen = await api.rule.book({ id: draft.id });
    expect(seen).toMatchObject({ status: "DRAFT", editable: true, awaitingCountersign: false, refusalReason: "会议记录没有到会人数，请补充", refusedByName: supervisor.name });
    expect((await api.rule.adopted()).book).toMatchObject({ id: v1 });
    await expect(sApi.rule.countersign({ id: draft.id })).rejects.toMatchObject({ cause: { code: "RULE_BOOK_NOT_PROPOSED" } });
    // fixed and put forward again, then countersigned
    await api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议表决通过（到会40人，同意38人）" });
    await sApi.rule.countersign({ id: draft.id });
    expect((await api.rule.adopted()).book).toMatchObject({ id: draft.id, adoptedBy: "村民代表会议表决通过（到会40人，同意38人）" });
  });

  it("an item above the village's largest allowed points is refused when saved, put forward or countersigned", async () => {
    const { api, sApi, v, committee } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    const before = await snapshot(v.id, committee);
    // the village's setting is 100 (the default): +1000 or -150 are refused although zod allows them
    for (const points of [1000, -150]) {
      await expect(api.rule.saveRule({ ruleBookId: draft.id, code: "Z01", category: "OTHER", title: "大额奖励", points })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "单项分值不能超过 100 分（本村设置）。",
      });
    }
    expect(await snapshot(v.id, committee)).toEqual(before);
    await api.rule.saveRule({ ruleBookId: draft.id, code: "Z01", category: "OTHER", title: "较大奖励", points: 100 });

    // lowered to 50: the draft with a 100-point item cannot be put forward
    await api.village.updateSettings({ noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 50, reason: "限制单项分值" });
    await expect(api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议" })).rejects.toMatchObject({ message: "单项分值不能超过 50 分（本村设置）。" });
    // put forward at 100, lowered before the countersign: the countersign is refused
    await api.village.updateSettings({ noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 100, reason: "恢复" });
    await api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议" });
    await api.village.updateSettings({ noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 50, reason: "再次限制" });
    await expect(sApi.rule.countersign({ id: draft.id })).rejects.toMatchObject({ cause: { code: "RULE_POINTS_TOO_HIGH" } });
    expect(await t.db.ruleBook.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
  });
});

describe("rule books: adopted versions never change", () => {
  it("saveRule and removeRule on an ADOPTED or RETIRED book are refused and write nothing", async () => {
    const { api, sApi, v, v1, ids, committee } = await villageWithAdopted();
    const tryAll = async (bookId: string, ruleId: string) => {
      const attempts: [string, () => Promise<unknown>][] = [
        ["add", () => api.rule.saveRule({ ruleBookId: bookId, code: "Z99", category: "OTHER", title: "新条目", points: 1 })],
        ["edit", () => api.rule.saveRule({ ruleBookId: bookId, id: ruleId, code: "E01", category: "PUBLIC_GOOD", title: "改标题", points: 50 })],
        ["remove", () => api.rule.removeRule({ id: ruleId })],
        ["adopt again", () => api.rule.adopt({ id: bookId, adoptedBy: "再次表决" })],
      ];
      for (const [name, call] of attempts) {
        await expect(call(), name).rejects.toMatchObject({
          code: "BAD_REQUEST",
          message: "这一版积分细则已经表决生效或已废止，不能再修改。如需调整，请新建草稿。",
        });
      }
    };

    const before = await snapshot(v.id, committee);
    await tryAll(v1, ids.E01!);
    expect(await snapshot(v.id, committee)).toEqual(before);

    // retire v1 by adopting v2, then try again on the retired one
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    await api.rule.adopt({ id: draft.id, adoptedBy: "村民代表会议表决通过" });
    await sApi.rule.countersign({ id: draft.id });
    const retired = await snapshot(v.id, committee);
    await tryAll(v1, ids.E01!);
    expect(await snapshot(v.id, committee)).toEqual(retired);
    await expect(callerFor(t.db, committee, { locale: "en" }).rule.removeRule({ id: ids.E01! })).rejects.toMatchObject({
      message: expect.stringContaining("can no longer be changed"),
    });
  });

  it("a duplicate code in the same book is refused (also by case), and nothing is written", async () => {
    const { api, v, committee } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    const before = await snapshot(v.id, committee);
    await expect(api.rule.saveRule({ ruleBookId: draft.id, code: "e01", category: "OTHER", title: "重复编号", points: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "编号 E01 在这一版细则中已被使用，请换一个编号。",
    });
    const d01 = (await api.rule.book({ id: draft.id })).rules.find((r) => r.code === "D01")!;
    await expect(
      callerFor(t.db, committee, { locale: "en" }).rule.saveRule({ ruleBookId: draft.id, id: d01.id, code: "F04", category: "CUSTOMS", title: "改成重复编号", points: 20 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Code F04 is already used in this version. Please choose another code." });
    expect(await snapshot(v.id, committee)).toEqual(before);
    // the same code in another version is fine (the draft copied it from version 1)
    expect((await api.rule.book({ id: draft.id })).rules.map((r) => r.code)).toContain("E01");
  });

  it("bad points and caps get a translated BAD_REQUEST naming the field, and nothing is written", async () => {
    const { api, v, committee } = await villageWithAdopted();
    const draft = await api.rule.createDraft({ title: "第二版", fromAdopted: true });
    const base = { ruleBookId: draft.id, code: "Z01", category: "OTHER" as const, title: "测试条目" };
    const before = await snapshot(v.id, committee);
    const cases: [Record<string, unknown>, string][] = [
      [{ points: 0 }, "填写的内容有误：「分值」不能为 0"],
      [{ points: 1.5 }, "填写的内容有误：「分值」必须是整数"],
      [{ points: 5000 }, "填写的内容有误：「分值」不能大于 1000"],
      [{ points: -5000 }, "填写的内容有误：「分值」不能小于 -1000"],
      [{ points: 5, capCount: 3 }, "填写的内容有误：「限次周期」不能为空"],
      [{ points: 5, capPeriod: "MONTH" }, "填写的内容有误：「次数上限」不能为空"],
      [{ points: 5, capPeriod: "MONTH", capCount: 101 }, "填写的内容有误：「次数上限」不能大于 100"],
      [{ points: 5, capPeriod: "YEAR", capCount: 2.5 }, "填写的内容有误：「次数上限」必须是整数"],
      [{ points: null }, "填写的内容有误：「分值」不能为空"],
      [{ points: 5, capPeriod: "WEEK", capCount: 1 }, "填写的内容有误：「限次周期」请从列表中选择"],
      [{ points: 5, code: "A 01" }, "填写的内容有误：「编号」只能包含数字、字母和短横线"],
    ];
    for (const [extra, message] of cases) {
      await expect(api.rule.saveRule({ ...base, ...extra } as never), JSON.stringify(extra)).rejects.toMatchObject({ code: "BAD_REQUEST", message });
    }
    await expect(callerFor(t.db, committee, { locale: "en" }).rule.saveRule({ ...base, points: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('"Points" cannot be 0'),
    });
    expect(await snapshot(v.id, committee)).toEqual(before);
  });
});

describe("rule books: village scope and who reads what", () => {
  it("another village's book is NOT_FOUND for every procedure, and is not listed", async () => {
    const a = await villageWithAdopted();
    const b = await villageWithAdopted();
    const bDraft = await b.api.rule.createDraft({ title: "乙村草稿", fromAdopted: true });
    const bRule = (await b.api.rule.book({ id: bDraft.id })).rules[0]!;
    const before = await snapshot(b.v.id, b.committee);
    const attempts: [string, () => Promise<unknown>][] = [
      ["book", () => a.api.rule.book({ id: b.v1 })],
      ["book (draft)", () => a.api.rule.book({ id: bDraft.id })],
      ["saveRule (add)", () => a.api.rule.saveRule({ ruleBookId: bDraft.id, code: "X01", category: "OTHER", title: "越权", points: 1 })],
      ["saveRule (edit)", () => a.api.rule.saveRule({ ruleBookId: bDraft.id, id: bRule.id, code: bRule.code, category: bRule.category, title: "越权", points: 1 })],
      ["removeRule", () => a.api.rule.removeRule({ id: bRule.id })],
      ["adopt", () => a.api.rule.adopt({ id: bDraft.id, adoptedBy: "越权表决" })],
    ];
    for (const [name, call] of attempts) await expect(call(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a's own draft cannot take b's rule either
    const aDraft = await a.api.rule.createDraft({ title: "甲村草稿", fromAdopted: true });
    await expect(
      a.api.rule.saveRule({ ruleBookId: aDraft.id, id: bRule.id, code: "X01", category: "OTHER", title: "越权", points: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(b.v.id, b.committee)).toEqual(before);
    const listed = await a.api.rule.books();
    expect(listed.map((x) => x.id)).not.toContain(b.v1);
    expect(listed.map((x) => x.id)).not.toContain(bDraft.id);
    // awards' lookup does not cross villages either
    expect(await ruleInForce(t.db, a.v.id, b.ids.E01!)).toBeNull();
    expect(await ruleInForce(t.db, b.v.id, b.ids.E01!)).toMatchObject({ code: "E01" });
  });

  it("a villager reads the rules in force by category; the supervisor reads every version but cannot edit", async () => {
    const { v, v1, api } = await villageWithAdopted();
    await api.rule.createDraft({ title: "草稿不给村民看", fromAdopted: true });
    const villager = await makeActor(t.db, "VILLAGER", v.id);
    const seen = await callerFor(t.db, villager).rule.adopted();
    expect(seen.book).toMatchObject({ id: v1, version: 1, adoptedBy: "2026年1月10日村民代表会议表决通过" });
    expect(seen.ruleCount).toBe(ITEMS.length);
    expect(seen.groups.map((g) => [g.category, g.rules.map((r) => r.code)])).toEqual([
      ["CUSTOMS", ["D01", "D05"]],
      ["PUBLIC_GOOD", ["E01"]],
      ["ENVIRONMENT", ["F04"]],
    ]);
    await expect(callerFor(t.db, villager).rule.books()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const supervisor = await makeActor(t.db, "SUPERVISOR", v.id);
    const s = callerFor(t.db, supervisor);
    expect((await s.rule.books()).map((b) => b.status)).toEqual(["DRAFT", "ADOPTED"]);
    await expect(s.rule.saveRule({ ruleBookId: v1, code: "Z01", category: "OTHER", title: "监督委员会不能改", points: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const empty = await makeVillage(t.db);
    const lonely = await makeActor(t.db, "VILLAGER", empty.id);
    expect(await callerFor(t.db, lonely).rule.adopted()).toEqual({ book: null, groups: [], ruleCount: 0 });
  });
});

describe("demo rule books", () => {
  it("seedDemoRules gives every demo village an adopted book of 40+ items in all 9 categories, once", async () => {
    const county = await t.db.region.create({ data: { kind: "COUNTY", name: COUNTY }, select: { id: true } });
    const town = await t.db.region.create({ data: { kind: "TOWN", name: uniq("镇"), parentId: county.id }, select: { id: true } });
    const villages = await Promise.all(
      ["桃源村", "杨柳村"].map((name) => t.db.region.create({ data: { kind: "VILLAGE", name, parentId: town.id }, select: { id: true, name: true } })),
    );
    const committee = await makeActor(t.db, "COMMITTEE", villages[0]!.id);

    const first = await seedDemoRules(t.db);
    expect(first.villages.sort()).toEqual(["杨柳村", "桃源村"].sort());
    for (const v of villages) {
      const book = await t.db.ruleBook.findFirstOrThrow({ where: { villageId: v.id, status: "ADOPTED" }, select: { id: true, title: true, adoptedBy: true, adoptedById: true } });
      expect(book.title).toBe(`《${v.name}积分管理细则》（2026年版）`);
      expect(book.adoptedBy).toBeTruthy();
      const rules = await t.db.rule.findMany({ where: { ruleBookId: book.id }, select: { category: true, points: true, capPeriod: true, evidenceRequired: true } });
      expect(rules.length).toBeGreaterThanOrEqual(40);
      expect(new Set(rules.map((r) => r.category))).toEqual(new Set(RULE_CATEGORIES));
      expect(rules.some((r) => r.points > 0) && rules.some((r) => r.points < 0)).toBe(true);
      expect(rules.some((r) => r.capPeriod) && rules.some((r) => r.evidenceRequired)).toBe(true);
    }
    const taoyuan = await t.db.ruleBook.findFirstOrThrow({ where: { villageId: villages[0]!.id }, select: { adoptedById: true } });
    expect(taoyuan.adoptedById).toBe(committee.userId);

    // the villagers of a demo village see it through the procedure
    const villager = await makeActor(t.db, "VILLAGER", villages[1]!.id);
    const seen = await callerFor(t.db, villager).rule.adopted();
    expect(seen.ruleCount).toBe(DEMO_RULES.length);
    expect(seen.groups.map((g) => g.category)).toEqual([...RULE_CATEGORIES]);

    // idempotent: a second start adds nothing
    const rulesBefore = await t.db.rule.count({ where: { villageId: { in: villages.map((v) => v.id) } } });
    expect(await seedDemoRules(t.db)).toEqual({ villages: [] });
    expect(await t.db.rule.count({ where: { villageId: { in: villages.map((v) => v.id) } } })).toBe(rulesBefore);
  });
});
