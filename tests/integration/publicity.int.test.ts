/**
 * Public notice (公示) and objections, end to end through the procedures: publish, the board a
 * villager sees, objections and rulings, finalization when the window closes (clock moved), and the
 * household's balance, score, statement and trail afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdBalance } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { finalizeDue } from "@/server/modules/awards/finalize";
import { PERMISSIONS } from "@/server/auth/permissions";
import zhAdmin from "@/server/i18n/messages/zh/admin.json";
import enAdmin from "@/server/i18n/messages/en/admin.json";
import { appRouter } from "@/server/trpc/root";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor } from "../factories";
import { approvedAward, key, makeClock, pointsSnapshot, pointsVillage } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 24 * 60 * 60 * 1000;

describe("the full due-process flow", () => {
  it("propose → approve → publish → board → object → dismiss → window closes → FINAL, posted once, with its trail", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 7 });
    const clock = makeClock(new Date("2026-05-10T02:00:00Z"));
    const as = (actor: typeof s.committee, locale: "zh" | "en" = "zh") => callerFor(t.db, actor, { now: clock.now, locale });
    const member = await t.db.householdMember.create({ data: { householdId: s.h1.id, name: "王小燕", relation: "CHILD" }, select: { id: true } });

    // committee proposes, supervisor approves
    const { id } = await as(s.committee).award.propose({
      householdId: s.h1.id,
      ruleId: s.rules.award,
      memberId: member.id,
      reason: "5月9日参加河道垃圾清理",
      idempotencyKey: key(),
    });
    expect(await as(s.villager).points.pending()).toEqual([expect.objectContaining({ id, status: "PROPOSED", member: { id: member.id, name: "王小燕" } })]);
    // nobody is named on the board before review and notice
    expect((await as(s.neighbour).publicity.board()).inNotice).toEqual([]);
    await as(s.supervisor).award.approve({ id, note: "有照片为证" });

    // committee publishes: a batch closing in 7 days
    const pub = await as(s.committee).publicity.publish({});
    expect(pub).toMatchObject({ count: 1, noticeDays: 7 });
    // never final in the same call: the entry waits on the board until the window closes
    expect(pub).not.toHaveProperty("finalized");
    expect(pub.closesAt.getTime() - pub.publishedAt.getTime()).toBe(7 * DAY);
    const batches = await as(s.committee).publicity.batches({});
    expect(batches.items[0]).toMatchObject({ id: pub.batchId, total: 1, counts: { IN_NOTICE: 1 }, windowOpen: true, publishedByName: s.committee.name });

    // the neighbour sees it on the board: household number and head, rule, points, reason; no phone numbers
    const board = await as(s.neighbour).publicity.board();
    expect(board.inNotice).toEqual([
      expect.objectContaining({
        id,
        household: { number: s.h1.number, headName: "王建国" },
        memberName: "王小燕",
        rule: { code: "G01", title: "参加村庄环境整治义务劳动", category: "ENVIRONMENT" },
        points: 10,
        reason: "5月9日参加河道垃圾清理",
        windowOpen: true,
        ownHousehold: false,
        myObjection: null,
      }),
    ]);
    const json = JSON.stringify(board);
    for (const person of [s.villager, s.neighbour, s.committee, s.supervisor]) {
      const u = await t.db.user.findUniqueOrThrow({ where: { id: person.userId }, select: { phone: true } });
      expect(json).not.toContain(u.phone);
    }
    expect(json).not.toContain("proposedBy");
    // the household itself sees it marked as its own
    expect((await as(s.villager).publicity.board()).inNotice[0]).toMatchObject({ id, ownHousehold: true });

    // the neighbour objects; the objection is listed for the supervisor
    clock.advanceDays(2);
    const obj = await as(s.neighbour).objection.create({ awardId: id, reason: "那天我在河边，没看到王家有人来" });
    expect((await as(s.neighbour).publicity.board()).inNotice[0]).toMatchObject({ householdObjected: true, myObjection: { id: obj.id, status: "OPEN" } });
    const open = await as(s.supervisor2).objection.list({ status: "OPEN" });
    expect(open.items).toEqual([
      expect.objectContaining({ id: obj.id, objector: { name: s.neighbour.name, householdNumber: s.h2.number }, ruleBlock: null, award: expect.objectContaining({ id }) }),
    ]);

    // the window closes while the objection is open: the entry waits
    clock.advanceDays(6);
    expect(await finalizeDue({ db: t.db, now: clock.now })).toMatchObject({ finalized: 0, waiting: 1, batchesClosed: 0 });
    expect((await as(s.neighbour).publicity.board()).inNotice[0]).toMatchObject({ windowOpen: false, objectionPending: true });
    // too late for more objections
    const late = await makeActor(t.db, "VILLAGER", s.v.id);
    await expect(as(late).objection.create({ awardId: id, reason: "我也有意见要提" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("公示期已结束"),
    });

    // the supervisor dismisses with an answer: the entry becomes final right away (window already closed)
    const ruled = await as(s.supervisor2).objection.rule({ id: obj.id, decision: "DISMISS", answer: "经核实，王小燕当天在下游段参加清理，有签到表为证。" });
    expect(ruled).toMatchObject({ status: "DISMISSED", awardStatus: "FINAL" });
    const afterBoard = await as(s.neighbour).publicity.board();
    expect(afterBoard.inNotice).toEqual([]);
    expect(afterBoard.recentFinal[0]).toMatchObject({ id, status: "FINAL", myObjection: { status: "DISMISSED", answer: expect.stringContaining("签到表") } });
    expect(afterBoard.myObjections[0]).toMatchObject({ id: obj.id, status: "DISMISSED", answer: expect.stringContaining("签到表"), entry: { id } });

    // posted exactly once; the job finds nothing more to do
    expect(await finalizeDue({ db: t.db, now: clock.now })).toMatchObject({ finalized: 0, waiting: 0 });
    expect(await t.db.ledgerTransaction.count({ where: { idempotencyKey: `award:${id}` } })).toBe(1);
    expect(await t.db.noticeBatch.findUniqueOrThrow({ where: { id: pub.batchId }, select: { finalizedAt: true } })).toMatchObject({ finalizedAt: clock.now() });

    // the household: balance, score, statement with the trail
    const summary = await as(s.villager).points.summary();
    expect(summary).toMatchObject({ balance: 10, month: { earned: 10, deducted: 0, score: 10 }, year: { score: 10 }, pendingCount: 0 });
    expect(await householdBalance(t.db, s.h1.id)).toBe(10);
    const statement = await as(s.villager).points.statement({});
    expect(statement.items).toEqual([
      expect.objectContaining({
        kind: "AWARD",
        points: 10,
        reason: "5月9日参加河道垃圾清理",
        rule: { code: "G01", title: "参加村庄环境整治义务劳动", category: "ENVIRONMENT", ruleBookVersion: 1 },
        memberName: "王小燕",
        awardId: id,
        reversed: false,
      }),
    ]);
    const trail = await as(s.villager).points.trail({ awardId: id });
    expect(trail).toMatchObject({
      award: {
        status: "FINAL",
        proposedBy: { name: s.committee.name },
        reviewedBy: { name: s.supervisor.name },
        reviewNote: "有照片为证",
        notice: { batchId: pub.batchId, publishedAt: pub.publishedAt, closesAt: pub.closesAt },
      },
      ruleBook: { version: 1, adoptedBy: "2026年村民代表会议表决通过" },
      objections: [{ status: "DISMISSED", answer: expect.stringContaining("签到表"), mine: false, objectorName: null, ruledByName: s.supervisor2.name }],
      ledger: { transactionId: statement.items[0]!.transactionId, kind: "AWARD", actorName: s.supervisor.name },
      reversal: null,
    });
    expect(trail.ledger!.hashPrefix).toMatch(/^[0-9a-f]{12}$/);
    // staff see who objected
    const staffTrail = await as(s.committee).award.get({ id });
    expect(staffTrail.objections[0]!.objectorName).toBe(s.neighbour.name);
    // another household's villager cannot read this trail
    await expect(as(s.neighbour).points.trail({ awardId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await verifyLedger(t.db, { villageId: s.v.id })).problems).toEqual([]);
  });
});

describe("objections", () => {
  it("an upheld objection overturns the entry and nothing is ever posted, even after the job runs", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 3 });
    const clock = makeClock(new Date("2026-06-01T00:00:00Z"));
    const id = await approvedAward(t.db, s, { householdId: s.h2.id, ruleId: s.rules.deduction, reason: "占道晾晒" }, { now: clock.now });
    const { batchId } = await callerFor(t.db, s.committee, { now: clock.now }).publicity.publish({ awardIds: [id], title: "六月第一批公示" });
    const o1 = await callerFor(t.db, s.neighbour, { now: clock.now }).objection.create({ awardId: id, reason: "那是邻居家的东西，不是我家的" });
    const other = await makeActor(t.db, "VILLAGER", s.v.id);
    await callerFor(t.db, other, { now: clock.now }).objection.create({ awardId: id, reason: "我可以作证不是他家的" });
    // the household's own member (supervisor tied to it) may not rule
    await callerFor(t.db, s.supervisor).relation.declare({ householdId: s.h2.id, relation: "邻里亲戚" });
    await expect(callerFor(t.db, s.supervisor, { now: clock.now }).objection.rule({ id: o1.id, decision: "UPHOLD", answer: "成立" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const res = await callerFor(t.db, s.supervisor2, { now: clock.now }).objection.rule({ id: o1.id, decision: "UPHOLD", answer: "经核实物品属于他户，撤下此条。" });
    expect(res).toMatchObject({ status: "UPHELD", awardStatus: "OVERTURNED" });
    // both objections are answered
    const objections = await t.db.objection.findMany({ where: { awardId: id }, select: { status: true, answer: true } });
    expect(objections).toEqual([
      { status: "UPHELD", answer: "经核实物品属于他户，撤下此条。" },
      { status: "UPHELD", answer: "经核实物品属于他户，撤下此条。" },
    ]);
    // ruling twice is refused
    await expect(callerFor(t.db, s.supervisor2, { now: clock.now }).objection.rule({ id: o1.id, decision: "DISMISS", answer: "改判" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    clock.advanceDays(10);
    await finalizeDue({ db: t.db, now: clock.now });
    expect(await t.db.award.findUniqueOrThrow({ where: { id }, select: { status: true, transactionId: true } })).toEqual({ status: "OVERTURNED", transactionId: null });
    expect(await t.db.ledgerTransaction.count({ where: { villageId: s.v.id } })).toBe(0);
    expect(await householdBalance(t.db, s.h2.id)).toBe(0);
    expect(await t.db.noticeBatch.findUniqueOrThrow({ where: { id: batchId }, select: { finalizedAt: true } })).toMatchObject({ finalizedAt: expect.any(Date) });
    // the objector sees the outcome; the entry is not on the board as final
    const board = await callerFor(t.db, s.neighbour, { now: clock.now }).publicity.board();
    expect(board.recentFinal).toEqual([]);
    expect(board.myObjections[0]).toMatchObject({ status: "UPHELD", entry: { id, status: "OVERTURNED" } });
  });

  it("objecting after the window, twice, from another village or to an unpublished entry is refused and writes nothing", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 7 });
    const clock = makeClock(new Date("2026-07-01T00:00:00Z"));
    const id = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.award }, { now: clock.now });
    const pending = await approvedAward(t.db, s, { householdId: s.h2.id, ruleId: s.rules.award }, { now: clock.now });
    await callerFor(t.db, s.committee, { now: clock.now }).publicity.publish({ awardIds: [id] });
    const api = callerFor(t.db, s.neighbour, { now: clock.now });
    await api.objection.create({ awardId: id, reason: "这件事情有出入" });

    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(api.objection.create({ awardId: id, reason: "再提一次意见" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "您已经对这一条提出过异议，请等待监督委员会答复。",
    });
    await expect(callerFor(t.db, s.neighbour, { now: clock.now, locale: "en" }).objection.create({ awardId: id, reason: "再提一次意见" })).rejects.toMatchObject({
      message: expect.stringContaining("already objected"),
    });
    await expect(api.objection.create({ awardId: pending, reason: "还没公示的条目" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.objection.create({ awardId: id, reason: "短" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const far = await pointsVillage(t.db);
    await expect(callerFor(t.db, far.villager, { now: clock.now }).objection.create({ awardId: id, reason: "外村人提意见" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    clock.advanceDays(7); // exactly at closesAt: closed
    await expect(callerFor(t.db, s.villager, { now: clock.now }).objection.create({ awardId: id, reason: "太晚了才提意见" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);
  });

  it("two taps at once record one objection", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 7 });
    const id = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.award });
    await callerFor(t.db, s.committee).publicity.publish({});
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => callerFor(t.db, s.neighbour).objection.create({ awardId: id, reason: "这条记录有问题" })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((x) => x.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.objection.count({ where: { awardId: id } })).toBe(1);
  });
});

describe("publishing", () => {
  it("the 公示 window is never skipped: with 1 notice day nothing is final at publish, the job makes it final a day later", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 1 });
    const clock = makeClock();
    const a = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.award });
    const d = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.deduction, reason: "乱倒垃圾" });
    const pub = await callerFor(t.db, s.committee, { now: clock.now }).publicity.publish({});
    expect(pub).toMatchObject({ count: 2, noticeDays: 1 });
    expect(pub.closesAt.getTime() - pub.publishedAt.getTime()).toBe(24 * 3600_000);
    const statuses = async () => (await t.db.award.findMany({ where: { id: { in: [a, d] } }, select: { status: true } })).map((x) => x.status);
    expect(await statuses()).toEqual(["IN_NOTICE", "IN_NOTICE"]);
    expect(await householdBalance(t.db, s.h1.id)).toBe(0);
    clock.set(new Date(clock.now().getTime() + 25 * 3600_000));
    await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id });
    expect(await statuses()).toEqual(["FINAL", "FINAL"]);
    expect(await householdBalance(t.db, s.h1.id)).toBe(5);
    expect((await t.db.noticeBatch.findUniqueOrThrow({ where: { id: pub.batchId }, select: { finalizedAt: true } })).finalizedAt).not.toBeNull();
    // a village with 0 notice days cannot exist: the database refuses it
    await expect(t.db.region.update({ where: { id: s.v.id }, data: { noticeDays: 0 }, select: { id: true } })).rejects.toThrow();
  });

  it("nothing approved → NOTHING_TO_PUBLISH; a given entry that is not approved → refused; nothing written", async () => {
    const s = await pointsVillage(t.db);
    const api = callerFor(t.db, s.committee);
    const before = await pointsSnapshot(t.db, s.v.id);
    await expect(api.publicity.publish({})).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("没有可以公示的条目") });
    const p = await api.award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
    const mid = await pointsSnapshot(t.db, s.v.id);
    await expect(api.publicity.publish({ awardIds: [p.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    const far = await pointsVillage(t.db);
    const farId = await approvedAward(t.db, far, { householdId: far.h1.id, ruleId: far.rules.award });
    await expect(api.publicity.publish({ awardIds: [farId] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(mid);
    expect(before.batches).toEqual([]);
  });

  it("a villager without a household sees an empty account, not an error", async () => {
    const s = await pointsVillage(t.db);
    const loner = await makeActor(t.db, "VILLAGER", s.v.id);
    const api = callerFor(t.db, loner);
    expect(await api.points.summary()).toBeNull();
    expect(await api.points.statement({})).toEqual({ items: [], nextCursor: null });
    expect(await api.points.pending()).toEqual([]);
  });

  it("积分公示 is called publicity: its router, permissions and audit action leave the word notice to the council's notices", async () => {
    expect(Object.keys(appRouter._def.record)).toContain("publicity");
    // "notice" is the council's 议事公告 and other notices now: none of the points-publicity procedures live there
    const noticeProcedures = Object.keys(appRouter._def.procedures).filter((k) => k.startsWith("notice.")).sort();
    expect(noticeProcedures).toEqual(["notice.board", "notice.correct", "notice.create", "notice.get", "notice.list", "notice.open", "notice.pin", "notice.publish", "notice.update"]);
    expect(Object.keys(appRouter._def.procedures).filter((k) => k.startsWith("publicity.")).sort()).toEqual(["publicity.batches", "publicity.board", "publicity.publish"]);
    expect(Object.keys(PERMISSIONS).filter((a) => a.startsWith("publicity.")).sort()).toEqual(["publicity.batches", "publicity.board", "publicity.publish"]);

    const s = await pointsVillage(t.db);
    await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: s.rules.award });
    const pub = await callerFor(t.db, s.committee).publicity.publish({});
    const audit = await t.db.auditLog.findMany({ where: { entityId: pub.batchId }, select: { action: true } });
    expect(audit).toEqual([{ action: "publicity.publish" }]);
    // the audit trail names it in both languages, also for records written before the rename (notice.publish)
    expect(zhAdmin.audit.actions.publicity.publish).toBe("发布积分公示");
    expect(zhAdmin.audit.actions.notice.publish).toBe("发布积分公示");
    expect(enAdmin.audit.actions.publicity.publish).toBe(enAdmin.audit.actions.notice.publish);
  });
});
