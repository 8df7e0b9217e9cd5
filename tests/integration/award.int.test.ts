/**
 * Proposals and review (docs/architecture.md, "Due process", PRODUCT principles 1–3): points come from the rule in force,
 * caps hold on the village calendar, the proposer and anyone tied to the household cannot review,
 * and every refusal is translated and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/actor.repo";
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import { householdBalance } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { finalizeDue } from "@/server/modules/awards/finalize";
import { villagePeriod } from "@/server/lib/village-time.schema";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeHousehold, makeVillage } from "../factories";
import { approvedAward, key, makeClock, makeRuleBook, pointsSnapshot, pointsVillage } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

/** The same person in another role of the same village (e.g. a committee member who is also a supervisor). */
async function sameUserAs(db: Db, actor: Actor, role: Role): Promise<Actor> {
  // one person cannot hold COMMITTEE and SUPERVISOR at once in a village: they left the committee first
  if (role === "SUPERVISOR" && actor.role === "COMMITTEE") {
    await db.membership.update({ where: { id: actor.membershipId }, data: { active: false }, select: { id: true } });
  }
  const m = await db.membership.create({ data: { userId: actor.userId, regionId: actor.villageId!, role }, select: { id: true } });
  return (await loadActor(db, actor.userId, m.id))!;
}

describe("proposing", () => {
  it("creates a PROPOSED entry with the rule's points, audited; a retry with the same key returns the first", async () => {
    const s = await pointsVillage(t.db);
    const api = callerFor(t.db, s.committee);
    const k = key();
    const input = { householdId: s.h1.id, ruleId: s.rules.deduction, reason: "门前乱堆柴草，劝说后未清理", idempotencyKey: k };
    const first = await api.award.propose(input);
    expect(first).toMatchObject({ status: "PROPOSED", points: -5, replayed: false });
    const again = await api.award.propose(input);
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(await t.db.award.count({ where: { villageId: s.v.id } })).toBe(1);

    const list = await api.award.list({ take: 10 });
    expect(list.counts).toEqual({ PROPOSED: 1 });
    expect(list.items[0]).toMatchObject({
      id: first.id,
      status: "PROPOSED",
      points: -5,
      household: { number: s.h1.number, headName: "王建国" },
      rule: { code: "D01", title: "乱堆乱放、占道经营", category: "ENVIRONMENT", ruleBookVersion: 1 },
      proposedBy: { name: s.committee.name },
      mine: true,
    });
    const audit = await t.db.auditLog.findMany({ where: { entityId: first.id }, select: { action: true, actorUserId: true } });
    expect(audit).toEqual([{ action: "award.propose", actorUserId: s.committee.userId }]);

    // the same key for a different proposal is a conflict, not a silent replay
    await expect(api.award.propose({ ...input, ruleId: s.rules.award })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses bad input with a translated reason and writes nothing", async () => {
    const s = await pointsVillage(t.db);
    const other = await makeVillage(t.db);
    const { ruleIds: otherRules } = await makeRuleBook(t.db, other.id, [{ points: 10 }]);
    const otherHousehold = await makeHousehold(t.db, other.id);
    const { ruleIds: retired } = await makeRuleBook(t.db, s.v.id, [{ points: 8, code: "OLD" }], { status: "RETIRED", version: 99 });
    const { ruleIds: draft } = await makeRuleBook(t.db, s.v.id, [{ points: 8, code: "NEW" }], { status: "DRAFT", version: 100 });
    const zh = callerFor(t.db, s.committee);
    const en = callerFor(t.db, s.committee, { locale: "en" });
    const base = { householdId: s.h1.id, ruleId: s.rules.award, reason: "参加义务劳动", idempotencyKey: key() };
    // a points field is not part of the input: points always come from the rule
    const sneaky = await zh.award.propose({ ...base, idempotencyKey: key(), ...({ points: 100000 } as object) });
    expect(sneaky.points).toBe(10);
    const before = await pointsSnapshot(t.db, s.v.id);

    await expect(zh.award.propose({ ...base, ruleId: otherRules[0]!, idempotencyKey: key() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不在本村现行的积分细则中"),
    });
    await expect(en.award.propose({ ...base, ruleId: retired[0]!, idempotencyKey: key() })).rejects.toMatchObject({
      message: expect.stringContaining("not in the village's rule book in force"),
    });
    await expect(zh.award.propose({ ...base, ruleId: draft[0]!, idempotencyKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(zh.award.propose({ ...base, householdId: otherHousehold.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(zh.award.propose({ ...base, reason: "很".repeat(201), idempotencyKey: key() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "填写的内容有误：「理由」太长了（最多 200 个字）",
    });
    await expect(zh.award.propose({ ...base, reason: "好" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(zh.award.propose({ ...base, idempotencyKey: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(zh.award.propose({ ...base, evidenceUrl: "javascript:alert(1)" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // evidence required
    await expect(zh.award.propose({ ...base, ruleId: s.rules.evidence, idempotencyKey: key() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("需要附上照片"),
    });
    // an inactive household
    await t.db.household.update({ where: { id: s.h2.id }, data: { status: "INACTIVE" } });
    await expect(zh.award.propose({ ...base, householdId: s.h2.id, idempotencyKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.db.household.update({ where: { id: s.h2.id }, data: { status: "ACTIVE" } });
    // a member of another household
    const stranger = await t.db.householdMember.findFirstOrThrow({ where: { householdId: s.h2.id }, select: { id: true } });
    await expect(zh.award.propose({ ...base, memberId: stranger.id, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);
  });

  it("caps count per household on the Asia/Shanghai calendar month", async () => {
    const s = await pointsVillage(t.db);
    // 23:30 on 31 March in the village (15:30 UTC): still March
    const clock = makeClock(new Date("2026-03-31T15:30:00Z"));
    const api = callerFor(t.db, s.committee, { now: clock.now });
    const propose = () => api.award.propose({ householdId: s.h1.id, ruleId: s.rules.capped, reason: "看望五保户张大爷", idempotencyKey: key() });
    await propose();
    const second = await propose();
    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(propose()).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `超过次数上限：「看望慰问孤寡老人」每户每月最多 2 次，${s.h1.number} 王建国 已达到上限。本次没有提交任何条目。`,
    });
    await expect(callerFor(t.db, s.committee, { now: clock.now, locale: "en" }).award.propose({
      householdId: s.h1.id,
      ruleId: s.rules.capped,
      reason: "看望五保户张大爷",
      idempotencyKey: key(),
    })).rejects.toMatchObject({ message: expect.stringContaining("at most 2 times a month per household") });
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);

    // a rejected entry no longer counts
    await callerFor(t.db, s.supervisor, { now: clock.now }).award.reject({ id: second.id, note: "重复申报" });
    await propose();
    await expect(propose()).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // one hour later it is 1 April in the village (16:30 UTC on 31 March): a new month
    clock.set(new Date("2026-03-31T16:30:00Z"));
    await expect(propose()).resolves.toMatchObject({ status: "PROPOSED" });
  });

  it("villagePeriod: months and years start at midnight China time", () => {
    const p = villagePeriod(new Date("2026-12-31T16:00:00Z"), "YEAR");
    expect(p.from.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(p.to.toISOString()).toBe("2027-12-31T16:00:00.000Z");
    const m = villagePeriod(new Date("2026-02-15T00:00:00Z"), "MONTH");
    expect([m.from.toISOString(), m.to.toISOString()]).toEqual(["2026-01-31T16:00:00.000Z", "2026-02-28T16:00:00.000Z"]);
  });

  it("a batch is all or nothing: a cap exceeded by any household names it and nothing is proposed", async () => {
    const s = await pointsVillage(t.db);
    const h3 = await makeHousehold(t.db, s.v.id, { gridId: s.v.gridId, headName: "赵四" });
    const api = callerFor(t.db, s.committee);
    const k = key();
    const ok = await api.award.proposeBatch({ ruleId: s.rules.capped, householdIds: [s.h1.id, s.h2.id, s.h1.id], reason: "重阳节看望老人", idempotencyKey: k });
    expect(ok).toMatchObject({ count: 2, points: 3, replayed: false });
    expect(await api.award.proposeBatch({ ruleId: s.rules.capped, householdIds: [s.h1.id, s.h2.id], reason: "重阳节看望老人", idempotencyKey: k })).toMatchObject({
      count: 2,
      replayed: true,
    });
    await api.award.propose({ householdId: s.h2.id, ruleId: s.rules.capped, reason: "再次看望", idempotencyKey: key() });
    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(
      api.award.proposeBatch({ ruleId: s.rules.capped, householdIds: [s.h1.id, s.h2.id, h3.id], reason: "看望老人", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`${s.h2.number} 李春生`) });
    // a household of another village
    const other = await makeHousehold(t.db, (await makeVillage(t.db)).id);
    await expect(
      api.award.proposeBatch({ ruleId: s.rules.award, householdIds: [s.h1.id, other.id], reason: "清扫巷道", idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // neither households nor grid, or both
    await expect(api.award.proposeBatch({ ruleId: s.rules.award, reason: "清扫巷道", idempotencyKey: key() })).rejects.toMatchObject({
      message: expect.stringContaining("请选择农户或一个网格"),
    });
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);

    // a whole grid
    const grid = await api.award.proposeBatch({ ruleId: s.rules.award, gridId: s.v.gridId, reason: "参加春季大扫除", idempotencyKey: key() });
    expect(grid.count).toBe(3);
    const batch = await t.db.award.findMany({ where: { villageId: s.v.id, ruleId: s.rules.award }, select: { source: true, batchKey: true } });
    expect(batch.every((a) => a.source === "BATCH" && a.batchKey)).toBe(true);
  });
});

describe("separation of duties", () => {
  it("the proposer cannot approve or reject their own proposal, even holding a supervisor role", async () => {
    const s = await pointsVillage(t.db);
    const { id } = await callerFor(t.db, s.committee).award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
    const selfReviewer = await sameUserAs(t.db, s.committee, "SUPERVISOR");
    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(callerFor(t.db, selfReviewer).award.approve({ id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("不能由您自己审核"),
    });
    await expect(callerFor(t.db, selfReviewer, { locale: "en" }).award.reject({ id, note: "不批" })).rejects.toMatchObject({
      message: expect.stringContaining("You proposed this entry yourself"),
    });
    const queue = await callerFor(t.db, selfReviewer).award.list({ status: "PROPOSED", take: 10 });
    expect(queue.items[0]!.reviewBlock).toBe("OWN_PROPOSAL");
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);
  });

  it("a supervisor who is a member of the household, or declared a relation to it, cannot review it", async () => {
    const s = await pointsVillage(t.db);
    const api = callerFor(t.db, s.committee);
    const forH1 = await api.award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
    const forH2 = await api.award.propose({ householdId: s.h2.id, ruleId: s.rules.deduction, reason: "占道堆放", idempotencyKey: key() });
    // supervisor is a member of household 1
    await t.db.householdMember.create({ data: { householdId: s.h1.id, name: s.supervisor.name, relation: "CHILD", userId: s.supervisor.userId } });
    // supervisor2 declares a relation to household 2
    await callerFor(t.db, s.supervisor2).relation.declare({ householdId: s.h2.id, relation: "表兄弟" });
    const relations = await callerFor(t.db, s.committee).relation.list({});
    expect(relations.items).toEqual([expect.objectContaining({ userName: s.supervisor2.name, relation: "表兄弟", household: expect.objectContaining({ id: s.h2.id }) })]);
    expect(relations.supervisors.map((x) => x.userId).sort()).toEqual([s.supervisor.userId, s.supervisor2.userId].sort());

    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(callerFor(t.db, s.supervisor).award.approve({ id: forH1.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("需要回避"),
    });
    await expect(callerFor(t.db, s.supervisor2).award.approve({ id: forH2.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, s.supervisor2).award.reject({ id: forH2.id, note: "不同意" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);

    const queue = await callerFor(t.db, s.supervisor2).award.list({ status: "PROPOSED", take: 10 });
    expect(Object.fromEntries(queue.items.map((i) => [i.id, i.reviewBlock]))).toEqual({ [forH1.id]: null, [forH2.id]: "RELATED_HOUSEHOLD" });

    // each may review the other's household
    await expect(callerFor(t.db, s.supervisor2).award.approve({ id: forH1.id, note: "属实" })).resolves.toMatchObject({ status: "APPROVED" });
    await expect(callerFor(t.db, s.supervisor).award.reject({ id: forH2.id, note: "证据不足" })).resolves.toMatchObject({ status: "REJECTED" });
    const audit = await t.db.auditLog.findMany({ where: { entityId: { in: [forH1.id, forH2.id] }, action: { in: ["award.approve", "award.reject"] } }, select: { action: true, before: true, after: true } });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "award.approve", before: { status: "PROPOSED" }, after: { status: "APPROVED", note: "属实" } },
        { action: "award.reject", before: { status: "PROPOSED" }, after: { status: "REJECTED", note: "证据不足" } },
      ]),
    );
  });

  it("a supervisor declares relations only for themselves; the committee may declare for a supervisor", async () => {
    const s = await pointsVillage(t.db);
    await expect(callerFor(t.db, s.supervisor).relation.declare({ householdId: s.h1.id, relation: "亲家", userId: s.supervisor2.userId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerFor(t.db, s.committee).relation.declare({ householdId: s.h1.id, relation: "亲家", userId: s.supervisor2.userId });
    // not a supervisor of this village
    await expect(callerFor(t.db, s.committee).relation.declare({ householdId: s.h1.id, relation: "亲家", userId: s.villager.userId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const id = await callerFor(t.db, s.committee).award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
    await expect(callerFor(t.db, s.supervisor2).award.approve({ id: id.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("only PROPOSED entries can be reviewed; a reject needs a note", async () => {
    const s = await pointsVillage(t.db);
    const id = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.award });
    await expect(callerFor(t.db, s.supervisor2).award.approve({ id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("状态已经变化"),
    });
    const p = await callerFor(t.db, s.committee).award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
    await expect(callerFor(t.db, s.supervisor).award.reject({ id: p.id, note: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // another village's supervisor does not see it
    const far = await pointsVillage(t.db);
    await expect(callerFor(t.db, far.supervisor).award.approve({ id: p.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("concurrency", () => {
  it("20 parallel proposals with one idempotency key create one entry", async () => {
    const s = await pointsVillage(t.db);
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callerFor(t.db, s.committee).award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: k }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await t.db.award.count({ where: { villageId: s.v.id } })).toBe(1);
  });

  it("two supervisors approving at once: exactly one approval", async () => {
    const s = await pointsVillage(t.db);
    for (let round = 0; round < 5; round++) {
      const { id } = await callerFor(t.db, s.committee).award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
      const outcomes = await Promise.allSettled([
        callerFor(t.db, s.supervisor).award.approve({ id, note: "甲" }),
        callerFor(t.db, s.supervisor2).award.approve({ id, note: "乙" }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(failed.reason).toMatchObject({ code: "CONFLICT" });
      expect(await t.db.auditLog.count({ where: { entityId: id, action: "award.approve" } })).toBe(1);
    }
  });
});

describe("reversal", () => {
  it("a supervisor reverses a final entry once; it shows on the statement; twice is refused and writes nothing", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 1 });
    const id = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.award });
    // not final yet
    await expect(callerFor(t.db, s.supervisor2).award.reverse({ id, reason: "录入错误" })).rejects.toMatchObject({ code: "CONFLICT" });
    await callerFor(t.db, s.committee).publicity.publish({});
    // the window of one day has passed: the job makes it final, and the reversal comes after
    const late = Date.now() + 2 * 24 * 3600_000;
    await finalizeDue({ db: t.db, now: () => new Date(late) }, { villageId: s.v.id });
    expect(await householdBalance(t.db, s.h1.id)).toBe(10);

    const res = await callerFor(t.db, s.supervisor2, { now: () => new Date(late + 60_000) }).award.reverse({ id, reason: "重复录入，予以撤销" });
    expect(res.status).toBe("REVERSED");
    expect(await householdBalance(t.db, s.h1.id)).toBe(0);
    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(callerFor(t.db, s.supervisor2).award.reverse({ id, reason: "再撤一次" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "这笔积分已经撤销过了，不能重复撤销。",
    });
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);

    const statement = await callerFor(t.db, s.villager).points.statement({});
    expect(statement.items.map((l) => [l.kind, l.points, l.reversed])).toEqual([
      ["REVERSAL", -10, false],
      ["AWARD", 10, true],
    ]);
    expect(statement.items[0]).toMatchObject({ reason: "重复录入，予以撤销", awardId: id, rule: { code: "G01" } });
    const trail = await callerFor(t.db, s.villager).points.trail({ awardId: id });
    expect(trail.reversal).toMatchObject({ reason: "重复录入，予以撤销", actorName: s.supervisor2.name });
    expect((await verifyLedger(t.db, { villageId: s.v.id })).problems).toEqual([]);
  });
});
