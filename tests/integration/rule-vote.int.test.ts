/**
 * Rule books adopted by vote: a village-wide yes/no motion names a proposed draft; closing it PASSED
 * adopts the book citing the motion (no countersign), in the closing transaction and once however
 * many closers race; a rejected vote leaves the book a proposed draft; another village's book, a book
 * not put forward, a second live motion for a book and a vote that is not a village-wide yes/no one
 * are refused with translated messages and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDue } from "@/server/modules/council/motion.service";
import { ruleBookInfo } from "@/server/modules/rules/rule.read";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";
import { approvedAward, makeClock, makeVillagerOf, pointsVillage } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = 60 * 60 * 1000;

/** A village with a committee, three households with a villager each, and a draft book put forward. */
async function village(propose = true) {
  const clock = makeClock(new Date("2027-01-13T02:00:00Z"));
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const hs = [await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id)];
  const heads = [];
  for (const h of hs) heads.push(await makeVillagerOf(t.db, v.id, h.id));
  const as = (a: Awaited<ReturnType<typeof makeActor>>, locale: "zh" | "en" = "zh") => callerFor(t.db, a, { now: clock.now, locale });
  const api = as(committee);
  const draft = await api.rule.createDraft({ title: "《测试村村规民约》（2027年版）", fromAdopted: false });
  await api.rule.saveRule({ ruleBookId: draft.id, code: "E01", category: "PUBLIC_GOOD", title: "参加志愿服务活动", points: 5 });
  if (propose) await api.rule.adopt({ id: draft.id, adoptedBy: "提请村民会议表决" });
  return { v, clock, committee, api, hs, heads, as, bookId: draft.id };
}
type V = Awaited<ReturnType<typeof village>>;

function bookMotion(w: V, extra: Record<string, unknown> = {}) {
  return w.api.motion.create({
    title: "表决村规民约",
    question: "是否同意通过《测试村村规民约》（2027年版）？",
    closesAt: new Date(w.clock.now().getTime() + 48 * HOUR),
    ruleBookId: w.bookId,
    ...extra,
  });
}

/** Opens a motion on the book, casts the three households' votes, and moves the clock past closing. */
async function voted(w: V, votes: string[]) {
  const { id } = await bookMotion(w);
  await w.api.motion.open({ id });
  for (let i = 0; i < votes.length; i++) await w.as(w.heads[i]!).motion.vote({ motionId: id, option: votes[i]! });
  w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
  return id;
}

const book = (id: string) => t.db.ruleBook.findUniqueOrThrow({ where: { id } });

describe("a passed vote adopts the book, citing the motion", () => {
  it("closing PASSED puts the book in force with no countersign, retires the old one, and the villager sees the vote", async () => {
    const w = await village();
    // a book already in force (adopted the old way) that the vote replaces
    const old = await t.db.ruleBook.create({
      data: { villageId: w.v.id, version: 99, title: "旧细则", status: "ADOPTED", createdById: w.committee.userId, adoptedAt: new Date("2026-01-01") },
    });
    const id = await voted(w, ["同意", "同意", "不同意"]);
    expect(await closeDue({ db: t.db, now: w.clock.now })).toMatchObject({ failed: 0 });
    const motion = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect(motion.result).toMatchObject({ outcome: "PASSED", ruleBook: { id: w.bookId, adoption: "ADOPTED" } });
    const b = await book(w.bookId);
    expect(b).toMatchObject({ status: "ADOPTED", adoptedByMotionId: id, countersignedById: null });
    expect(b.adoptedAt).toEqual(motion.closedAt);
    // the 结果公告 says the book is in force
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: motion.resultNoticeId! } });
    expect(notice.body).toContain("《测试村村规民约》（2027年版）（第1版）经本次表决通过，即日起施行");
    expect((await book(old.id)).status).toBe("RETIRED");
    // awards can now cite its items
    const adopted = await w.as(w.heads[0]!).rule.adopted();
    expect(adopted.book).toMatchObject({ id: w.bookId, vote: { motionId: id, yes: 2, voted: 3, electorate: 3 } });
    // the villager's list of votes says the vote adopted the book
    const board = await w.as(w.heads[0]!).motion.board();
    expect(board.items.find((i) => i.id === id)?.ruleBook).toMatchObject({ id: w.bookId, state: "ADOPTED" });
    // the committee's page of the book shows it too
    expect((await w.api.rule.book({ id: w.bookId })).vote).toMatchObject({ motionId: id, yes: 2, voted: 3 });
    // the award trail reads the same record
    expect((await ruleBookInfo(t.db, w.v.id, w.bookId))?.vote).toMatchObject({ motionId: id, yes: 2, voted: 3 });
    // and the book's adoption was audited once, citing the motion
    const audits = await t.db.auditLog.findMany({ where: { entity: "RuleBook", entityId: w.bookId, action: "rule.adopt" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ adoptedByMotionId: id });
  });

  it("closing twice (racing jobs and the committee's late click) adopts once", async () => {
    const w = await village();
    const id = await voted(w, ["同意", "同意", "同意"]);
    const deps = { db: t.db, now: w.clock.now };
    await Promise.all([closeDue(deps), closeDue(deps), w.api.motion.close({ id })]);
    await w.api.motion.close({ id });
    await closeDue(deps);
    expect(await book(w.bookId)).toMatchObject({ status: "ADOPTED", adoptedByMotionId: id });
    expect(await t.db.auditLog.count({ where: { entity: "RuleBook", entityId: w.bookId, action: "rule.adopt" } })).toBe(1);
    expect(await t.db.notice.count({ where: { villageId: w.v.id, kind: "RESULT" } })).toBe(1);
  });
});

describe("a failed vote leaves the book a draft", () => {
  it("a rejected vote: the book stays a proposed draft, nothing in force, and a new vote may be opened", async () => {
    const w = await village();
    const id = await voted(w, ["同意", "不同意", "不同意"]);
    await closeDue({ db: t.db, now: w.clock.now });
    expect((await t.db.motion.findUniqueOrThrow({ where: { id } })).result).toMatchObject({ outcome: "REJECTED", ruleBook: { adoption: "NOT_PASSED" } });
    const closed = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect((await t.db.notice.findUniqueOrThrow({ where: { id: closed.resultNoticeId! } })).body).toContain("未获通过，仍为草案");
    const b = await book(w.bookId);
    expect(b.status).toBe("DRAFT");
    expect(b.adoptedByMotionId).toBeNull();
    expect(b.proposedAt).not.toBeNull();
    expect((await w.as(w.heads[0]!).rule.adopted()).book).toBeNull();
    expect((await w.api.motion.list()).items.find((i) => i.id === id)?.ruleBook).toMatchObject({ id: w.bookId, state: "NOT_ADOPTED" });
    await expect(bookMotion(w, { closesAt: new Date(w.clock.now().getTime() + 48 * HOUR) })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("an invalid vote (one household of three voted) leaves it a draft too", async () => {
    const w = await village();
    await voted(w, ["同意"]);
    await closeDue({ db: t.db, now: w.clock.now });
    expect((await book(w.bookId)).status).toBe("DRAFT");
  });
});

describe("refusals write nothing", () => {
  it("another village's book, or a draft not put forward, is refused (zh and en)", async () => {
    const w = await village();
    const other = await village();
    const before = await t.db.motion.count();
    await expect(bookMotion(w, { ruleBookId: other.bookId })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("本村已提请通过的草案") });
    const unproposed = await village(false);
    await expect(
      unproposed.as(unproposed.committee, "en").motion.create({ title: "x", question: "y", closesAt: new Date(w.clock.now().getTime() + HOUR), ruleBookId: unproposed.bookId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("put forward for adoption") });
    expect(await t.db.motion.count()).toBe(before);
  });

  it("a second live motion for the same book is refused, also when two are created at once", async () => {
    const w = await village();
    const results = await Promise.allSettled([bookMotion(w), bookMotion(w)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: expect.stringContaining("已有一项表决") } });
    const [first] = await t.db.motion.findMany({ where: { ruleBookId: w.bookId } });
    await w.api.motion.open({ id: first!.id });
    await expect(bookMotion(w)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.motion.count({ where: { ruleBookId: w.bookId } })).toBe(1);
  });

  it("only a village-wide yes/no vote with a 村民会议 turnout may adopt a book", async () => {
    const w = await village();
    const msg = { code: "BAD_REQUEST", message: expect.stringContaining("村民代表会议不能通过") };
    await expect(bookMotion(w, { options: ["甲", "乙"], decisionRule: { kind: "MOST_VOTES" } })).rejects.toMatchObject(msg);
    await expect(bookMotion(w, { validityRule: { kind: "ANY_TURNOUT" } })).rejects.toMatchObject(msg);
    expect(await t.db.motion.count({ where: { ruleBookId: w.bookId } })).toBe(0);
  });
});

describe("the countersign waits for the vote", () => {
  it("a supervisor cannot countersign or send back a book while a vote on it is open; after a rejected vote the countersign is again the way", async () => {
    const w = await village();
    const supervisor = await makeActor(t.db, "SUPERVISOR", w.v.id);
    const { id } = await bookMotion(w);
    await w.api.motion.open({ id });
    const sApi = w.as(supervisor);
    await expect(sApi.rule.countersign({ id: w.bookId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("正在表决这本细则") });
    expect((await w.api.motion.list()).items.find((i) => i.id === id)?.ruleBook).toMatchObject({ state: "PENDING" });
    await expect(sApi.rule.refuse({ id: w.bookId, reason: "条款有误，请修改" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await book(w.bookId)).toMatchObject({ status: "DRAFT", countersignedById: null, refusedAt: null });
    for (let i = 0; i < 3; i++) await w.as(w.heads[i]!).motion.vote({ motionId: id, option: "不同意" });
    await w.api.motion.close({ id });
    await expect(sApi.rule.countersign({ id: w.bookId })).resolves.toMatchObject({ id: w.bookId });
    expect(await book(w.bookId)).toMatchObject({ status: "ADOPTED", countersignedById: supervisor.userId, adoptedByMotionId: null });
  });

  it("a motion still a draft does not hold the book: the countersign goes through and opening the motion is then refused", async () => {
    const w = await village();
    const supervisor = await makeActor(t.db, "SUPERVISOR", w.v.id);
    const { id } = await bookMotion(w);
    await w.as(supervisor).rule.countersign({ id: w.bookId });
    await expect(w.api.motion.open({ id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("本村已提请通过的草案") });
    expect((await t.db.motion.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    expect(await t.db.motionElector.count({ where: { motionId: id } })).toBe(0);
  });
});

describe("every award cites the vote", () => {
  it("an award on an item of the voted book shows 经村民会议表决通过 with the stored counts on the villager's trail", async () => {
    const s = await pointsVillage(t.db);
    const clock = makeClock(new Date(Date.now() + 60_000));
    const api = callerFor(t.db, s.committee, { now: clock.now });
    const draft = await api.rule.createDraft({ title: "《测试村积分细则》（修订）", fromAdopted: true });
    await api.rule.adopt({ id: draft.id, adoptedBy: "提请村民会议表决" });
    const { id } = await api.motion.create({ title: "表决细则", question: "是否同意？", closesAt: new Date(clock.now().getTime() + HOUR), ruleBookId: draft.id });
    await api.motion.open({ id });
    await callerFor(t.db, s.villager, { now: clock.now }).motion.vote({ motionId: id, option: "同意" });
    await callerFor(t.db, s.neighbour, { now: clock.now }).motion.vote({ motionId: id, option: "同意" });
    clock.set(new Date(clock.now().getTime() + 2 * HOUR));
    await closeDue({ db: t.db, now: clock.now });
    expect((await t.db.motion.findUniqueOrThrow({ where: { id } })).result).toMatchObject({ outcome: "PASSED", ruleBook: { adoption: "ADOPTED" } });
    expect(await book(draft.id)).toMatchObject({ status: "ADOPTED", adoptedByMotionId: id });
    const g01 = await t.db.rule.findFirstOrThrow({ where: { ruleBookId: draft.id, code: "G01" } });
    const awardId = await approvedAward(t.db, s, { householdId: s.h1.id, ruleId: g01.id }, { now: clock.now });
    const trail = await callerFor(t.db, s.villager, { now: clock.now }).points.trail({ awardId });
    expect(trail.ruleBook).toMatchObject({ id: draft.id, vote: { motionId: id, yes: 2, voted: 2, electorate: 2 } });
  });
});

describe("a passed vote that cannot bring the book into force says so", () => {
  it("maxRulePoints lowered while the vote was open: the notice and the villager say it passed but could not come into force, not 未获通过", async () => {
    const w = await village();
    const id = await voted(w, ["同意", "同意", "同意"]);
    // the village's limit is lowered below the book's 5-point item during the vote
    await t.db.region.update({ where: { id: w.v.id }, data: { maxRulePoints: 3 } });
    await w.api.motion.close({ id });
    const m = await t.db.motion.findUniqueOrThrow({ where: { id } });
    expect(m.result).toMatchObject({ outcome: "PASSED", ruleBook: { adoption: "POINTS_TOO_HIGH" } });
    const body = (await t.db.noticeVersion.findFirstOrThrow({ where: { noticeId: m.resultNoticeId! }, select: { body: true } })).body;
    expect(body).toContain("本次表决通过，但");
    expect(body).toContain("未能施行");
    expect(body).toContain("3 分");
    expect(body).not.toContain("未获通过");
    expect(await book(w.bookId)).toMatchObject({ status: "DRAFT" });
    const board = await w.as(w.heads[0]!).motion.board();
    expect(board.items.find((i) => i.id === id)?.ruleBook).toMatchObject({ state: "PASSED_NOT_IN_FORCE", blocked: "POINTS_TOO_HIGH" });
  });

  it("a cancelled vote on a book: the book is a proposed draft again and a supervisor may countersign it", async () => {
    const w = await village();
    const supervisor = await makeActor(t.db, "SUPERVISOR", w.v.id);
    const { id } = await bookMotion(w);
    await w.api.motion.open({ id });
    const { requestId } = await w.api.motion.request({ id, kind: "CANCEL", reason: "细则需先经村民代表会议讨论" });
    await w.as(supervisor).motion.confirmRequest({ requestId });
    expect((await w.api.motion.list()).items.find((i) => i.id === id)?.ruleBook).toMatchObject({ state: "CANCELLED" });
    await expect(w.as(supervisor).rule.countersign({ id: w.bookId })).resolves.toMatchObject({ id: w.bookId });
    expect(await book(w.bookId)).toMatchObject({ status: "ADOPTED", adoptedByMotionId: null });
  });
});
