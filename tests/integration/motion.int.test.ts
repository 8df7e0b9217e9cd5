/**
 * Motions and votes: one vote per household under concurrent submissions, a retry returns the first
 * vote, the electorate frozen at opening, closing once however many jobs race (one 结果公告), a
 * secret ballot that cannot be joined to who voted, the committee seeing turnout but no running
 * tally, and bad input refused with a translated message and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDue } from "@/server/modules/council/motion.service";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";
import { makeClock, makeVillagerOf } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = 60 * 60 * 1000;

/** A village with a committee and three households, each with a villager account on its head. */
async function village() {
  const clock = makeClock(new Date("2027-01-10T02:00:00Z"));
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const hs = [await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id)];
  const heads = [];
  for (const h of hs) heads.push(await makeVillagerOf(t.db, v.id, h.id));
  const as = (a: Awaited<ReturnType<typeof makeActor>>, locale: "zh" | "en" = "zh") => callerFor(t.db, a, { now: clock.now, locale });
  return { v, clock, committee, api: as(committee), hs, heads, as };
}

type V = Awaited<ReturnType<typeof village>>;

async function openMotion(w: V, extra: { secret?: boolean; options?: string[]; decisionRule?: { kind: "MOST_VOTES" } } = {}) {
  const { id } = await w.api.motion.create({
    title: "修建村道",
    question: "是否同意用村集体资金硬化村东道路？",
    closesAt: new Date(w.clock.now().getTime() + 48 * HOUR),
    ...extra,
  });
  await w.api.motion.open({ id });
  return id;
}

async function written(motionId: string) {
  return {
    electors: await t.db.motionElector.findMany({ where: { motionId }, orderBy: { householdId: "asc" } }),
    ballots: await t.db.motionBallot.count({ where: { motionId } }),
  };
}

describe("one vote per household", () => {
  it("50 concurrent submissions from the members of one household make one vote", async () => {
    const w = await village();
    const id = await openMotion(w);
    const members = [w.heads[0]!];
    for (let i = 0; i < 4; i++) {
      const a = await makeActor(t.db, "VILLAGER", w.v.id);
      await t.db.householdMember.create({ data: { householdId: w.hs[0]!.id, name: `家人${i}`, relation: "CHILD", userId: a.userId } });
      members.push(a);
    }
    const options = ["同意", "不同意", "弃权"];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => w.as(members[i % members.length]!).motion.vote({ motionId: id, option: options[i % 3]! })),
    );
    expect(results.filter((r) => r.first)).toHaveLength(1);
    const chosen = results.find((r) => r.first)!.option;
    // every other submission was told the household's first vote
    for (const r of results) expect(r.option).toBe(chosen);
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(1);
    expect(await t.db.motionElector.count({ where: { motionId: id, votedAt: { not: null } } })).toBe(1);
  });

  it("a retry returns the first vote, even with another choice, and changes nothing", async () => {
    const w = await village();
    const id = await openMotion(w);
    const villager = w.as(w.heads[1]!);
    const first = await villager.motion.vote({ motionId: id, option: "不同意" });
    w.clock.set(new Date(w.clock.now().getTime() + HOUR));
    const again = await villager.motion.vote({ motionId: id, option: "同意" });
    expect(again).toEqual({ ...first, first: false });
    const board = await villager.motion.board();
    expect(board.items[0]).toMatchObject({ id, open: true, myChoice: "不同意", msLeft: 47 * HOUR });
  });

  it("the database refuses a second open ballot of a household (unique index)", async () => {
    const w = await village();
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    await expect(t.db.motionBallot.create({ data: { id: "dup-ballot-1", motionId: id, option: "不同意", householdId: w.hs[0]!.id } })).rejects.toThrow();
  });
});

describe("who may vote", () => {
  it("the electorate is frozen at opening: a household added afterwards cannot vote", async () => {
    const w = await village();
    const id = await openMotion(w);
    const late = await makeHousehold(t.db, w.v.id);
    const lateHead = await makeVillagerOf(t.db, w.v.id, late.id);
    const before = await written(id);
    await expect(w.as(lateHead).motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不在这项表决的投票名单上"),
    });
    expect(await written(id)).toEqual(before);
    expect(before.electors.map((e) => e.householdId).sort()).toEqual(w.hs.map((h) => h.id).sort());
    const board = await w.as(lateHead).motion.board();
    expect(board.items[0]).toMatchObject({ id, inElectorate: false });
  });

  it("an inactive household is not in the electorate", async () => {
    const w = await village();
    await t.db.household.update({ where: { id: w.hs[2]!.id }, data: { status: "INACTIVE" } });
    const id = await openMotion(w);
    expect((await written(id)).electors).toHaveLength(2);
    await expect(w.as(w.heads[2]!).motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({ message: expect.stringContaining("投票名单") });
  });

  it("another village's villager gets NOT_FOUND and nothing is written", async () => {
    const w = await village();
    const id = await openMotion(w);
    const other = await village();
    const before = await written(id);
    await expect(other.as(other.heads[0]!).motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.api.motion.close({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await written(id)).toEqual(before);
  });

  it("a vote after the closing time is refused in both languages, even before the job ran", async () => {
    const w = await village();
    const id = await openMotion(w);
    w.clock.set(new Date(w.clock.now().getTime() + 48 * HOUR));
    await expect(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({ message: expect.stringContaining("投票已经截止") });
    await expect(w.as(w.heads[0]!, "en").motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({ message: expect.stringContaining("Voting has closed") });
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(0);
  });

  it("a draft cannot be voted on", async () => {
    const w = await village();
    const { id } = await w.api.motion.create({ title: "草稿", question: "？", closesAt: new Date(w.clock.now().getTime() + HOUR) });
    await expect(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({ message: expect.stringContaining("不在投票时间内") });
  });
});

describe("closing", () => {
  it("the job run twice and concurrently closes once and posts one 结果公告 with turnout, rule and outcome", async () => {
    const w = await village();
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    await w.as(w.heads[1]!).motion.vote({ motionId: id, option: "同意" });
    // nothing is due yet
    expect(await closeDue({ db: t.db, now: w.clock.now })).toEqual({ closed: 0, failed: 0 });
    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    const deps = { db: t.db, now: w.clock.now };
    // other tests' motions share the database: every due motion closes exactly once across the runs
    const due = await t.db.motion.count({ where: { status: "OPEN", closesAt: { lte: w.clock.now() } } });
    const runs = await Promise.all([closeDue(deps), closeDue(deps), closeDue(deps)]);
    const again = await closeDue(deps);
    expect(runs.reduce((s, r) => s + r.closed, 0)).toBe(due);
    expect(again).toEqual({ closed: 0, failed: 0 });
    await expect(w.api.motion.close({ id })).resolves.toMatchObject({ id }); // the committee's late click changes nothing

    const notices = await t.db.notice.findMany({ where: { villageId: w.v.id, kind: "RESULT" }, select: { id: true, status: true, title: true, body: true } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.status).toBe("PUBLISHED");
    expect(notices[0]!.body).toContain("应参加：3 户；实际投票：2 户");
    expect(notices[0]!.body).toContain("同意：2 户");
    expect(notices[0]!.body).toContain("三分之二以上的户参加投票方为有效");
    expect(notices[0]!.body).toContain("**表决结果**：通过");
    const m = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ status: "CLOSED", resultNoticeId: notices[0]!.id });
    expect(m.result).toMatchObject({ electorate: 3, voted: 2, outcome: "PASSED", validityRule: { kind: "HOUSEHOLDS_TWO_THIRDS" } });
    // villagers find it on the board
    const board = await w.as(w.heads[2]!).notice.board();
    expect(board.items.map((n) => n.id)).toContain(notices[0]!.id);
  });

  it("closed early on a committee request a supervisor confirmed: later votes are refused, the job finds nothing to close, one notice", async () => {
    const w = await village();
    const supervisor = await makeActor(t.db, "SUPERVISOR", w.v.id);
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    await w.as(w.heads[1]!).motion.vote({ motionId: id, option: "同意" });
    const { requestId } = await w.api.motion.request({ id, kind: "EARLY_CLOSE", reason: "村民会议已当场表决" });
    const r = await w.as(supervisor).motion.confirmRequest({ requestId });
    expect(r).toMatchObject({ status: "CLOSED" });
    const m = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect(m.result).toMatchObject({ electorate: 3, voted: 2, valid: true, outcome: "PASSED" });
    await expect(w.as(w.heads[2]!).motion.vote({ motionId: id, option: "不同意" })).rejects.toMatchObject({ message: expect.stringContaining("投票已经截止") });
    // the first household's retry still gets its vote back
    await expect(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "不同意" })).resolves.toMatchObject({ first: false, option: "同意" });
    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    await closeDue({ db: t.db, now: w.clock.now });
    expect(await t.db.notice.count({ where: { villageId: w.v.id, kind: "RESULT" } })).toBe(1);
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(2);
  });

  it("one vote of three households is below two thirds: the result notice says invalid", async () => {
    const w = await village();
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    const r = await w.api.motion.close({ id });
    expect(r.result).toMatchObject({ voted: 1, valid: false, outcome: "INVALID" });
  });
});

describe("secret ballot", () => {
  it("records that a household voted apart from what it voted: nothing joins the two", async () => {
    const w = await village();
    const id = await openMotion(w, { secret: true });
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "不同意" });
    await w.as(w.heads[1]!).motion.vote({ motionId: id, option: "同意" });

    const ballots = await t.db.motionBallot.findMany({ where: { motionId: id } });
    expect(ballots).toHaveLength(2);
    for (const b of ballots) {
      expect(b.householdId).toBeNull();
      // a random id (not a time-ordered cuid), so the row's id says nothing about when it was cast
      expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // the ballot table has no column that could name the account or the time; the household (or a
    // body member's person) is set on open ballots only, null here
    const cols = await t.db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'MotionBallot' ORDER BY column_name`;
    expect(cols.map((c) => c.column_name).sort()).toEqual(["householdId", "householdMemberId", "id", "motionId", "option"]);
    for (const b of ballots) expect(b.householdMemberId).toBeNull();
    const electors = await t.db.motionElector.findMany({ where: { motionId: id, votedAt: { not: null } } });
    expect(electors).toHaveLength(2);
    for (const e of electors) expect(e.voterUserId).toBeNull();
    // no audit record carries a choice or names a voter
    const audit = await t.db.auditLog.findMany({ where: { entityId: id, action: { not: "motion.create" } } });
    expect(JSON.stringify(audit)).not.toMatch(/不同意/);
    expect(await t.db.auditLog.count({ where: { actorUserId: { in: [w.heads[0]!.userId, w.heads[1]!.userId] } } })).toBe(0);

    // the voter sees that they voted, not how; the committee sees turnout, not a running tally
    const mine = await w.as(w.heads[0]!).motion.board();
    expect(mine.items[0]).toMatchObject({ id, votedAt: expect.any(Date), myChoice: null, result: null });
    const again = await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    expect(again).toMatchObject({ first: false, option: null });
    const staff = await w.api.motion.list();
    const row = staff.items.find((m) => m.id === id)!;
    expect(row).toMatchObject({ electorate: 3, voted: 2, result: null });
    expect(row).not.toHaveProperty("counts");
    expect(JSON.stringify(row)).not.toMatch(/"count"/);

    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    const closed = await w.api.motion.close({ id });
    expect(closed.result).toMatchObject({ voted: 2, counts: [{ option: "同意", count: 1 }, { option: "不同意", count: 1 }, { option: "弃权", count: 0 }] });
  });
});

describe("bad input", () => {
  it("an option the motion does not have: translated error, nothing written", async () => {
    const w = await village();
    const id = await openMotion(w);
    const before = await written(id);
    await expect(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "随便" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("没有这个选项"),
    });
    await expect(w.as(w.heads[0]!, "en").motion.vote({ motionId: id, option: "maybe" })).rejects.toMatchObject({ message: expect.stringContaining("no such choice") });
    expect(await written(id)).toEqual(before);
  });

  it("a closing time in the past, duplicate options or an impossible rule: translated errors, no motion", async () => {
    const w = await village();
    const past = new Date(w.clock.now().getTime() - 1000);
    await expect(w.api.motion.create({ title: "过期", question: "？", closesAt: past })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("截止时间必须晚于现在"),
    });
    await expect(
      w.api.motion.create({ title: "重复", question: "？", options: ["张三", "张三"], closesAt: new Date(w.clock.now().getTime() + HOUR) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("重复的选项") });
    await expect(
      w.api.motion.create({ title: "规则", question: "？", decisionRule: { kind: "MOST_VOTES" }, closesAt: new Date(w.clock.now().getTime() + HOUR) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("决定规则不适用") });
    expect(await t.db.motion.count({ where: { villageId: w.v.id } })).toBe(0);
  });

  it("opening a draft whose closing time has passed is refused; opening twice is refused; nothing is frozen twice", async () => {
    const w = await village();
    const { id } = await w.api.motion.create({ title: "晚了", question: "？", closesAt: new Date(w.clock.now().getTime() + HOUR) });
    w.clock.set(new Date(w.clock.now().getTime() + 2 * HOUR));
    await expect(w.api.motion.open({ id })).rejects.toMatchObject({ message: expect.stringContaining("截止时间必须晚于现在") });
    expect(await t.db.motionElector.count({ where: { motionId: id } })).toBe(0);
    const id2 = await openMotion(w);
    await expect(w.api.motion.open({ id: id2 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.motionElector.count({ where: { motionId: id2 } })).toBe(3);
  });
});

describe("no one closes or cancels a vote alone", () => {
  async function withSupervisors() {
    const w = await village();
    const s1 = await makeActor(t.db, "SUPERVISOR", w.v.id);
    const s2 = await makeActor(t.db, "SUPERVISOR", w.v.id);
    return { ...w, s1, s2 };
  }

  it("before the closing time, with households still to vote, the committee alone is refused; nothing changes", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    await expect(w.api.motion.close({ id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("监督委员会") });
    await expect(w.as(w.committee, "en").motion.close({ id })).rejects.toMatchObject({ message: expect.stringContaining("supervisor") });
    expect(await t.db.motion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", result: null });
    expect(await t.db.notice.count({ where: { villageId: w.v.id, kind: "RESULT" } })).toBe(0);
  });

  it("every household voted: the committee closes alone before the closing time", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    for (const h of w.heads) await w.as(h).motion.vote({ motionId: id, option: "同意" });
    const r = await w.api.motion.close({ id });
    expect(r.result).toMatchObject({ electorate: 3, voted: 3, outcome: "PASSED", earlyClose: null });
  });

  it("request, then a supervisor confirms: closed, the notice says 提前结束 with both names and the reason; audited", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    await w.as(w.heads[1]!).motion.vote({ motionId: id, option: "同意" });
    const { requestId } = await w.api.motion.request({ id, kind: "EARLY_CLOSE", reason: "第三户外出务工，已书面弃权" });
    // one pending request per motion
    await expect(w.api.motion.request({ id, kind: "CANCEL", reason: "重复申请" })).rejects.toMatchObject({ code: "CONFLICT" });
    const pending = await w.as(w.s1).motion.requests();
    expect(pending).toEqual([expect.objectContaining({ id: requestId, kind: "EARLY_CLOSE", reason: "第三户外出务工，已书面弃权", mine: false })]);
    const r = await w.as(w.s1).motion.confirmRequest({ requestId });
    expect(r.status).toBe("CLOSED");
    const m = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ status: "CLOSED" });
    expect(m.result).toMatchObject({ voted: 2, earlyClose: { requestedById: w.committee.userId, confirmedById: w.s1.userId, reason: "第三户外出务工，已书面弃权" } });
    const notice = await t.db.noticeVersion.findFirstOrThrow({ where: { noticeId: m.resultNoticeId! }, select: { body: true } });
    const committeeName = (await t.db.user.findUniqueOrThrow({ where: { id: w.committee.userId } })).name;
    const supervisorName = (await t.db.user.findUniqueOrThrow({ where: { id: w.s1.userId } })).name;
    expect(notice.body).toContain("提前结束");
    expect(notice.body).toContain(committeeName);
    expect(notice.body).toContain(supervisorName);
    expect(notice.body).toContain("第三户外出务工");
    const req = await t.db.motionRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(req).toMatchObject({ status: "CONFIRMED", decidedById: w.s1.userId });
    const actions = (await t.db.auditLog.findMany({ where: { entityId: id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["motion.requestEarlyClose", "motion.confirmRequest", "motion.close"]));
    // deciding twice is refused
    await expect(w.as(w.s2).motion.confirmRequest({ requestId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the requester cannot confirm their own request (same person, as supervisor too); another committee member cannot withdraw it", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    // the database refuses one person being committee and supervisor in a village; the service refuses
    // the same person deciding their own request all the same (a supervisor session of the requester)
    const both = { ...w.s1, userId: w.committee.userId };
    const { requestId } = await w.api.motion.request({ id, kind: "EARLY_CLOSE", reason: "会议已决定" });
    await expect(w.as(both).motion.confirmRequest({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("自己提出的申请") });
    await expect(w.as(both).motion.refuseRequest({ requestId, note: "不同意提前" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await makeActor(t.db, "COMMITTEE", w.v.id);
    await expect(w.as(other).motion.withdrawRequest({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // a supervisor refuses with a note: the vote goes on
    await w.as(w.s2).motion.refuseRequest({ requestId, note: "还有两天，等各户投完" });
    expect(await t.db.motion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN" });
    expect(await t.db.motionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REFUSED", decisionNote: "还有两天，等各户投完" });
  });

  it("the requester withdraws: the supervisor can no longer confirm it", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    const { requestId } = await w.api.motion.request({ id, kind: "CANCEL", reason: "表决事项写错了" });
    await w.api.motion.withdrawRequest({ requestId });
    await expect(w.as(w.s1).motion.confirmRequest({ requestId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已经处理过") });
    expect(await t.db.motion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN" });
    expect(await w.as(w.s1).motion.requests()).toEqual([]);
  });

  it("a draft: the committee cancels it alone; an open vote: cancelling alone is refused", async () => {
    const w = await withSupervisors();
    const { id: draft } = await w.api.motion.create({ title: "草稿", question: "是否…？", closesAt: new Date(w.clock.now().getTime() + 48 * HOUR) });
    await expect(w.api.motion.cancel({ id: draft })).resolves.toMatchObject({ status: "CANCELLED" });
    await expect(w.api.motion.open({ id: draft })).rejects.toMatchObject({ code: "CONFLICT" });
    const open = await openMotion(w);
    await expect(w.api.motion.cancel({ id: open })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("取消须由您申请") });
    // the villagers never saw the draft
    const board = await w.as(w.heads[0]!).motion.board();
    expect(board.items.map((i) => i.id)).not.toContain(draft);
  });

  it("an open vote cancelled on request + confirmation: CANCELLED, notice 表决已取消 with the reason, nothing counted, the job skips it", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    await w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" });
    const { requestId } = await w.api.motion.request({ id, kind: "CANCEL", reason: "选项漏了“缓建”" });
    const r = await w.as(w.s1).motion.confirmRequest({ requestId });
    expect(r.status).toBe("CANCELLED");
    const m = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("CANCELLED");
    expect(m.result).not.toHaveProperty("counts");
    expect(m.result).not.toHaveProperty("outcome");
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: m.resultNoticeId! }, select: { title: true, kind: true, versions: { select: { body: true } } } });
    expect(notice.title).toContain("表决已取消");
    expect(notice.versions[0]!.body).toContain("选项漏了");
    expect(notice.versions[0]!.body).toContain("不计票");
    // villagers see it cancelled with the reason, and cannot vote
    const board = await w.as(w.heads[1]!).motion.board();
    expect(board.items.find((i) => i.id === id)).toMatchObject({ open: false, cancelled: true, cancelReason: "选项漏了“缓建”", result: null });
    await expect(w.as(w.heads[1]!).motion.vote({ motionId: id, option: "同意" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // the closing job skips it, even after its closing time
    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    await closeDue({ db: t.db, now: w.clock.now });
    expect(await t.db.motion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELLED" });
    expect(await t.db.notice.count({ where: { villageId: w.v.id, kind: "RESULT" } })).toBe(1);
    await expect(w.api.motion.close({ id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the job closing a vote lapses a pending request", async () => {
    const w = await withSupervisors();
    const id = await openMotion(w);
    const { requestId } = await w.api.motion.request({ id, kind: "EARLY_CLOSE", reason: "提前结束" });
    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    await closeDue({ db: t.db, now: w.clock.now });
    expect(await t.db.motionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "LAPSED" });
    await expect(w.as(w.s1).motion.confirmRequest({ requestId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("secret ballots rewritten at closing", () => {
  it("after closing, no ballot row shares xmin with any elector row, and the counts are unchanged", async () => {
    const w = await village();
    const id = await openMotion(w, { secret: true });
    const choices = ["同意", "不同意", "同意"];
    for (let i = 0; i < 3; i++) await w.as(w.heads[i]!).motion.vote({ motionId: id, option: choices[i]! });
    const xmins = async () => {
      const b = await t.db.$queryRaw<{ id: string; x: string }[]>`SELECT "id", xmin::text AS x FROM "MotionBallot" WHERE "motionId" = ${id}`;
      const e = await t.db.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM "MotionElector" WHERE "motionId" = ${id}`;
      return { ballots: b, electors: new Set(e.map((r) => r.x)) };
    };
    // while open, each ballot was written by its vote's transaction, as the elector's mark was (the documented window)
    const before = await xmins();
    expect(before.ballots.filter((b) => before.electors.has(b.x))).toHaveLength(3);
    const closed = await w.api.motion.close({ id });
    const after = await xmins();
    expect(after.ballots).toHaveLength(3);
    expect(after.ballots.filter((b) => after.electors.has(b.x))).toEqual([]);
    // new rows with new ids
    expect(after.ballots.map((b) => b.id).filter((x) => before.ballots.some((o) => o.id === x))).toEqual([]);
    expect(closed.result).toMatchObject({ counts: [{ option: "同意", count: 2 }, { option: "不同意", count: 1 }, { option: "弃权", count: 0 }] });
  });
});
