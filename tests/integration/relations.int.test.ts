/**
 * Relatives are blocked in practice, not only on paper: supervisors declare their relatives' households,
 * the committee proposes relations that the supervisor confirms or disputes, a person registered in
 * several households ties all of them, and the approval queue says why a row is blocked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeHousehold } from "../factories";
import { key, pointsSnapshot, pointsVillage } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

type Village = Awaited<ReturnType<typeof pointsVillage>>;
const propose = (s: Village, householdId: string) =>
  callerFor(t.db, s.committee).award.propose({ householdId, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: key() });
const queueReasons = async (s: Village, who: Village["supervisor"]) => {
  const q = await callerFor(t.db, who).award.list({ status: "PROPOSED", take: 50 });
  return Object.fromEntries(q.items.map((i) => [i.household.id, i.blockReason]));
};

describe("the committee proposes, the supervisor confirms or disputes", () => {
  it("a committee proposal is PROPOSED (not a declaration), blocks until answered, and only the supervisor named answers it", async () => {
    const s = await pointsVillage(t.db);
    const res = await callerFor(t.db, s.committee).relation.declare({ householdId: s.h1.id, relation: "儿女亲家", userId: s.supervisor.userId });
    expect(res.status).toBe("PROPOSED");
    const list = await callerFor(t.db, s.supervisor).relation.list({ userId: s.supervisor.userId });
    expect(list.items).toEqual([
      expect.objectContaining({ id: res.id, status: "PROPOSED", relation: "儿女亲家", proposedByName: s.committee.name, mine: true }),
    ]);

    const a = await propose(s, s.h1.id);
    // unanswered: the supervisor steps aside, and the queue says why
    await expect(callerFor(t.db, s.supervisor).award.approve({ id: a.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await queueReasons(s, s.supervisor))[s.h1.id]).toBe("PROPOSED");

    // nobody else answers it: not the committee (no permission), not the other supervisor (not theirs)
    await expect(callerFor(t.db, s.committee).relation.answer({ id: res.id, answer: "DISPUTE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, s.supervisor2).relation.answer({ id: res.id, answer: "DISPUTE" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(callerFor(t.db, s.supervisor).relation.answer({ id: res.id, answer: "DISPUTE" })).resolves.toMatchObject({ status: "DISPUTED" });
    // answered once: a second answer is refused with a clear message
    await expect(callerFor(t.db, s.supervisor).relation.answer({ id: res.id, answer: "CONFIRM" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不在待确认状态"),
    });
    // a disputed relation no longer blocks
    expect((await queueReasons(s, s.supervisor))[s.h1.id]).toBeNull();
    await expect(callerFor(t.db, s.supervisor).award.approve({ id: a.id, note: "属实" })).resolves.toMatchObject({ status: "APPROVED" });

    const audit = await t.db.auditLog.findMany({ where: { entityId: res.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true } });
    expect(audit).toEqual([
      { action: "relation.propose", actorUserId: s.committee.userId },
      { action: "relation.dispute", actorUserId: s.supervisor.userId },
    ]);
  });

  it("a confirmed proposal blocks like a declaration; a relation the supervisor declared cannot be answered", async () => {
    const s = await pointsVillage(t.db);
    const p = await callerFor(t.db, s.committee).relation.declare({ householdId: s.h2.id, relation: "表亲", userId: s.supervisor2.userId });
    await expect(callerFor(t.db, s.supervisor2).relation.answer({ id: p.id, answer: "CONFIRM" })).resolves.toMatchObject({ status: "CONFIRMED" });
    const a = await propose(s, s.h2.id);
    await expect(callerFor(t.db, s.supervisor2).award.approve({ id: a.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await queueReasons(s, s.supervisor2))[s.h2.id]).toBe("DECLARED");

    const own = await callerFor(t.db, s.supervisor).relation.declare({ householdId: s.h1.id, relation: "堂兄弟" });
    expect(own.status).toBe("DECLARED");
    await expect(callerFor(t.db, s.supervisor).relation.answer({ id: own.id, answer: "DISPUTE" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // the committee cannot turn a supervisor's own declaration back into a question
    await expect(callerFor(t.db, s.committee).relation.declare({ householdId: s.h1.id, relation: "无", userId: s.supervisor.userId })).resolves.toMatchObject({
      status: "DECLARED",
    });
    expect((await t.db.relatedHousehold.findUniqueOrThrow({ where: { id: own.id }, select: { relation: true } })).relation).toBe("堂兄弟");
  });
});

describe("a person in several households ties all of them", () => {
  it("a relative registered in two households blocks the supervisor from both, and the queue says which tie", async () => {
    const s = await pointsVillage(t.db);
    // the neighbour (an account in h2) is also registered in h3, e.g. a daughter married out
    const h3 = await makeHousehold(t.db, s.v.id, { gridId: s.v.gridId, headName: "赵大山" });
    await t.db.householdMember.create({ data: { householdId: h3.id, name: s.neighbour.name, relation: "CHILD_IN_LAW", userId: s.neighbour.userId } });
    // the supervisor is a member of h1 and declares a relation to h2
    await t.db.householdMember.create({ data: { householdId: s.h1.id, name: s.supervisor.name, relation: "CHILD", userId: s.supervisor.userId } });
    await callerFor(t.db, s.supervisor).relation.declare({ householdId: s.h2.id, relation: "舅舅家" });

    const [a1, a2, a3] = [await propose(s, s.h1.id), await propose(s, s.h2.id), await propose(s, h3.id)];
    const before = await pointsSnapshot(t.db, s.v.id);
    for (const a of [a1, a2, a3]) {
      await expect(callerFor(t.db, s.supervisor).award.approve({ id: a.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("回避") });
    }
    expect(await pointsSnapshot(t.db, s.v.id)).toEqual(before);
    expect(await queueReasons(s, s.supervisor)).toEqual({ [s.h1.id]: "MEMBER", [s.h2.id]: "DECLARED", [h3.id]: "SHARED_PERSON" });
    // the other supervisor is tied to none of them
    expect(await queueReasons(s, s.supervisor2)).toEqual({ [s.h1.id]: null, [s.h2.id]: null, [h3.id]: null });
    await expect(callerFor(t.db, s.supervisor2).award.approve({ id: a3.id, note: "属实" })).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("the supervisor's own second household is blocked too, and so is the other household of a person of their own", async () => {
    const s = await pointsVillage(t.db);
    const h3 = await makeHousehold(t.db, s.v.id, { gridId: s.v.gridId });
    const h4 = await makeHousehold(t.db, s.v.id, { gridId: s.v.gridId });
    // the supervisor lives in h3 with the villager of h1 (registered in both h1 and h3)
    await t.db.householdMember.create({ data: { householdId: h3.id, name: s.supervisor.name, relation: "SPOUSE", userId: s.supervisor.userId } });
    await t.db.householdMember.create({ data: { householdId: h3.id, name: s.villager.name, relation: "HEAD", userId: s.villager.userId } });
    const [a1, , a4] = [await propose(s, s.h1.id), await propose(s, h3.id), await propose(s, h4.id)];
    expect(await queueReasons(s, s.supervisor)).toEqual({ [s.h1.id]: "SHARED_PERSON", [s.h2.id]: undefined, [h3.id]: "MEMBER", [h4.id]: null });
    await expect(callerFor(t.db, s.supervisor).award.reject({ id: a1.id, note: "不同意" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, s.supervisor).award.approve({ id: a4.id, note: "属实" })).resolves.toMatchObject({ status: "APPROVED" });
  });
});

describe("the queue says why a row is blocked", () => {
  it("own proposal and a declared relation are told apart", async () => {
    const s = await pointsVillage(t.db);
    // a supervisor's own report (随手拍-like manual entry is the committee's; here the supervisor is the proposer by data)
    const a = await propose(s, s.h2.id);
    await t.db.award.update({ where: { id: a.id }, data: { proposedById: s.supervisor.userId } });
    await callerFor(t.db, s.supervisor2).relation.declare({ householdId: s.h2.id, relation: "亲戚" });
    const one = await callerFor(t.db, s.supervisor).award.get({ id: a.id });
    const two = await callerFor(t.db, s.supervisor2).award.get({ id: a.id });
    expect([one.reviewBlock, one.blockReason]).toEqual(["OWN_PROPOSAL", "OWN_PROPOSAL"]);
    expect([two.reviewBlock, two.blockReason]).toEqual(["RELATED_HOUSEHOLD", "DECLARED"]);
  });
});
