/**
 * Points test data: a rule book with rules (created directly, as the rule-book module would leave
 * them), and a village with the people due process needs: a committee member who proposes, two
 * supervisors, a villager linked to their household.
 */
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { callerFor, makeActor, makeHousehold, makeUser, makeVillage, uniq } from "./index";

export type RuleSpec = {
  code?: string;
  title?: string;
  category?: "LAW_ABIDING" | "HARD_WORK" | "FILIAL" | "CUSTOMS" | "PUBLIC_GOOD" | "ENVIRONMENT" | "SAFETY" | "REPORT" | "OTHER";
  points: number;
  capPeriod?: "MONTH" | "YEAR" | null;
  capCount?: number | null;
  evidenceRequired?: boolean;
};

/** A rule book of the village (ADOPTED unless told) with the given rules; returns the rule ids in order. */
export async function makeRuleBook(db: Db, villageId: string, rules: RuleSpec[], opts: { status?: "DRAFT" | "ADOPTED" | "RETIRED"; version?: number } = {}) {
  const creator = await makeUser(db);
  const status = opts.status ?? "ADOPTED";
  const version = opts.version ?? (await db.ruleBook.count({ where: { villageId } })) + 1;
  const book = await db.ruleBook.create({
    data: {
      villageId,
      version,
      title: `积分细则第${version}版`,
      status,
      createdById: creator.id,
      adoptedAt: status === "DRAFT" ? null : new Date(),
      adoptedById: status === "DRAFT" ? null : creator.id,
      adoptedBy: status === "DRAFT" ? null : "2026年村民代表会议表决通过",
      retiredAt: status === "RETIRED" ? new Date() : null,
    },
    select: { id: true, version: true },
  });
  const ids: string[] = [];
  for (const [i, r] of rules.entries()) {
    const rule = await db.rule.create({
      data: {
        ruleBookId: book.id,
        villageId,
        code: r.code ?? `R${i + 1}`,
        category: r.category ?? "PUBLIC_GOOD",
        title: r.title ?? `测试项目${i + 1}`,
        points: r.points,
        capPeriod: r.capPeriod ?? null,
        capCount: r.capCount ?? null,
        evidenceRequired: r.evidenceRequired ?? false,
        sort: i,
      },
      select: { id: true },
    });
    ids.push(rule.id);
  }
  return { book, ruleIds: ids };
}

/** Links a fresh villager account to the household's head and returns the villager's Actor. */
export async function makeVillagerOf(db: Db, villageId: string, householdId: string): Promise<Actor> {
  const villager = await makeActor(db, "VILLAGER", villageId);
  await db.householdMember.updateMany({ where: { householdId, relation: "HEAD" }, data: { userId: villager.userId } });
  return villager;
}

/**
 * A village ready for due process: committee, two supervisors, two households (the first with a
 * linked villager), a rule book in force with an award rule (+10), a deduction rule (−5) and a
 * capped rule (+3, twice a month). `noticeDays` sets the village's notice period.
 */
export async function pointsVillage(db: Db, opts: { noticeDays?: number } = {}) {
  const v = await makeVillage(db);
  if (opts.noticeDays !== undefined) await db.region.update({ where: { id: v.id }, data: { noticeDays: opts.noticeDays } });
  const committee = await makeActor(db, "COMMITTEE", v.id);
  const supervisor = await makeActor(db, "SUPERVISOR", v.id);
  const supervisor2 = await makeActor(db, "SUPERVISOR", v.id);
  const h1 = await makeHousehold(db, v.id, { gridId: v.gridId, headName: "王建国" });
  const h2 = await makeHousehold(db, v.id, { gridId: v.gridId, headName: "李春生" });
  const villager = await makeVillagerOf(db, v.id, h1.id);
  const neighbour = await makeVillagerOf(db, v.id, h2.id);
  const { book, ruleIds } = await makeRuleBook(db, v.id, [
    { code: "G01", title: "参加村庄环境整治义务劳动", category: "ENVIRONMENT", points: 10 },
    { code: "D01", title: "乱堆乱放、占道经营", category: "ENVIRONMENT", points: -5 },
    { code: "C01", title: "看望慰问孤寡老人", category: "FILIAL", points: 3, capPeriod: "MONTH", capCount: 2 },
    { code: "E01", title: "见义勇为", category: "SAFETY", points: 50, evidenceRequired: true },
  ]);
  const [award, deduction, capped, evidence] = ruleIds as [string, string, string, string];
  return {
    v,
    committee,
    supervisor,
    supervisor2,
    villager,
    neighbour,
    h1,
    h2,
    book,
    rules: { award, deduction, capped, evidence },
  };
}

/** A fresh client request id, as the browser would generate it. */
export const key = () => uniq("req_").padEnd(12, "x");

/** A settable clock for `callerFor(db, actor, { now: clock.now })`. */
export function makeClock(start = new Date()) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set(d: Date) {
      t = d.getTime();
    },
    advanceDays(days: number) {
      t += days * 24 * 60 * 60 * 1000;
    },
  };
}

/** Proposes and approves an entry, returning its id (proposer: committee, approver: the given supervisor). */
export async function approvedAward(
  db: Db,
  s: { committee: Actor; supervisor: Actor },
  input: { householdId: string; ruleId: string; reason?: string },
  opts: { now?: () => Date } = {},
) {
  const { id } = await callerFor(db, s.committee, opts).award.propose({
    householdId: input.householdId,
    ruleId: input.ruleId,
    reason: input.reason ?? "参加周末环境整治",
    idempotencyKey: key(),
  });
  await callerFor(db, s.supervisor, opts).award.approve({ id });
  return id;
}

/** Everything a points operation could write in a village, to prove a refused call wrote nothing. */
export async function pointsSnapshot(db: Db, villageId: string) {
  const [awards, objections, batches, transactions, audit, relations] = await Promise.all([
    db.award.findMany({
      where: { villageId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, reviewedById: true, noticeBatchId: true, transactionId: true, reversalTxId: true },
    }),
    db.objection.findMany({ where: { villageId }, orderBy: { id: "asc" }, select: { id: true, status: true, answer: true } }),
    db.noticeBatch.findMany({ where: { villageId }, orderBy: { id: "asc" }, select: { id: true, finalizedAt: true } }),
    db.ledgerTransaction.count({ where: { villageId } }),
    db.auditLog.count({ where: { regionId: villageId } }),
    db.relatedHousehold.count({ where: { villageId } }),
  ]);
  return { awards, objections, batches, transactions, audit, relations };
}
