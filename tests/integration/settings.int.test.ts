/**
 * Village settings (docs/architecture.md, "Village settings"): the committee changes the 公示 days,
 * the check-in threshold and the largest rule item; every change is a VillageSettingChange row and
 * an audit record, and is posted on the notice board the villagers read. The 公示 window is at
 * least one day, by zod and by the database. The town sees the settings on its village list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeVillage, uniq, uniquePhone } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

async function village() {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const supervisor = await makeActor(t.db, "SUPERVISOR", v.id);
  const villager = await makeActor(t.db, "VILLAGER", v.id);
  return { v, committee, supervisor, villager };
}

const changes = (villageId: string) =>
  t.db.villageSettingChange.findMany({ where: { villageId }, orderBy: { setting: "asc" }, select: { setting: true, before: true, after: true, reason: true, changedById: true, createdAt: true } });

describe("village settings", () => {
  it("a change is recorded with before, after, who and when, audited, and posted on the villagers' notice board", async () => {
    const s = await village();
    const at = new Date("2026-12-01T02:00:00Z");
    const api = callerFor(t.db, s.committee, { now: () => at });
    expect((await api.village.settings()).settings).toEqual({ noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 100, matterSupportThreshold: 10, matterAnswerDays: 7 });

    const res = await api.village.updateSettings({ noticeDays: 5, checkInAutoApproveMaxPoints: 5, maxRulePoints: 100, reason: "村民代表会议决定缩短公示期" });
    expect(res).toEqual({ changed: 2 });
    expect(await changes(s.v.id)).toEqual([
      { setting: "checkInAutoApproveMaxPoints", before: 0, after: 5, reason: "村民代表会议决定缩短公示期", changedById: s.committee.userId, createdAt: at },
      { setting: "noticeDays", before: 7, after: 5, reason: "村民代表会议决定缩短公示期", changedById: s.committee.userId, createdAt: at },
    ]);
    const audit = await t.db.auditLog.findMany({ where: { regionId: s.v.id, action: "village.setting" }, select: { actorUserId: true, before: true, after: true } });
    expect(audit).toHaveLength(2);
    expect(audit).toContainEqual({ actorUserId: s.committee.userId, before: { setting: "noticeDays", value: 7 }, after: { setting: "noticeDays", value: 5, reason: "村民代表会议决定缩短公示期" } });

    // the settings page shows the history with the committee member's name
    const page = await api.village.settings();
    expect(page.settings).toEqual({ noticeDays: 5, checkInAutoApproveMaxPoints: 5, maxRulePoints: 100, matterSupportThreshold: 10, matterAnswerDays: 7 });
    expect(page.changes.map((c) => [c.setting, c.before, c.after, c.changedByName])).toEqual(
      expect.arrayContaining([["noticeDays", 7, 5, s.committee.name]]),
    );

    // the villagers' notice board posts the change (no phone numbers), and the new notice days
    const board = await callerFor(t.db, s.villager, { now: () => new Date(at.getTime() + 3600_000) }).publicity.board();
    expect(board.noticeDays).toBe(5);
    expect(board.settingChanges.map((c) => [c.setting, c.before, c.after, c.reason])).toEqual(
      expect.arrayContaining([
        ["noticeDays", 7, 5, "村民代表会议决定缩短公示期"],
        ["checkInAutoApproveMaxPoints", 0, 5, "村民代表会议决定缩短公示期"],
      ]),
    );
    expect(JSON.stringify(board.settingChanges)).not.toMatch(/1[3-9]\d{9}/);

    // the same values again change nothing and record nothing
    expect(await api.village.updateSettings({ noticeDays: 5, checkInAutoApproveMaxPoints: 5, maxRulePoints: 100, reason: "再保存一次" })).toEqual({ changed: 0 });
    expect(await changes(s.v.id)).toHaveLength(2);
  });

  it("0 notice days is refused by the page's procedure, by village creation, and by the database, writing nothing", async () => {
    const s = await village();
    const api = callerFor(t.db, s.committee);
    await expect(api.village.updateSettings({ noticeDays: 0, checkInAutoApproveMaxPoints: 0, maxRulePoints: 100, reason: "当天生效" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "填写的内容有误：「公示天数」不能小于 1",
    });
    await expect(api.village.updateSettings({ noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 0, reason: "不许有分" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await changes(s.v.id)).toEqual([]);
    expect((await t.db.region.findUniqueOrThrow({ where: { id: s.v.id }, select: { noticeDays: true } })).noticeDays).toBe(7);

    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", s.v.townId);
    await expect(
      callerFor(t.db, townAdmin).region.createVillage({
        townId: s.v.townId,
        name: uniq("新村").slice(0, 20),
        noticeDays: 0,
        grids: [],
        committee: { phone: uniquePhone(), name: "村委甲", password: "secret-123" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("公示天数") });
    await expect(t.db.region.update({ where: { id: s.v.id }, data: { noticeDays: 0 }, select: { id: true } })).rejects.toThrow();
    await expect(t.db.region.update({ where: { id: s.v.id }, data: { maxRulePoints: 5000 }, select: { id: true } })).rejects.toThrow();
  });

  it("only the committee changes them; supervisors read them; another village's settings are out of reach", async () => {
    const s = await village();
    const other = await village();
    await expect(callerFor(t.db, s.supervisor).village.updateSettings({ noticeDays: 3, checkInAutoApproveMaxPoints: 0, maxRulePoints: 100, reason: "监督委员会不能改" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, s.villager).village.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerFor(t.db, s.supervisor).village.settings()).settings.noticeDays).toBe(7);
    await callerFor(t.db, s.committee).village.updateSettings({ noticeDays: 3, checkInAutoApproveMaxPoints: 0, maxRulePoints: 50, reason: "本村决定" });
    expect((await callerFor(t.db, other.committee).village.settings()).settings).toEqual({ noticeDays: 7, checkInAutoApproveMaxPoints: 0, maxRulePoints: 100, matterSupportThreshold: 10, matterAnswerDays: 7 });
    expect(await changes(other.v.id)).toEqual([]);
  });

  it("the town sees each village's threshold and largest rule item on its village list", async () => {
    const s = await village();
    await callerFor(t.db, s.committee).village.updateSettings({ noticeDays: 7, checkInAutoApproveMaxPoints: 3, maxRulePoints: 30, reason: "本村决定" });
    const townAdmin = await makeActor(t.db, "TOWN_ADMIN", s.v.townId);
    const towns = await callerFor(t.db, townAdmin).region.villages();
    const row = towns.flatMap((x) => x.villages).find((v) => v.id === s.v.id);
    expect(row).toMatchObject({ noticeDays: 7, checkInAutoApproveMaxPoints: 3, maxRulePoints: 30 });
  });
});
