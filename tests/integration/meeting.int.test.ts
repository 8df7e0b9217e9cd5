/**
 * A body's meetings: the committee schedules one (posting a 会议通知), marks the members present,
 * and publishes the minutes as a 会议纪要 with 应到 / 实到 and whether the meeting was valid under the
 * body's rule; a non-member's attendance, a second minutes, another village and bad input are refused
 * with a translated message and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { villageDay } from "@/server/lib/village-time.schema";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);

async function person(householdId: string, name: string) {
  return (await t.db.householdMember.create({ data: { householdId, name, relation: "CHILD" }, select: { id: true } })).id;
}

/** A village with a committee and a body of `kind` whose `n` members serve now; plus one past and one future member. */
async function village(kind: "DELIBERATION" | "REPRESENTATIVES", n: number) {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const api = callerFor(t.db, committee);
  const { id: bodyId } = await api.body.create({ kind, name: kind === "REPRESENTATIVES" ? "村民代表会议" : "村民议事会" });
  const members: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = await makeHousehold(t.db, v.id);
    const p = await person(h.id, `成员${i + 1}`);
    await api.body.addMember({ bodyId, personId: p, role: i === 0 ? "CHAIR" : "MEMBER", termStart: "2026-01-01" });
    members.push(p);
  }
  const h = await makeHousehold(t.db, v.id);
  // a term that ends before the meeting's day and one that starts after it: neither is expected
  const past = await person(h.id, "往届成员");
  await api.body.addMember({ bodyId, personId: past, role: "MEMBER", termStart: "2026-01-01", termEnd: villageDay(new Date()) });
  const future = await person(h.id, "下届成员");
  await api.body.addMember({ bodyId, personId: future, role: "MEMBER", termStart: villageDay(inDays(30)) });
  const outsider = await person(h.id, "村民甲");
  return { v, committee, api, bodyId, members, past, future, outsider };
}

async function written(villageId: string) {
  return {
    meetings: await t.db.meeting.findMany({ where: { villageId }, orderBy: { id: "asc" } }),
    attendance: await t.db.meetingAttendance.count({ where: { villageId } }),
    notices: await t.db.notice.count({ where: { villageId } }),
  };
}

describe("meetings of a body", () => {
  it("schedules with a 会议通知, counts 应到 from terms on the day, marks attendance and publishes valid minutes once", async () => {
    const { v, api, bodyId, members, committee } = await village("DELIBERATION", 3);
    const startsAt = inDays(3);
    const m = await api.meeting.schedule({ bodyId, title: "议定村道修缮", startsAt, place: "村委会议室", agenda: ["村道修缮方案", "红白事简办"], postNotice: true });
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: m.noticeId! } });
    expect(notice).toMatchObject({ villageId: v.id, kind: "MEETING", status: "PUBLISHED", title: "会议通知：议定村道修缮" });
    expect(notice.body).toContain("村民议事会");
    expect(notice.body).toContain("1. 村道修缮方案");
    expect(await t.db.auditLog.count({ where: { regionId: v.id, action: "meeting.schedule", entityId: m.id } })).toBe(1);

    let item = (await api.meeting.list()).items.find((x) => x.id === m.id)!;
    expect(item).toMatchObject({ status: "SCHEDULED", expected: 3, present: 0, valid: false, rule: "MORE_THAN_HALF", });
    expect(item.agenda.map((a) => a.text)).toEqual(["村道修缮方案", "红白事简办"]);
    expect(item.members.map((x) => x.name)).toEqual(["成员1", "成员2", "成员3"]);

    await api.meeting.attend({ meetingId: m.id, personId: members[0]!, channel: "SECRETARY" });
    await api.meeting.attend({ meetingId: m.id, personId: members[1]!, channel: "CARD" });
    // the same person twice: refused, one row
    await expect(api.meeting.attend({ meetingId: m.id, personId: members[1]!, channel: "SECRETARY" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("已经登记到会"),
    });
    item = (await api.meeting.list()).items.find((x) => x.id === m.id)!;
    expect(item).toMatchObject({ expected: 3, present: 2, valid: true });
    expect(item.members.map((x) => [x.name, x.present, x.channel])).toEqual([
      ["成员1", true, "SECRETARY"],
      ["成员2", true, "CARD"],
      ["成员3", false, null],
    ]);

    const held = await api.meeting.minutes({ id: m.id, minutes: "会议一致同意村道修缮方案。" });
    expect(held).toMatchObject({ expected: 3, present: 2, valid: true });
    const minutes = await t.db.notice.findUniqueOrThrow({ where: { id: held.minutesNoticeId } });
    expect(minutes).toMatchObject({ kind: "MINUTES", status: "PUBLISHED", title: "会议纪要：议定村道修缮" });
    expect(minutes.body).toContain("应到 3 人，实到 2 人");
    expect(minutes.body).toContain("本次会议有效");
    expect(minutes.body).toContain("会议一致同意村道修缮方案。");
    expect(await t.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "HELD", expected: 3, present: 2, valid: true, minutesNoticeId: minutes.id });

    // villagers read the minutes on the board
    const villager = await makeActor(t.db, "VILLAGER", v.id);
    const board = await callerFor(t.db, villager).notice.board();
    expect(JSON.stringify(board)).toContain("会议纪要：议定村道修缮");

    // once held: no second minutes, no more attendance; nothing written
    const before = await written(v.id);
    await expect(api.meeting.minutes({ id: m.id, minutes: "再发一次" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("会议纪要已经发布") });
    await expect(api.meeting.attend({ meetingId: m.id, personId: members[2]!, channel: "SECRETARY" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(t.db, committee, { locale: "en" }).meeting.minutes({ id: m.id, minutes: "again" })).rejects.toMatchObject({
      message: expect.stringContaining("already published"),
    });
    expect(await written(v.id)).toEqual(before);
  });

  it("refuses a non-member's attendance (someone of the village, a past and a future member) in zh and en, writing nothing", async () => {
    const { v, api, committee, bodyId, past, future, outsider } = await village("DELIBERATION", 2);
    const m = await api.meeting.schedule({ bodyId, title: "例会", startsAt: inDays(3), place: "祠堂", agenda: ["议事"] });
    expect(m.noticeId).toBeNull();
    const before = await written(v.id);
    for (const personId of [outsider, past, future]) {
      await expect(api.meeting.attend({ meetingId: m.id, personId, channel: "SECRETARY" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("不是该组织的在任成员"),
      });
    }
    await expect(callerFor(t.db, committee, { locale: "en" }).meeting.attend({ meetingId: m.id, personId: outsider, channel: "CARD" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a current member of the body"),
    });
    expect(await written(v.id)).toEqual(before);
    expect(before.attendance).toBe(0);
  });

  it("a 村民代表会议 needs two thirds: 2 of 3 is valid, and 1 of 3 gives minutes that say it was not", async () => {
    const { api, bodyId, members } = await village("REPRESENTATIVES", 3);
    const a = await api.meeting.schedule({ bodyId, title: "代表会议一", startsAt: inDays(3), place: "村委会", agenda: ["审议"] });
    await api.meeting.attend({ meetingId: a.id, personId: members[0]!, channel: "SECRETARY" });
    await api.meeting.attend({ meetingId: a.id, personId: members[1]!, channel: "SECRETARY" });
    expect((await api.meeting.list()).items.find((x) => x.id === a.id)).toMatchObject({ rule: "TWO_THIRDS", expected: 3, present: 2, valid: true });

    const b = await api.meeting.schedule({ bodyId, title: "代表会议二", startsAt: inDays(4), place: "村委会", agenda: ["审议"] });
    await api.meeting.attend({ meetingId: b.id, personId: members[0]!, channel: "CARD" });
    const held = await api.meeting.minutes({ id: b.id, minutes: "到会人数不足，改期再议。" });
    expect(held).toMatchObject({ expected: 3, present: 1, valid: false });
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: held.minutesNoticeId } });
    expect(notice.body).toContain("三分之二以上");
    expect(notice.body).toContain("无效");
  });

  it("exactly half of a 村民议事会 is not valid", async () => {
    const { api, bodyId, members } = await village("DELIBERATION", 4);
    const m = await api.meeting.schedule({ bodyId, title: "议事", startsAt: inDays(3), place: "村委会", agenda: ["议事"] });
    await api.meeting.attend({ meetingId: m.id, personId: members[0]!, channel: "SECRETARY" });
    await api.meeting.attend({ meetingId: m.id, personId: members[1]!, channel: "SECRETARY" });
    expect(await api.meeting.minutes({ id: m.id, minutes: "记录。" })).toMatchObject({ expected: 4, present: 2, valid: false });
  });

  it("concurrent marks of one person give one row, and concurrent minutes post one 会议纪要", async () => {
    const { v, api, bodyId, members } = await village("DELIBERATION", 2);
    const m = await api.meeting.schedule({ bodyId, title: "并发", startsAt: inDays(3), place: "村委会", agenda: ["议事"] });
    const marks = await Promise.allSettled(Array.from({ length: 5 }, () => api.meeting.attend({ meetingId: m.id, personId: members[0]!, channel: "SECRETARY" })));
    expect(marks.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.meetingAttendance.count({ where: { meetingId: m.id } })).toBe(1);
    const noticesBefore = await t.db.notice.count({ where: { villageId: v.id } });
    const runs = await Promise.allSettled(Array.from({ length: 3 }, () => api.meeting.minutes({ id: m.id, minutes: "纪要。" })));
    expect(runs.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.notice.count({ where: { villageId: v.id } })).toBe(noticesBefore + 1);
    expect(await t.db.meeting.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "HELD", expected: 2, present: 1, valid: false });
  });

  it("the town reads the meetings of its villages (no levers); another town gets NOT_FOUND", async () => {
    const { v, api, bodyId, members } = await village("DELIBERATION", 2);
    const m = await api.meeting.schedule({ bodyId, title: "镇里看得到", startsAt: inDays(3), place: "村委会", agenda: ["议事"] });
    await api.meeting.attend({ meetingId: m.id, personId: members[0]!, channel: "CARD" });
    const town = callerFor(t.db, await makeActor(t.db, "TOWN_ADMIN", v.townId));
    const read = await town.meeting.village({ villageId: v.id });
    expect(read.items.find((x) => x.id === m.id)).toMatchObject({ title: "镇里看得到", expected: 2, present: 1, status: "SCHEDULED" });
    expect(JSON.stringify(read)).not.toMatch(/1[3-9]\d{9}|userId/);
    await expect(town.meeting.attend({ meetingId: m.id, personId: members[1]!, channel: "CARD" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await makeVillage(t.db);
    const otherTown = callerFor(t.db, await makeActor(t.db, "TOWN_ADMIN", other.townId));
    await expect(otherTown.meeting.village({ villageId: v.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another village's committee gets NOT_FOUND and bad input is refused; nothing written", async () => {
    const { v, api, bodyId, members } = await village("DELIBERATION", 2);
    const m = await api.meeting.schedule({ bodyId, title: "例会", startsAt: inDays(3), place: "村委会", agenda: ["议事"] });
    const other = await makeVillage(t.db);
    const theirs = callerFor(t.db, await makeActor(t.db, "COMMITTEE", other.id));
    const before = await written(v.id);
    await expect(theirs.meeting.schedule({ bodyId, title: "越权", startsAt: inDays(3), place: "x", agenda: ["x"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(theirs.meeting.attend({ meetingId: m.id, personId: members[0]!, channel: "SECRETARY" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(theirs.meeting.minutes({ id: m.id, minutes: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await theirs.meeting.list()).items).toEqual([]);
    await expect(api.meeting.schedule({ bodyId, title: "无议程", startsAt: inDays(3), place: "村委会", agenda: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.meeting.schedule({ bodyId, title: "", startsAt: inDays(3), place: "村委会", agenda: ["x"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.meeting.schedule({ bodyId, title: "远", startsAt: new Date("2300-01-01"), place: "村委会", agenda: ["x"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await written(v.id)).toEqual(before);
  });
});

/** A village with a body of `n` members, each with a villager account linked to their household member. */
async function withAccounts(kind: "DELIBERATION" | "ASSEMBLY", n: number, at: () => Date) {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const api = callerFor(t.db, committee, { now: at });
  const { id: bodyId } = await api.body.create({ kind, name: kind === "ASSEMBLY" ? "村民会议" : "村民议事会" });
  const people: { actor: Awaited<ReturnType<typeof makeActor>>; personId: string; householdId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const actor = await makeActor(t.db, "VILLAGER", v.id);
    const h = await makeHousehold(t.db, v.id, { gridId: v.gridId });
    const personId = (await t.db.householdMember.create({ data: { householdId: h.id, name: `代表${i + 1}`, relation: "HEAD", userId: actor.userId }, select: { id: true } })).id;
    await api.body.addMember({ bodyId, personId, role: "MEMBER", termStart: "2026-01-01" });
    people.push({ actor, personId, householdId: h.id });
  }
  const outsider = await makeActor(t.db, "VILLAGER", v.id);
  const oh = await makeHousehold(t.db, v.id);
  await t.db.householdMember.create({ data: { householdId: oh.id, name: "旁听村民", relation: "HEAD", userId: outsider.userId }, select: { id: true } });
  return { v, committee, api, bodyId, people, outsider };
}

describe("agenda items", () => {
  it("adds, reorders and removes items while scheduled; the 会议通知 is corrected and the minutes carry each item's outcome", async () => {
    const now = () => new Date();
    const { v, api, bodyId } = await withAccounts("DELIBERATION", 2, now);
    const m = await api.meeting.schedule({ bodyId, title: "议程调整", startsAt: inDays(2), place: "村委会", agenda: ["村道修缮"], postNotice: true });
    const motion = await t.db.motion.create({
      data: { villageId: v.id, title: "修路表决", question: "是否同意？", options: ["同意", "不同意", "弃权"], validityRule: {}, decisionRule: {}, closesAt: inDays(9), createdById: "x" },
      select: { id: true },
    });
    const b = await api.meeting.agendaAdd({ meetingId: m.id, text: "人居环境整治", motionId: motion.id });
    const c = await api.meeting.agendaAdd({ meetingId: m.id, text: "红白事简办" });
    const ids = (await api.meeting.list()).items.find((x) => x.id === m.id)!.agenda.map((a) => a.id);
    await api.meeting.agendaReorder({ meetingId: m.id, ids: [c.id, ids[0]!, b.id] });
    await api.meeting.agendaRemove({ id: ids[0]! });
    let item = (await api.meeting.list()).items.find((x) => x.id === m.id)!;
    expect(item.agenda.map((a) => [a.text, a.motionId])).toEqual([
      ["红白事简办", null],
      ["人居环境整治", motion.id],
    ]);
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: m.noticeId! }, select: { body: true, version: true } });
    expect(notice.version).toBe(5);
    expect(notice.body).toContain("1. 红白事简办\n2. 人居环境整治");
    expect(notice.body).not.toContain("村道修缮");
    expect(await t.db.auditLog.count({ where: { regionId: v.id, action: "meeting.agenda" } })).toBe(4);

    const held = await api.meeting.minutes({ id: m.id, minutes: "纪要正文。", outcomes: [{ itemId: b.id, outcome: "原则通过，下周开工" }] });
    const minutes = await t.db.notice.findUniqueOrThrow({ where: { id: held.minutesNoticeId }, select: { body: true } });
    expect(minutes.body).toContain("2. 人居环境整治\n   - 结果：原则通过，下周开工");
    item = (await api.meeting.list()).items.find((x) => x.id === m.id)!;
    expect(item.agenda.map((a) => a.outcome)).toEqual([null, "原则通过，下周开工"]);
    // held: the agenda no longer changes
    await expect(api.meeting.agendaAdd({ meetingId: m.id, text: "补充" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("会议纪要已经发布") });
    await expect(api.meeting.agendaRemove({ id: b.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps agenda changes inside the village: another village's meeting, item or motion is NOT_FOUND; a bad order and a 21st item are refused", async () => {
    const { api, bodyId } = await withAccounts("DELIBERATION", 1, () => new Date());
    const m = await api.meeting.schedule({ bodyId, title: "范围", startsAt: inDays(2), place: "村委会", agenda: ["一"] });
    const other = await withAccounts("DELIBERATION", 1, () => new Date());
    const theirs = await other.api.meeting.schedule({ bodyId: other.bodyId, title: "他村", startsAt: inDays(2), place: "他村", agenda: ["甲"] });
    const theirMotion = await t.db.motion.create({
      data: { villageId: other.v.id, title: "他村表决", question: "?", options: ["同意"], validityRule: {}, decisionRule: {}, closesAt: inDays(9), createdById: "x" },
      select: { id: true },
    });
    const theirItem = (await other.api.meeting.list()).items[0]!.agenda[0]!.id;
    await expect(api.meeting.agendaAdd({ meetingId: theirs.id, text: "越权" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.meeting.agendaAdd({ meetingId: m.id, text: "他村议题", motionId: theirMotion.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.meeting.agendaRemove({ id: theirItem })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.meeting.agendaReorder({ meetingId: m.id, ids: [theirItem] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (let i = 1; i < 20; i++) await api.meeting.agendaAdd({ meetingId: m.id, text: `议题${i}` });
    await expect(api.meeting.agendaAdd({ meetingId: m.id, text: "第二十一项" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("最多 20 项") });
    expect(await t.db.meetingAgendaItem.count({ where: { meetingId: m.id } })).toBe(20);
    expect(await t.db.meetingAgendaItem.count({ where: { meetingId: theirs.id } })).toBe(1);
  });
});

describe("attendance by the kiosk's QR and by printed card", () => {
  it("a member's scan of the current or the previous window counts once (channel QR); an older token, a forged one and a non-member are refused", async () => {
    let clock = new Date("2026-12-10T11:00:05Z");
    const now = () => clock;
    const { v, api, bodyId, people, outsider } = await withAccounts("DELIBERATION", 3, now);
    const m = await api.meeting.schedule({ bodyId, title: "扫码签到", startsAt: new Date("2026-12-10T11:00:00Z"), place: "村委会", agenda: ["议事"] });
    const k1 = await api.meeting.kiosk({ id: m.id });
    expect(k1).toMatchObject({ expected: 3, present: 0, valid: false });
    expect(k1.token.startsWith("MBM1.")).toBe(true);
    expect(JSON.stringify(k1)).not.toContain("secret");
    const scan = (i: number) => callerFor(t.db, people[i]!.actor, { now }).meeting.checkIn({ token: k1.token });

    const first = await scan(0);
    expect(first).toMatchObject({ outcome: "PRESENT", channel: "QR", name: "代表1" });
    // the next window: the previous token still works
    clock = new Date(clock.getTime() + 30_000);
    expect(await scan(1)).toMatchObject({ outcome: "PRESENT", channel: "QR" });
    // a retry returns the first row
    expect(await scan(0)).toMatchObject({ outcome: "ALREADY_PRESENT", attendanceId: first.attendanceId });
    // two windows later: expired
    clock = new Date(clock.getTime() + 30_000);
    await expect(scan(2)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("已过期") });
    const fresh = (await api.meeting.kiosk({ id: m.id })).token;
    await expect(callerFor(t.db, outsider, { now }).meeting.checkIn({ token: fresh })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("不是该组织的在任成员") });
    const forged = fresh.slice(0, -3) + (fresh.endsWith("AAA") ? "BBB" : "AAA");
    await expect(callerFor(t.db, people[2]!.actor, { now }).meeting.checkIn({ token: forged })).rejects.toMatchObject({ message: expect.stringContaining("不是本村会议的有效签到码") });
    await expect(callerFor(t.db, people[2]!.actor, { now, locale: "en" }).meeting.checkIn({ token: "MBE1.x.y.1.zzzzzzzzzzzzzzzzzzzzzz" })).rejects.toMatchObject({ message: expect.stringContaining("not a valid meeting check-in code") });
    // another village's member with this village's token
    const other = await withAccounts("DELIBERATION", 1, now);
    await expect(callerFor(t.db, other.people[0]!.actor, { now }).meeting.checkIn({ token: fresh })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const rows = await t.db.meetingAttendance.findMany({ where: { meetingId: m.id }, select: { channel: true, householdMemberId: true } });
    expect(rows.map((r) => r.channel)).toEqual(["QR", "QR"]);
    expect(await t.db.auditLog.count({ where: { regionId: v.id, action: "meeting.attend" } })).toBe(2);
    expect(await api.meeting.kiosk({ id: m.id })).toMatchObject({ expected: 3, present: 2, valid: true, recent: [{ name: "代表2" }, { name: "代表1" }] });
  });

  it("5 concurrent scans of one member give one row; every scan answers with it", async () => {
    const now = () => new Date();
    const { api, bodyId, people } = await withAccounts("DELIBERATION", 2, now);
    const m = await api.meeting.schedule({ bodyId, title: "并发扫码", startsAt: inDays(1), place: "村委会", agenda: ["议事"] });
    const { token } = await api.meeting.kiosk({ id: m.id });
    const me = callerFor(t.db, people[0]!.actor, { now });
    const runs = await Promise.all(Array.from({ length: 5 }, () => me.meeting.checkIn({ token })));
    expect(runs.filter((r) => r.outcome === "PRESENT")).toHaveLength(1);
    expect(new Set(runs.map((r) => r.attendanceId)).size).toBe(1);
    expect(await t.db.meetingAttendance.count({ where: { meetingId: m.id } })).toBe(1);
  });

  it("a printed card offers the household's body members to mark (channel CARD); grid workers only for their grid; other villages' cards are refused", async () => {
    const now = () => new Date();
    const { v, api, bodyId, people } = await withAccounts("DELIBERATION", 2, now);
    const h = people[0]!.householdId;
    // a second person of that household who is not a body member is not offered
    await t.db.householdMember.create({ data: { householdId: h, name: "家属", relation: "SPOUSE" }, select: { id: true } });
    const m = await api.meeting.schedule({ bodyId, title: "凭卡", startsAt: inDays(1), place: "村委会", agenda: ["议事"] });
    const look = await api.meeting.card({ meetingId: m.id, card: `MBH1:${h}` });
    expect(look.members).toEqual([expect.objectContaining({ personId: people[0]!.personId, name: "代表1", present: false })]);
    expect(look).toMatchObject({ expected: 2, present: 0, marked: [] });

    const grid = callerFor(t.db, await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId }), { now });
    const marked = await grid.meeting.card({ meetingId: m.id, card: `MBH1:${h}`, personIds: [people[0]!.personId] });
    expect(marked).toMatchObject({ marked: [people[0]!.personId], present: 1, members: [expect.objectContaining({ present: true, channel: "CARD" })] });
    // again: nothing new, the first row stays
    expect(await api.meeting.card({ meetingId: m.id, card: `MBH1:${h}`, personIds: [people[0]!.personId] })).toMatchObject({ marked: [], present: 1 });
    expect(await t.db.meetingAttendance.count({ where: { meetingId: m.id } })).toBe(1);

    const otherGrid = await t.db.grid.create({ data: { villageId: v.id, name: "第二网格" }, select: { id: true } });
    const stranger = callerFor(t.db, await makeActor(t.db, "GRID_WORKER", v.id, { gridId: otherGrid.id }), { now });
    await expect(stranger.meeting.card({ meetingId: m.id, card: `MBH1:${people[1]!.householdId}`, personIds: [people[1]!.personId] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await withAccounts("DELIBERATION", 1, now);
    await expect(api.meeting.card({ meetingId: m.id, card: `MBH1:${other.people[0]!.householdId}` })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("不是本村的") });
    await expect(api.meeting.card({ meetingId: m.id, card: "hello" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // a person of the household who is not a member cannot be marked through the card
    await expect(api.meeting.card({ meetingId: m.id, card: `MBH1:${people[1]!.householdId}`, personIds: [people[0]!.personId] })).rejects.toMatchObject({ message: expect.stringContaining("不是该组织的在任成员") });
    expect(await t.db.meetingAttendance.count({ where: { meetingId: m.id } })).toBe(1);
  });
});

describe("villagers' meetings (村务 · 会议)", () => {
  it("shows the meetings of the villager's bodies and the village-wide 村民会议, upcoming with agenda, held with 应到/实到 and minutes; not other bodies'", async () => {
    const now = () => new Date();
    const { v, api, bodyId, people, outsider } = await withAccounts("DELIBERATION", 2, now);
    const { id: assembly } = await api.body.create({ kind: "ASSEMBLY", name: "村民会议" });
    const { id: women } = await api.body.create({ kind: "WOMEN", name: "妇女议事会" });
    const mine = await api.meeting.schedule({ bodyId, title: "议事会例会", startsAt: inDays(2), place: "祠堂", agenda: ["村道修缮"] });
    const all = await api.meeting.schedule({ bodyId: assembly, title: "全体村民会议", startsAt: inDays(5), place: "村广场", agenda: ["村规民约修订"] });
    await api.meeting.schedule({ bodyId: women, title: "妇女议事会", startsAt: inDays(3), place: "村委会", agenda: ["x"] });
    const past = await api.meeting.schedule({ bodyId, title: "上月例会", startsAt: inDays(-20), place: "祠堂", agenda: ["总结"] });
    await api.meeting.attend({ meetingId: past.id, personId: people[0]!.personId, channel: "SECRETARY" });
    const held = await api.meeting.minutes({ id: past.id, minutes: "纪要。" });

    const seen = await callerFor(t.db, people[1]!.actor, { now }).meeting.mine();
    expect(seen.upcoming.map((m) => [m.title, m.mine])).toEqual([
      ["议事会例会", true],
      ["全体村民会议", false],
    ]);
    expect(seen.upcoming[0]!.agenda.map((a) => a.text)).toEqual(["村道修缮"]);
    expect(seen.past).toEqual([expect.objectContaining({ id: past.id, expected: 2, present: 1, valid: false, minutesNoticeId: held.minutesNoticeId })]);
    expect(JSON.stringify(seen)).not.toMatch(/1[3-9]\d{9}|userId|secret/);
    // someone of no body sees only the village-wide meeting
    const theirs = await callerFor(t.db, outsider, { now }).meeting.mine();
    expect(theirs.upcoming.map((m) => m.id)).toEqual([all.id]);
    expect(theirs.past).toEqual([]);
    expect(mine.id).toBeTruthy();
    expect(v.id).toBeTruthy();
  });
});
