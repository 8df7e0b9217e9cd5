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
    expect(item).toMatchObject({ status: "SCHEDULED", expected: 3, present: 0, valid: false, rule: "MORE_THAN_HALF", agenda: ["村道修缮方案", "红白事简办"] });
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
