/**
 * Electorates beyond the village and paper ballots (docs/architecture.md, "Motions and votes"):
 * a body's members vote one each (two of one household both count), the representatives' vote needs
 * two thirds, a rule book vote cannot be put to a body; the committee enters paper ballots of an
 * open ballot voter by voter and of a secret ballot as totals with the list of who handed one in,
 * and whichever vote of a voter came first (app or paper) stands.
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
type Actor = Awaited<ReturnType<typeof makeActor>>;

/** A village with a committee and four households, each head with a villager account. */
async function village() {
  const clock = makeClock(new Date("2027-02-10T02:00:00Z"));
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const hs = [];
  for (let i = 0; i < 4; i++) hs.push(await makeHousehold(t.db, v.id, { headName: `户主${i}` }));
  const heads: Actor[] = [];
  for (const h of hs) heads.push(await makeVillagerOf(t.db, v.id, h.id));
  const as = (a: Actor, locale: "zh" | "en" = "zh") => callerFor(t.db, a, { now: clock.now, locale });
  return { v, clock, committee, api: as(committee), hs, heads, as };
}
type V = Awaited<ReturnType<typeof village>>;

async function motion(w: V, extra: Record<string, unknown> = {}) {
  const { id } = await w.api.motion.create({
    title: "修建文化广场",
    question: "是否同意在村委会东侧修建文化广场？",
    closesAt: new Date(w.clock.now().getTime() + 48 * HOUR),
    ...extra,
  });
  await w.api.motion.open({ id });
  return id;
}

/** The elector row id of a household on the motion, as the secretary's sheet lists it. */
async function electorOf(w: V, motionId: string, householdId: string) {
  return (await t.db.motionElector.findFirstOrThrow({ where: { motionId, householdId }, select: { id: true } })).id;
}

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => "OK",
    (e: { cause?: { code?: string }; message: string }) => e.cause?.code ?? e.message,
  );
}

describe("open ballot on paper", () => {
  it("a household's paper vote stands: the app is refused, a second paper entry is refused with how and when", async () => {
    const w = await village();
    const id = await motion(w);
    const meeting = await w.api.body.create({ kind: "DELIBERATION", name: "村民议事会" });
    const m = await w.api.meeting.schedule({ bodyId: meeting.id, title: "二月议事会", startsAt: new Date(w.clock.now().getTime() + HOUR), place: "村委会", agenda: ["文化广场"] });
    const e0 = await electorOf(w, id, w.hs[0]!.id);
    const done = await w.api.motion.paperVote({ motionId: id, electorId: e0, option: "同意", meetingId: m.id });
    expect(done.option).toBe("同意");

    // the household's villager then tries the app: refused, the paper vote stands
    await expect(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "不同意" })).rejects.toThrow("2027-02-10 10:00 在会上投了纸质票");
    // a second paper entry names the household, the time and the channel
    await expect(w.api.motion.paperVote({ motionId: id, electorId: e0, option: "不同意" })).rejects.toThrow(
      `${w.hs[0]!.number} 户主0 已于 2027-02-10 10:00 投了纸质票`,
    );
    const row = await t.db.motionElector.findUniqueOrThrow({ where: { id: e0 } });
    expect(row).toMatchObject({ channel: "PAPER", enteredById: w.committee.userId, meetingId: m.id, voterUserId: null });
    expect(await t.db.motionBallot.findMany({ where: { motionId: id }, select: { option: true, householdId: true } })).toEqual([
      { option: "同意", householdId: w.hs[0]!.id },
    ]);
    const audit = await t.db.auditLog.findMany({ where: { entityId: id, action: "motion.paperVote" }, select: { actorUserId: true, after: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(w.committee.userId);
    expect(audit[0]!.after).toMatchObject({ channel: "PAPER", option: "同意", meetingId: m.id });
  });

  it("after an app vote the paper entry is refused, naming the app and the time, and nothing changes", async () => {
    const w = await village();
    const id = await motion(w);
    await w.as(w.heads[1]!).motion.vote({ motionId: id, option: "不同意" });
    w.clock.set(new Date(w.clock.now().getTime() + 30 * 60 * 1000));
    const e1 = await electorOf(w, id, w.hs[1]!.id);
    await expect(w.api.motion.paperVote({ motionId: id, electorId: e1, option: "同意" })).rejects.toThrow(
      `${w.hs[1]!.number} 户主1 已于 2027-02-10 10:00 在手机上投票`,
    );
    await expect(callerFor(t.db, w.committee, { now: w.clock.now, locale: "en" }).motion.paperVote({ motionId: id, electorId: e1, option: "同意" })).rejects.toThrow(
      "already voted in the app",
    );
    expect(await t.db.motionBallot.findMany({ where: { motionId: id }, select: { option: true } })).toEqual([{ option: "不同意" }]);
    expect(await t.db.motionElector.findUniqueOrThrow({ where: { id: e1 } })).toMatchObject({ channel: "APP", enteredById: null });
  });

  it("20 concurrent paper and app attempts for one household leave one vote", async () => {
    const w = await village();
    const id = await motion(w);
    const e2 = await electorOf(w, id, w.hs[2]!.id);
    const attempts = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? w.api.motion.paperVote({ motionId: id, electorId: e2, option: "同意" }).then(() => "paper")
        : w.as(w.heads[2]!).motion.vote({ motionId: id, option: "不同意" }).then((r) => (r.first ? "app" : "app-repeat")),
    );
    const settled = await Promise.allSettled(attempts);
    const wrote = settled.filter((s) => s.status === "fulfilled" && (s.value === "paper" || s.value === "app"));
    expect(wrote).toHaveLength(1);
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(1);
    const row = await t.db.motionElector.findUniqueOrThrow({ where: { id: e2 } });
    expect(row.votedAt).not.toBeNull();
    // the one ballot is the winner's choice, recorded with the winner's channel
    const ballot = await t.db.motionBallot.findFirstOrThrow({ where: { motionId: id }, select: { option: true } });
    expect(ballot.option).toBe(row.channel === "PAPER" ? "同意" : "不同意");
  });

  it("a paper entry for a voter not in the electorate, or a choice not on the ballot, is refused", async () => {
    const w = await village();
    const id = await motion(w);
    const other = await motion(w);
    const foreign = await electorOf(w, other, w.hs[0]!.id);
    expect(await codeOf(w.api.motion.paperVote({ motionId: id, electorId: foreign, option: "同意" }))).toBe("MOTION_PAPER_NOT_ELECTOR");
    expect(await codeOf(w.api.motion.paperVote({ motionId: id, electorId: await electorOf(w, id, w.hs[0]!.id), option: "赞成" }))).toBe("MOTION_BAD_OPTION");
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(0);
  });
});

describe("secret ballot on paper", () => {
  it("totals that do not add up to the households listed are refused and nothing is written", async () => {
    const w = await village();
    const id = await motion(w, { secret: true });
    const electorIds = [await electorOf(w, id, w.hs[0]!.id), await electorOf(w, id, w.hs[1]!.id)];
    await expect(
      w.api.motion.paperSecret({ motionId: id, electorIds, totals: [{ option: "同意", count: 2 }, { option: "不同意", count: 1 }] }),
    ).rejects.toThrow("各选项票数合计 3 张，与交回纸质票的 2 户（人）不一致");
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(0);
    expect(await t.db.motionElector.count({ where: { motionId: id, votedAt: { not: null } } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { entityId: id, action: "motion.paperSecret" } })).toBe(0);
  });

  it("a listed household that already voted in the app refuses the whole entry, nothing of it is kept", async () => {
    const w = await village();
    const id = await motion(w, { secret: true });
    await w.as(w.heads[1]!).motion.vote({ motionId: id, option: "同意" });
    const electorIds = [await electorOf(w, id, w.hs[0]!.id), await electorOf(w, id, w.hs[1]!.id)];
    expect(await codeOf(w.api.motion.paperSecret({ motionId: id, electorIds, totals: [{ option: "同意", count: 2 }] }))).toBe("MOTION_ALREADY_VOTED_APP");
    expect(await t.db.motionBallot.count({ where: { motionId: id } })).toBe(1);
    expect(await t.db.motionElector.findUniqueOrThrow({ where: { id: electorIds[0]! } })).toMatchObject({ votedAt: null });
  });

  it("stores anonymous ballots, marks the listed households voted (the app then refuses them) and the result counts app and paper", async () => {
    const w = await village();
    const id = await motion(w, { secret: true, validityRule: { kind: "HOUSEHOLDS_MORE_THAN_HALF" } });
    await w.as(w.heads[3]!).motion.vote({ motionId: id, option: "同意" });
    const electorIds = [await electorOf(w, id, w.hs[0]!.id), await electorOf(w, id, w.hs[1]!.id)];
    const r = await w.api.motion.paperSecret({ motionId: id, electorIds, totals: [{ option: "同意", count: 1 }, { option: "不同意", count: 1 }] });
    expect(r.listed).toBe(2);
    const ballots = await t.db.motionBallot.findMany({ where: { motionId: id }, select: { householdId: true, householdMemberId: true } });
    expect(ballots).toHaveLength(3);
    for (const b of ballots) expect(b).toEqual({ householdId: null, householdMemberId: null });
    const marked = await t.db.motionElector.findMany({ where: { id: { in: electorIds } }, select: { channel: true, voterUserId: true, enteredById: true } });
    expect(marked).toEqual([
      { channel: "PAPER", voterUserId: null, enteredById: w.committee.userId },
      { channel: "PAPER", voterUserId: null, enteredById: w.committee.userId },
    ]);
    expect(await codeOf(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "不同意" }))).toBe("MOTION_VOTED_ON_PAPER");
    // an open-ballot entry does not fit a secret ballot
    expect(await codeOf(w.api.motion.paperVote({ motionId: id, electorId: await electorOf(w, id, w.hs[2]!.id), option: "同意" }))).toBe("MOTION_PAPER_WRONG_BALLOT");

    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    await closeDue({ db: t.db, now: w.clock.now });
    const closed = await t.db.motion.findUniqueOrThrow({ where: { id }, select: { result: true, resultNoticeId: true } });
    expect(closed.result).toMatchObject({ voted: 3, electorate: 4, channels: { app: 1, paper: 2 }, outcome: "PASSED" });
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: closed.resultNoticeId! }, select: { body: true } });
    expect(notice.body).toContain("其中手机投票 1 票，纸质票 2 票");
    expect(notice.body).toContain("同意：2 户");
  });
});

/** A body of the village with members; the first two share a household (husband and wife), each with an account. */
async function bodyWithMembers(w: V, kind: "DELIBERATION" | "REPRESENTATIVES", n: number) {
  const body = await w.api.body.create({ kind, name: kind === "REPRESENTATIVES" ? "村民代表会议" : "村民议事会" });
  const people: { personId: string; actor: Actor }[] = [];
  for (let i = 0; i < n; i++) {
    const actor = await makeActor(t.db, "VILLAGER", w.v.id);
    const household = i < 2 ? w.hs[0]! : w.hs[i - 1]!;
    const p = await t.db.householdMember.create({ data: { householdId: household.id, name: `成员${i}`, relation: "OTHER", userId: actor.userId }, select: { id: true } });
    await w.api.body.addMember({ bodyId: body.id, personId: p.id, role: "MEMBER", termStart: "2027-01-01" });
    people.push({ personId: p.id, actor });
  }
  return { bodyId: body.id, people };
}

describe("a body's electorate", () => {
  it("one vote per member, two members of one household both count; non-members neither see nor vote", async () => {
    const w = await village();
    const { bodyId, people } = await bodyWithMembers(w, "DELIBERATION", 3);
    const id = await motion(w, { electorate: { kind: "BODY", bodyId } });
    const row = await t.db.motion.findUniqueOrThrow({ where: { id }, select: { electorate: true, bodyId: true, validityRule: true } });
    expect(row).toEqual({ electorate: "BODY_MEMBERS", bodyId, validityRule: { kind: "MEMBERS_MORE_THAN_HALF" } });
    expect(await t.db.motionElector.count({ where: { motionId: id, householdMemberId: { not: null }, householdId: null } })).toBe(3);

    const a = await w.as(people[0]!.actor).motion.vote({ motionId: id, option: "同意" });
    const b = await w.as(people[1]!.actor).motion.vote({ motionId: id, option: "同意" });
    expect([a.first, b.first]).toEqual([true, true]);
    // the same member again: the first vote is returned
    expect((await w.as(people[0]!.actor).motion.vote({ motionId: id, option: "不同意" })).first).toBe(false);
    // the household head (not a member) is no elector and does not see the body's vote
    expect(await codeOf(w.as(w.heads[0]!).motion.vote({ motionId: id, option: "同意" }))).toBe("MOTION_NOT_ELECTOR");
    expect((await w.as(w.heads[0]!).motion.board()).items.map((i) => i.id)).not.toContain(id);
    const mine = (await w.as(people[1]!.actor).motion.board()).items.find((i) => i.id === id);
    expect(mine).toMatchObject({ inElectorate: true, myChoice: "同意", byPerson: true });

    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    await closeDue({ db: t.db, now: w.clock.now });
    const closed = await t.db.motion.findUniqueOrThrow({ where: { id }, select: { result: true, resultNoticeId: true } });
    expect(closed.result).toMatchObject({ electorate: 3, voted: 2, valid: true, outcome: "PASSED" });
    const notice = await t.db.notice.findUniqueOrThrow({ where: { id: closed.resultNoticeId! }, select: { body: true } });
    expect(notice.body).toContain("应参加：3 人；实际投票：2 人");
  });

  it("the representatives need two thirds: 2 of 3 is valid, 1 of 3 is not", async () => {
    const w = await village();
    const { bodyId, people } = await bodyWithMembers(w, "REPRESENTATIVES", 3);
    const two = await motion(w, { electorate: { kind: "BODY", bodyId } });
    const one = await motion(w, { electorate: { kind: "BODY", bodyId } });
    expect(await t.db.motion.findUniqueOrThrow({ where: { id: two }, select: { electorate: true, validityRule: true } })).toEqual({
      electorate: "REPRESENTATIVES",
      validityRule: { kind: "MEMBERS_TWO_THIRDS" },
    });
    await w.as(people[0]!.actor).motion.vote({ motionId: two, option: "同意" });
    await w.as(people[2]!.actor).motion.vote({ motionId: two, option: "同意" });
    await w.as(people[1]!.actor).motion.vote({ motionId: one, option: "同意" });
    w.clock.set(new Date(w.clock.now().getTime() + 49 * HOUR));
    await closeDue({ db: t.db, now: w.clock.now });
    const [a, b] = await Promise.all([two, one].map((id) => t.db.motion.findUniqueOrThrow({ where: { id }, select: { result: true } })));
    expect(a!.result).toMatchObject({ voted: 2, electorate: 3, valid: true, outcome: "PASSED" });
    expect(b!.result).toMatchObject({ voted: 1, electorate: 3, valid: false, outcome: "INVALID" });
  });

  it("a member's paper vote is entered for the person", async () => {
    const w = await village();
    const { bodyId, people } = await bodyWithMembers(w, "DELIBERATION", 3);
    const id = await motion(w, { electorate: { kind: "BODY", bodyId } });
    const sheet = await w.api.motion.paperSheet({ motionId: id });
    expect(sheet.electors.map((e) => e.name).sort()).toEqual(["成员0", "成员1", "成员2"]);
    const e = sheet.electors.find((x) => x.name === "成员1")!;
    await w.api.motion.paperVote({ motionId: id, electorId: e.id, option: "不同意" });
    expect(await codeOf(w.as(people[1]!.actor).motion.vote({ motionId: id, option: "同意" }))).toBe("MOTION_VOTED_ON_PAPER");
    // the other member of the same household still votes
    expect((await w.as(people[0]!.actor).motion.vote({ motionId: id, option: "同意" })).first).toBe(true);
    expect(await t.db.motionBallot.findMany({ where: { motionId: id }, select: { householdMemberId: true, option: true }, orderBy: { option: "asc" } })).toEqual(
      expect.arrayContaining([
        { householdMemberId: people[1]!.personId, option: "不同意" },
        { householdMemberId: people[0]!.personId, option: "同意" },
      ]),
    );
  });

  it("a motion naming a rule book cannot be put to a body, and a household vote cannot take a members rule", async () => {
    const w = await village();
    const { bodyId } = await bodyWithMembers(w, "REPRESENTATIVES", 3);
    const draft = await w.api.rule.createDraft({ title: "《测试村村规民约》（2027年版）", fromAdopted: false });
    await w.api.rule.saveRule({ ruleBookId: draft.id, code: "E01", category: "PUBLIC_GOOD", title: "参加志愿服务活动", points: 5 });
    await w.api.rule.adopt({ id: draft.id, adoptedBy: "提请表决" });
    const base = { title: "表决村规民约", question: "是否同意通过？", closesAt: new Date(w.clock.now().getTime() + 48 * HOUR) };
    await expect(w.api.motion.create({ ...base, ruleBookId: draft.id, electorate: { kind: "BODY", bodyId } })).rejects.toThrow("村民代表会议不能通过");
    expect(await t.db.motion.count({ where: { villageId: w.v.id } })).toBe(0);
    expect(await codeOf(w.api.motion.create({ ...base, validityRule: { kind: "MEMBERS_TWO_THIRDS" } }))).toBe("MOTION_RULE_ELECTORATE");
    // the same book may go to the village's households
    expect(await codeOf(w.api.motion.create({ ...base, ruleBookId: draft.id }))).toBe("OK");
  });
});
