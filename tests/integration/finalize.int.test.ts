/**
 * The finalization job under concurrency: any number of runners at once (the timer in every app
 * instance, `npm run jobs:finalize`, a ruling) post each entry exactly once.
 * Run on the real PostgreSQL too:
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx vitest run tests/integration/finalize.int.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdBalance, householdScore } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { finalizeAward, finalizeDue } from "@/server/modules/awards/finalize";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeHousehold } from "../factories";
import { approvedAward, key, makeClock, pointsVillage } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

/** A village with `n` households each holding an approved +10 and, for every third, a −5, published in one batch. */
async function dueBatch(n: number) {
  const s = await pointsVillage(t.db, { noticeDays: 7 });
  const clock = makeClock(new Date("2026-09-01T01:00:00Z"));
  const households = [s.h1, s.h2];
  for (let i = 2; i < n; i++) households.push(await makeHousehold(t.db, s.v.id, { gridId: s.v.gridId }));
  const ids: string[] = [];
  for (const [i, h] of households.entries()) {
    ids.push(await approvedAward(t.db, s, { householdId: h.id, ruleId: s.rules.award }, { now: clock.now }));
    if (i % 3 === 0) ids.push(await approvedAward(t.db, s, { householdId: h.id, ruleId: s.rules.deduction, reason: "乱倒垃圾" }, { now: clock.now }));
  }
  const pub = await callerFor(t.db, s.committee, { now: clock.now }).publicity.publish({});
  return { s, clock, households, ids, pub };
}

describe("finalizeDue", () => {
  it("does nothing before the window closes, then finalizes, and a second run posts nothing", async () => {
    const { s, clock, ids, pub } = await dueBatch(3);
    clock.advanceDays(6.9);
    expect(await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id })).toMatchObject({ batches: 0, finalized: 0 });
    expect(await t.db.ledgerTransaction.count({ where: { villageId: s.v.id } })).toBe(0);
    // a single entry cannot be finalized early either
    expect((await finalizeAward({ db: t.db, now: clock.now }, ids[0]!)).outcome).toBe("NOT_DUE");

    clock.advanceDays(0.1);
    const first = await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id });
    expect(first).toMatchObject({ batches: 1, finalized: ids.length, waiting: 0, batchesClosed: 1, failed: 0 });
    const again = await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id });
    expect(again).toMatchObject({ batches: 0, finalized: 0 });
    expect((await finalizeAward({ db: t.db, now: clock.now }, ids[0]!)).outcome).toBe("NOT_DUE");
    expect(await t.db.ledgerTransaction.count({ where: { villageId: s.v.id } })).toBe(ids.length);
    expect(await t.db.noticeBatch.findUniqueOrThrow({ where: { id: pub.batchId }, select: { finalizedAt: true } })).toEqual({ finalizedAt: clock.now() });
    // the job's audit records carry no acting person
    const audit = await t.db.auditLog.findMany({ where: { regionId: s.v.id, action: "award.finalize" }, select: { actorUserId: true } });
    expect(audit).toHaveLength(ids.length);
    expect(audit.every((a) => a.actorUserId === null)).toBe(true);
  });

  it("an entry with an open objection waits and keeps the batch open; the others go final", async () => {
    const { s, clock, ids, pub } = await dueBatch(2);
    const target = ids[0]!;
    await callerFor(t.db, s.neighbour, { now: clock.now }).objection.create({ awardId: target, reason: "这条加分我有疑问" });
    clock.advanceDays(8);
    const r = await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id });
    expect(r).toMatchObject({ finalized: ids.length - 1, waiting: 1, batchesClosed: 0 });
    expect(await t.db.award.findUniqueOrThrow({ where: { id: target }, select: { status: true } })).toEqual({ status: "IN_NOTICE" });
    expect((await t.db.noticeBatch.findUniqueOrThrow({ where: { id: pub.batchId }, select: { finalizedAt: true } })).finalizedAt).toBeNull();
    // each later run still waits
    expect(await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id })).toMatchObject({ finalized: 0, waiting: 1 });
  });
});

describe("concurrency", () => {
  it("50 parallel runs on a due batch post each entry exactly once", async () => {
    const { s, clock, households, ids, pub } = await dueBatch(6);
    clock.advanceDays(7);
    const reports = await Promise.all(Array.from({ length: 50 }, () => finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id })));
    expect(reports.reduce((n, r) => n + r.finalized, 0)).toBe(ids.length);
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);

    for (const id of ids) expect(await t.db.ledgerTransaction.count({ where: { idempotencyKey: `award:${id}` } })).toBe(1);
    expect(await t.db.ledgerTransaction.count({ where: { villageId: s.v.id } })).toBe(ids.length);
    const awards = await t.db.award.findMany({ where: { id: { in: ids } }, select: { status: true, transactionId: true } });
    expect(awards.every((a) => a.status === "FINAL" && a.transactionId)).toBe(true);
    for (const [i, h] of households.entries()) {
      const expected = i % 3 === 0 ? 5 : 10;
      expect(await householdBalance(t.db, h.id)).toBe(expected);
      const score = await householdScore(t.db, h.id, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
      expect(score.score).toBe(expected);
    }
    expect((await t.db.noticeBatch.findUniqueOrThrow({ where: { id: pub.batchId }, select: { finalizedAt: true } })).finalizedAt).not.toBeNull();
    const v = await verifyLedger(t.db, { villageId: s.v.id });
    expect(v.problems).toEqual([]);
  });

  it("objections racing the close of the window: each entry ends either FINAL with no open objection, or waiting", async () => {
    const { s, clock, ids } = await dueBatch(3);
    clock.advanceDays(7);
    const late = clock.now();
    // objections one millisecond before the close, racing the job at the close
    const before = new Date(late.getTime() - 1);
    const results = await Promise.allSettled([
      ...ids.map((id) => callerFor(t.db, s.neighbour, { now: () => before }).objection.create({ awardId: id, reason: "临近截止提出的异议" })),
      finalizeDue({ db: t.db, now: () => late }, { villageId: s.v.id }),
      finalizeDue({ db: t.db, now: () => late }, { villageId: s.v.id }),
    ]);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason?.code === "BAD_REQUEST")).toBe(true);
    for (const id of ids) {
      const a = await t.db.award.findUniqueOrThrow({ where: { id }, select: { status: true } });
      const open = await t.db.objection.count({ where: { awardId: id, status: "OPEN" } });
      const posted = await t.db.ledgerTransaction.count({ where: { idempotencyKey: `award:${id}` } });
      if (a.status === "FINAL") expect([open, posted]).toEqual([0, 1]);
      else expect([a.status, open, posted]).toEqual(["IN_NOTICE", 1, 0]);
    }
  });

  it("20 parallel proposals with one key, then approval and publish: one entry, one posting", async () => {
    const s = await pointsVillage(t.db, { noticeDays: 1 });
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callerFor(t.db, s.committee).award.propose({ householdId: s.h1.id, ruleId: s.rules.award, reason: "义务劳动", idempotencyKey: k }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await callerFor(t.db, s.supervisor).award.approve({ id: results[0]!.id });
    await Promise.allSettled([callerFor(t.db, s.committee).publicity.publish({}), callerFor(t.db, s.committee).publicity.publish({})]);
    const late = () => new Date(Date.now() + 2 * 24 * 3600_000);
    await Promise.all([finalizeDue({ db: t.db, now: late }, { villageId: s.v.id }), finalizeDue({ db: t.db, now: late }, { villageId: s.v.id })]);
    expect(await t.db.ledgerTransaction.count({ where: { villageId: s.v.id } })).toBe(1);
    expect(await householdBalance(t.db, s.h1.id)).toBe(10);
  });
});
