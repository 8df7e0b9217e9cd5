/**
 * 村民说事 against a real database: supports once per household (30 at once → one row, every call
 * gets the first), ratings once per household, the anonymous raiser, grid workers' proxy, the
 * overdue edge on an injected clock, decline reasons, bad photos, and another village's committee.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
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

const DAY = 24 * 3600_000;

async function village(opts: { threshold?: number; days?: number } = {}) {
  const v = await makeVillage(t.db);
  await t.db.region.update({ where: { id: v.id }, data: { matterSupportThreshold: opts.threshold ?? 2, matterAnswerDays: opts.days ?? 3 }, select: { id: true } });
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const gw = await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
  const people: { householdId: string; actor: Actor }[] = [];
  for (const name of ["王建国", "李秀兰", "张德明", "刘桂芳"]) {
    const h = await makeHousehold(t.db, v.id, { gridId: v.gridId, headName: name });
    people.push({ householdId: h.id, actor: await makeVillagerOf(t.db, v.id, h.id) });
  }
  return { v, committee, gw, people };
}

const raiseInput = { title: "村东头路灯坏了", body: "村东头到小学的三盏路灯坏了一个多月，晚上孩子放学看不清路。", category: "ROADS" as const };

describe("村民说事 (matters)", () => {
  it("30 concurrent supports from one household write one row, count once, and all return the first support", async () => {
    const s = await village();
    const { id } = await callerFor(t.db, s.people[0]!.actor).matter.raise(raiseInput);
    const api = callerFor(t.db, s.people[1]!.actor);
    const results = await Promise.all(Array.from({ length: 30 }, () => api.matter.support({ matterId: id })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.createdAt.getTime())).size).toBe(1);
    expect(await t.db.matterSupport.count({ where: { matterId: id } })).toBe(1);
    const detail = await api.matter.get({ id });
    expect(detail.supportCount).toBe(1);
    expect(detail.mySupport).not.toBeNull();
    // the raising household cannot support its own matter
    await expect(callerFor(t.db, s.people[0]!.actor).matter.support({ matterId: id })).rejects.toMatchObject({ message: "这是您家提的事，不用再支持。" });
  });

  it("a rating is once per household, even when sent concurrently; only raiser and supporters rate, and only when done", async () => {
    const s = await village();
    const { id } = await callerFor(t.db, s.people[0]!.actor).matter.raise(raiseInput);
    const supporter = callerFor(t.db, s.people[1]!.actor);
    await supporter.matter.support({ matterId: id });
    await expect(supporter.matter.rate({ matterId: id, rating: "SATISFIED" })).rejects.toMatchObject({ code: "CONFLICT" });
    const c = callerFor(t.db, s.committee);
    await c.matter.answer({ id, answer: "已报镇供电所，本周内修好。" });
    await c.matter.complete({ id, outcome: "12月5日三盏路灯已全部换新。" });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => supporter.matter.rate({ matterId: id, rating: i % 2 ? "BASIC" : "SATISFIED" })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ message: "本户已经评价过这件事，每户只能评价一次。" });
    expect(await t.db.matterRating.count({ where: { matterId: id } })).toBe(1);
    await expect(callerFor(t.db, s.people[2]!.actor).matter.rate({ matterId: id, rating: "UNSATISFIED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerFor(t.db, s.people[0]!.actor).matter.rate({ matterId: id, rating: "BASIC" })).rating).toBe("BASIC");
    const d = await supporter.matter.get({ id });
    expect(d.ratings.SATISFIED + d.ratings.BASIC).toBe(2);
    expect(d.outcome).toBe("12月5日三盏路灯已全部换新。");
  });

  it("an anonymous raiser is hidden from other villagers and grid-less lists, but the committee sees the name", async () => {
    const s = await village();
    const { id } = await callerFor(t.db, s.people[0]!.actor).matter.raise({ ...raiseInput, title: "邻居占道堆柴", category: "NEIGHBOURS", anonymous: true });
    const other = await callerFor(t.db, s.people[1]!.actor).matter.get({ id });
    expect(other.raiserName).toBeNull();
    expect(JSON.stringify(other)).not.toContain("王建国");
    const board = await callerFor(t.db, s.people[1]!.actor).matter.board();
    expect(JSON.stringify(board.items.find((i) => i.id === id))).not.toContain("王建国");
    expect((await callerFor(t.db, s.committee).matter.get({ id })).raiserName).toBe("王建国");
    expect((await callerFor(t.db, s.committee).matter.queue()).items.find((i) => i.id === id)?.raiserName).toBe("王建国");
    expect((await callerFor(t.db, s.people[0]!.actor).matter.get({ id })).raiserName).toBe("王建国");
  });

  it("a grid worker raises and supports for households of their grid, recorded and shown as proxy; outside the grid is refused", async () => {
    const s = await village();
    const gw = callerFor(t.db, s.gw);
    const { id } = await gw.matter.raise({ ...raiseInput, householdId: s.people[0]!.householdId, title: "自来水管漏水" , category: "WATER" });
    const row = await t.db.matter.findUniqueOrThrow({ where: { id }, select: { householdId: true, proxyUserId: true, raisedById: true, gridId: true } });
    expect(row).toEqual({ householdId: s.people[0]!.householdId, proxyUserId: s.gw.userId, raisedById: s.gw.userId, gridId: s.v.gridId });
    await gw.matter.support({ matterId: id, householdId: s.people[1]!.householdId });
    expect(await t.db.matterSupport.findFirst({ where: { matterId: id }, select: { householdId: true, proxyUserId: true } })).toEqual({
      householdId: s.people[1]!.householdId,
      proxyUserId: s.gw.userId,
    });
    expect((await callerFor(t.db, s.people[0]!.actor).matter.get({ id })).proxyName).toBe(s.gw.name);
    expect((await callerFor(t.db, s.people[1]!.actor).matter.get({ id })).mySupport?.proxyName).toBe(s.gw.name);
    expect((await gw.matter.board()).items.map((i) => i.id)).toContain(id);

    const otherGrid = await t.db.grid.create({ data: { villageId: s.v.id, name: "第二网格" }, select: { id: true } });
    const far = await makeHousehold(t.db, s.v.id, { gridId: otherGrid.id });
    const before = await t.db.matter.count({ where: { villageId: s.v.id } });
    await expect(gw.matter.raise({ ...raiseInput, householdId: far.id })).rejects.toMatchObject({ message: "这户不在您负责的网格内（或已注销），不能代办。" });
    await expect(gw.matter.support({ matterId: id, householdId: far.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.matter.count({ where: { villageId: s.v.id } })).toBe(before);
    expect(await t.db.matterSupport.count({ where: { matterId: id } })).toBe(1);
  });

  it("a matter with enough supports is overdue only after the answer days have passed, to the millisecond", async () => {
    const s = await village({ threshold: 2, days: 3 });
    const t0 = new Date("2026-12-01T02:00:00Z");
    const { id } = await callerFor(t.db, s.people[0]!.actor, { now: () => t0 }).matter.raise(raiseInput);
    await callerFor(t.db, s.people[1]!.actor, { now: () => new Date(t0.getTime() + 1000) }).matter.support({ matterId: id });
    const reached = new Date(t0.getTime() + 3600_000);
    await callerFor(t.db, s.people[2]!.actor, { now: () => reached }).matter.support({ matterId: id });
    const at = (ms: number) => callerFor(t.db, s.committee, { now: () => new Date(ms) }).matter.queue();
    const due = reached.getTime() + 3 * DAY;
    const onTime = await at(due);
    expect(onTime.overdue).toBe(0);
    expect(onTime.items.find((i) => i.id === id)).toMatchObject({ overdue: false, dueAt: new Date(due) });
    const late = await at(due + 1);
    expect(late.overdue).toBe(1);
    expect(late.items[0]).toMatchObject({ id, overdue: true });
    const town = await makeActor(t.db, "TOWN_ADMIN", s.v.townId);
    expect(await callerFor(t.db, town, { now: () => new Date(due + 1) }).matter.village({ villageId: s.v.id })).toMatchObject({ open: 1, overdue: 1 });
    // answering takes it out of overdue
    await callerFor(t.db, s.committee, { now: () => new Date(due + 2) }).matter.answer({ id, answer: "已安排维修。" });
    expect((await at(due + 3)).overdue).toBe(0);
  });

  it("declining needs a reason; answering, declining and putting on an agenda notify the households in the same step", async () => {
    const s = await village();
    const api = callerFor(t.db, s.people[0]!.actor);
    const a = await api.matter.raise(raiseInput);
    await callerFor(t.db, s.people[1]!.actor).matter.support({ matterId: a.id });
    const c = callerFor(t.db, s.committee);
    await expect(c.matter.decline({ id: a.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await t.db.matter.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).status).toBe("OPEN");
    await c.matter.decline({ id: a.id, reason: "这段路属于县道，已转交县交通局。" });
    const notes = await t.db.notification.findMany({ where: { kind: "matter.declined", householdId: { in: [s.people[0]!.householdId, s.people[1]!.householdId] } }, select: { householdId: true } });
    expect(notes).toHaveLength(2);
    expect((await api.matter.get({ id: a.id })).declineReason).toBe("这段路属于县道，已转交县交通局。");
    await expect(c.matter.answer({ id: a.id, answer: "再答一次" })).rejects.toMatchObject({ code: "CONFLICT" });

    const body = await t.db.body.create({ data: { villageId: s.v.id, kind: "REPRESENTATIVES", name: "村民代表会议", createdById: s.committee.userId }, select: { id: true } });
    const meeting = await t.db.meeting.create({
      data: { villageId: s.v.id, bodyId: body.id, title: "十二月村民代表会议", startsAt: new Date(Date.now() + 5 * DAY), place: "村委会议室", secret: "matter-test-meeting-secret", createdById: s.committee.userId },
      select: { id: true },
    });
    const b = await api.matter.raise({ ...raiseInput, title: "垃圾清运不及时", category: "ENVIRONMENT" });
    await c.matter.agenda({ id: b.id, meetingId: meeting.id });
    expect((await api.matter.get({ id: b.id })).meeting?.title).toBe("十二月村民代表会议");
    expect(await t.db.notification.count({ where: { kind: "matter.onAgenda", householdId: s.people[0]!.householdId } })).toBe(1);
    await expect(c.matter.complete({ id: b.id, outcome: "已增加清运次数" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await c.matter.complete({ id: b.id, decision: "每周清运两次", outcome: "已与保洁公司签约，周二周五清运。" });
    expect(await t.db.notification.count({ where: { kind: "matter.done", householdId: s.people[0]!.householdId } })).toBe(1);
  });

  it("bad photos are refused with a translated message and nothing written; good ones are re-encoded", async () => {
    const s = await village();
    const api = callerFor(t.db, s.people[0]!.actor);
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#fff" } }).png().toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } }).greyscale().png({ compressionLevel: 9 }).toBuffer();
    const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const cases: [Buffer, string][] = [
      [svg, "上传的文件不是图片"],
      [Buffer.concat([png.subarray(0, 8), Buffer.from("not really a picture")]), "上传的文件不是图片"],
      [bomb, "照片的像素太多了"],
      [big, "照片太大了"],
    ];
    for (const [bytes, msg] of cases) {
      await expect(api.matter.raise({ ...raiseInput, photos: [png.toString("base64"), bytes.toString("base64")] })).rejects.toMatchObject({ message: expect.stringContaining(msg) });
    }
    await expect(api.matter.raise({ ...raiseInput, title: "太".repeat(41) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.matter.count({ where: { villageId: s.v.id } })).toBe(0);
    expect(await t.db.matterPhoto.count({ where: { villageId: s.v.id } })).toBe(0);
    const ok = await api.matter.raise({ ...raiseInput, photos: [png.toString("base64")] });
    const photos = await t.db.matterPhoto.findMany({ where: { matterId: ok.id }, select: { type: true } });
    expect(photos).toEqual([{ type: "image/webp" }]);
  });

  it("another village's committee cannot see or answer a matter (NOT_FOUND) and nothing changes", async () => {
    const s = await village();
    const other = await makeVillage(t.db);
    const otherCommittee = await makeActor(t.db, "COMMITTEE", other.id);
    const { id } = await callerFor(t.db, s.people[0]!.actor).matter.raise(raiseInput);
    const c = callerFor(t.db, otherCommittee);
    await expect(c.matter.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.matter.answer({ id, answer: "越村答复" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.matter.decline({ id, reason: "越村拒绝" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await c.matter.queue()).items.map((i) => i.id)).not.toContain(id);
    expect((await t.db.matter.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("OPEN");
  });
});
