/**
 * 人民调解 cases: who sees them (parties, mediators, the committee; the town numbers only), who acts on
 * them (the case's mediators, nothing written otherwise), the parties' confirmations and the deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { DAY_MS } from "@/server/lib/village-time.schema";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage, uniq } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const T0 = new Date("2026-12-01T02:00:00Z");

/** Links the actor's account to a new member of the household. */
async function joinHousehold(actor: Actor, householdId: string, name = uniq("成员")) {
  return t.db.householdMember.create({ data: { householdId, name: name.slice(0, 20), relation: "SPOUSE", userId: actor.userId }, select: { id: true } });
}

/** A village with two party households (each with a villager), an outsider, a 调委会 mediator, the committee and the town. */
async function setup() {
  const village = await makeVillage(t.db);
  const headA = uniq("张甲");
  const headB = uniq("李乙");
  const a = await makeHousehold(t.db, village.id, { gridId: village.gridId, headName: headA });
  const b = await makeHousehold(t.db, village.id, { headName: headB });
  const o = await makeHousehold(t.db, village.id);
  const m = await makeHousehold(t.db, village.id);
  const villagerA = await makeActor(t.db, "VILLAGER", village.id);
  const villagerA2 = await makeActor(t.db, "VILLAGER", village.id);
  const villagerB = await makeActor(t.db, "VILLAGER", village.id);
  const outsider = await makeActor(t.db, "VILLAGER", village.id);
  await joinHousehold(villagerA, a.id);
  await joinHousehold(villagerA2, a.id);
  await joinHousehold(villagerB, b.id);
  await joinHousehold(outsider, o.id);
  // the mediator: a committee member who also sits on the 人民调解委员会
  const mediator = await makeActor(t.db, "COMMITTEE", village.id);
  const person = await joinHousehold(mediator, m.id, "调解王");
  const body = await t.db.body.create({ data: { villageId: village.id, kind: "MEDIATION", name: "人民调解委员会", createdById: mediator.userId }, select: { id: true } });
  await t.db.bodyMember.create({
    data: { bodyId: body.id, villageId: village.id, householdMemberId: person.id, householdId: m.id, userId: mediator.userId, role: "CHAIR", termStart: new Date("2026-01-01"), createdById: mediator.userId },
  });
  const committee = await makeActor(t.db, "COMMITTEE", village.id); // not on the 调委会
  const gridWorker = await makeActor(t.db, "GRID_WORKER", village.id, { gridId: village.gridId });
  const town = await makeActor(t.db, "TOWN_ADMIN", village.townId);
  return { village, a, b, o, headA, headB, villagerA, villagerA2, villagerB, outsider, mediator, committee, gridWorker, town };
}

const at = (ms: number) => () => new Date(T0.getTime() + ms);

async function openCase(s: Awaited<ReturnType<typeof setup>>, summary = uniq("两户因排水沟堵塞起纠纷")) {
  return callerFor(t.db, s.mediator, { now: at(0) }).mediation.open({
    type: "NEIGHBOR",
    summary,
    householdIds: [s.a.id, s.b.id],
    mediatorUserIds: [s.mediator.userId],
  });
}

describe("mediation", () => {
  it("a villager who is not a party gets NOT_FOUND on every read, and sees no case in the list", async () => {
    const s = await setup();
    const { id } = await openCase(s);
    const api = callerFor(t.db, s.outsider, { now: at(1000) });
    await expect(api.mediation.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.mediation.list()).items).toEqual([]);
    await expect(api.mediation.confirm({ caseId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a party's villager does see it, with the other party named, and no phone number anywhere
    const party = await callerFor(t.db, s.villagerB, { now: at(1000) }).mediation.get({ id });
    expect(party.parties.map((p) => p.headName).sort()).toEqual([s.headA, s.headB].sort());
    expect(JSON.stringify(party)).not.toMatch(/1[3-9]\d{9}/);
    // the town has no way to read the case itself
    await expect(callerFor(t.db, s.town).mediation.get({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the town's read is numbers only: no names, summaries or agreement text in the JSON", async () => {
    const s = await setup();
    const summary = uniq("宅基地边界争议");
    const { id } = await openCase(s, summary);
    const med = callerFor(t.db, s.mediator, { now: at(DAY_MS) });
    await med.mediation.agree({ caseId: id, agreement: "双方同意以老墙为界" });
    const json = JSON.stringify(await callerFor(t.db, s.town, { now: at(DAY_MS) }).mediation.stats());
    const row = (await callerFor(t.db, s.town, { now: at(DAY_MS) }).mediation.stats()).villages.find((v) => v.villageId === s.village.id)!;
    expect(row).toMatchObject({ total: 1, open: 1, resolved: 0, byType: { NEIGHBOR: 1 } });
    for (const secret of [summary, "老墙", s.headA, s.headB, "调解王", s.a.number, s.b.number]) expect(json).not.toContain(secret);
  });

  it("an action by someone who is not a mediator of the case is refused with a translated error and writes nothing", async () => {
    const s = await setup();
    const { id } = await openCase(s);
    const count = async () => ({
      sessions: await t.db.mediationSession.count({ where: { caseId: id } }),
      audit: await t.db.auditLog.count({ where: { entityId: id } }),
      notes: await t.db.notification.count({ where: { householdId: { in: [s.a.id, s.b.id] } } }),
      row: await t.db.mediationCase.findUnique({ where: { id }, select: { status: true, agreement: true } }),
    });
    const before = await count();
    for (const [actor, locale] of [[s.committee, "zh"], [s.gridWorker, "en"]] as const) {
      const api = callerFor(t.db, actor, { now: at(1000), locale });
      // called one at a time: started together, a refusal could arrive before its handler is attached
      const refusals = [
        () => api.mediation.schedule({ caseId: id, startsAt: new Date(T0.getTime() + DAY_MS), place: "村委会调解室" }),
        () => api.mediation.agree({ caseId: id, agreement: "x" }),
        () => api.mediation.refer({ caseId: id, reason: "x" }),
      ];
      for (const call of refusals) {
        const e = await call().then(() => null, (err: unknown) => err as { code: string; message: string });
        if (actor === s.committee) expect(e).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("只有本案的调解员") });
        // the grid worker is not a party's grid worker of this case's mediators and cannot see it
        else expect(["FORBIDDEN", "NOT_FOUND"]).toContain(e?.code);
      }
    }
    expect(await count()).toEqual(before);
  });

  it("both parties confirm → RESOLVED, counted as a success with its days to resolve; parties are notified", async () => {
    const s = await setup();
    const { id } = await openCase(s);
    const med = (ms: number) => callerFor(t.db, s.mediator, { now: at(ms) });
    const { id: sessionId } = await med(1000).mediation.schedule({ caseId: id, startsAt: new Date(T0.getTime() + 2 * DAY_MS), place: "村委会调解室" });
    const notes = await t.db.notification.findMany({ where: { householdId: { in: [s.a.id, s.b.id] }, kind: "mediation.sessionScheduled" }, select: { householdId: true } });
    expect(notes.map((n) => n.householdId).sort()).toEqual([s.a.id, s.b.id].sort());
    await med(2 * DAY_MS).mediation.recordSession({ caseId: id, sessionId, attendedHouseholdIds: [s.a.id, s.b.id], notes: "双方到场，各自陈述" });
    await med(2 * DAY_MS).mediation.agree({ caseId: id, agreement: "甲方清理排水沟，乙方承担一半费用" });
    const a = await callerFor(t.db, s.villagerA, { now: at(3 * DAY_MS) }).mediation.confirm({ caseId: id });
    expect(a.status).toBe("OPEN");
    const b = await callerFor(t.db, s.villagerB, { now: at(4 * DAY_MS) }).mediation.confirm({ caseId: id });
    expect(b.status).toBe("RESOLVED");
    const view = await callerFor(t.db, s.villagerA, { now: at(4 * DAY_MS) }).mediation.get({ id });
    expect(view.status).toBe("RESOLVED");
    expect(view.parties.every((p) => p.confirmed)).toBe(true);
    expect(await t.db.notification.count({ where: { householdId: { in: [s.a.id, s.b.id] }, kind: "mediation.outcome" } })).toBe(2);
    const row = (await callerFor(t.db, s.town, { now: at(5 * DAY_MS) }).mediation.stats()).villages.find((v) => v.villageId === s.village.id)!;
    expect(row).toMatchObject({ total: 1, resolved: 1, successRate: 100, medianDaysToResolve: 4 });
    // audit keeps ids and states, never the texts
    const audit = await t.db.auditLog.findMany({ where: { regionId: s.village.id, action: { startsWith: "mediation." } }, select: { after: true } });
    expect(JSON.stringify(audit)).not.toMatch(/排水沟|陈述|村委会调解室/);
    // follow-up visit after resolution
    await med(20 * DAY_MS).mediation.followUp({ caseId: id, visitedAt: new Date(T0.getTime() + 20 * DAY_MS), notes: "回访：协议已履行" });
    expect((await med(20 * DAY_MS).mediation.get({ id })).followUpNotes).toBe("回访：协议已履行");
  });

  it("two members of one household confirming at once give one confirmation", async () => {
    const s = await setup();
    const { id } = await openCase(s);
    await callerFor(t.db, s.mediator, { now: at(1000) }).mediation.agree({ caseId: id, agreement: "双方和解" });
    const results = await Promise.all([
      callerFor(t.db, s.villagerA, { now: at(2000) }).mediation.confirm({ caseId: id }),
      callerFor(t.db, s.villagerA2, { now: at(2000) }).mediation.confirm({ caseId: id }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["OPEN", "OPEN"]);
    const party = await t.db.mediationParty.findFirst({ where: { caseId: id, householdId: s.a.id }, select: { confirmedAt: true } });
    expect(party?.confirmedAt).not.toBeNull();
    expect(await t.db.auditLog.count({ where: { entityId: id, action: "mediation.confirm" } })).toBe(1);
    expect((await t.db.mediationCase.findUnique({ where: { id }, select: { status: true } }))?.status).toBe("OPEN");
  });

  it("the deadline is 30 days after opening: not overdue at the edge, overdue a moment later", async () => {
    const s = await setup();
    const { id, deadlineAt } = await openCase(s);
    expect(deadlineAt.getTime()).toBe(T0.getTime() + 30 * DAY_MS);
    const view = (ms: number) => callerFor(t.db, s.mediator, { now: at(ms) }).mediation.get({ id });
    expect((await view(30 * DAY_MS)).overdue).toBe(false);
    expect((await view(30 * DAY_MS + 1)).overdue).toBe(true);
    const stats = await callerFor(t.db, s.town, { now: at(30 * DAY_MS + 1) }).mediation.stats();
    expect(stats.villages.find((v) => v.villageId === s.village.id)?.overdue).toBe(1);
    // a referred case is no longer overdue, and counts against the success rate
    await callerFor(t.db, s.mediator, { now: at(31 * DAY_MS) }).mediation.refer({ caseId: id, reason: "双方分歧大，转镇司法所" });
    expect((await view(31 * DAY_MS)).overdue).toBe(false);
    const row = (await callerFor(t.db, s.town, { now: at(31 * DAY_MS) }).mediation.stats()).villages.find((v) => v.villageId === s.village.id)!;
    expect(row).toMatchObject({ referred: 1, overdue: 0, successRate: 0 });
  });

  it("a grid worker opens a case in their grid and is its mediator; a mediator of a party household must step aside", async () => {
    const s = await setup();
    const g = callerFor(t.db, s.gridWorker, { now: at(0) });
    const { id } = await g.mediation.open({ type: "FAMILY", summary: "赡养老人费用分摊", householdIds: [s.a.id, s.b.id] });
    expect((await g.mediation.get({ id })).isMediator).toBe(true);
    await joinHousehold(s.mediator, s.a.id);
    await expect(openCase(s)).rejects.toMatchObject({ cause: { code: "MEDIATION_MEDIATOR_IS_PARTY" } });
  });
});
