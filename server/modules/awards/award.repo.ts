/**
 * Award queries with explicit `select`, and the decoration that turns rows into friendly views
 * (household number and head, rule code/title/category, people's names — never phone numbers).
 */
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";
import { ruleLabels, type RuleLabel } from "../rules/rule.read";
import { userNames } from "../accounts/account.read";
import { memberNames } from "../households/for-awards.read";

type Reader = Db | Tx;

/** Locks the award row for the rest of the transaction (finalization, review, objections and rulings serialise on it). */
export async function lockAward(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Award" WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 1;
}

const PROPOSAL_LOCK_CLASS = 7002;

/**
 * Serialises proposals of one village (idempotency-key lookups and cap counts must not race).
 * Proposals are made by a few people per village, so one lock per village costs nothing.
 */
export async function lockProposals(tx: Tx, villageId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PROPOSAL_LOCK_CLASS}::int, hashtext(${villageId}))`;
}

export const awardSelect = {
  id: true,
  villageId: true,
  householdId: true,
  ruleId: true,
  ruleBookId: true,
  points: true,
  reason: true,
  evidenceUrl: true,
  memberId: true,
  source: true,
  sourceId: true,
  batchKey: true,
  status: true,
  proposedById: true,
  proposedAt: true,
  reviewedById: true,
  reviewedAt: true,
  reviewNote: true,
  noticeBatchId: true,
  finalAt: true,
  transactionId: true,
  reversalTxId: true,
  household: { select: { id: true, number: true, headName: true } },
  noticeBatch: { select: { id: true, title: true, publishedAt: true, closesAt: true, finalizedAt: true } },
} satisfies Prisma.AwardSelect;

export type AwardRow = Prisma.AwardGetPayload<{ select: typeof awardSelect }>;

export function findAward(db: Reader, villageId: string, id: string) {
  return db.award.findFirst({ where: { id, villageId }, select: awardSelect });
}

/** How many counted entries each household already has for the rule in [from, to). */
export async function capCounts(
  db: Reader,
  f: { villageId: string; ruleId: string; householdIds: string[]; from: Date; to: Date; statuses: readonly string[] },
) {
  const rows = await db.award.groupBy({
    by: ["householdId"],
    where: {
      villageId: f.villageId,
      ruleId: f.ruleId,
      householdId: { in: f.householdIds },
      status: { in: f.statuses as never },
      proposedAt: { gte: f.from, lt: f.to },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.householdId, r._count._all]));
}

/** Open objections per award. */
export async function openObjectionCounts(db: Reader, awardIds: string[]): Promise<Map<string, number>> {
  if (awardIds.length === 0) return new Map();
  const rows = await db.objection.groupBy({
    by: ["awardId"],
    where: { awardId: { in: awardIds }, status: "OPEN" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.awardId, r._count._all]));
}

const UNKNOWN_RULE = (id: string): RuleLabel => ({ id, code: "", title: "", category: "OTHER", points: 0, ruleBookId: "", ruleBookVersion: 0 });

/** An award as every page shows it. */
export type AwardView = Awaited<ReturnType<typeof decorate>>[number];

/** Turns award rows into views with names, rule labels and the notice window (a few queries per page, not per row). */
export async function decorate(db: Reader, villageId: string, rows: AwardRow[], now: Date) {
  const [rules, users, members, open] = await Promise.all([
    ruleLabels(db, villageId, rows.map((r) => r.ruleId)),
    userNames(db, rows.flatMap((r) => [r.proposedById, r.reviewedById])),
    memberNames(db, rows.map((r) => r.memberId)),
    openObjectionCounts(db, rows.filter((r) => r.status === "IN_NOTICE").map((r) => r.id)),
  ]);
  return rows.map((r) => {
    const rule = rules.get(r.ruleId) ?? UNKNOWN_RULE(r.ruleId);
    return {
      id: r.id,
      status: r.status,
      source: r.source,
      points: r.points,
      reason: r.reason,
      evidenceUrl: r.evidenceUrl,
      household: r.household,
      member: r.memberId ? { id: r.memberId, name: members.get(r.memberId) ?? "" } : null,
      rule: { id: rule.id, code: rule.code, title: rule.title, category: rule.category, ruleBookId: r.ruleBookId, ruleBookVersion: rule.ruleBookVersion },
      proposedBy: { id: r.proposedById, name: users.get(r.proposedById) ?? "" },
      proposedAt: r.proposedAt,
      reviewedBy: r.reviewedById ? { id: r.reviewedById, name: users.get(r.reviewedById) ?? "" } : null,
      reviewedAt: r.reviewedAt,
      reviewNote: r.reviewNote,
      notice: r.noticeBatch
        ? {
            batchId: r.noticeBatch.id,
            title: r.noticeBatch.title,
            publishedAt: r.noticeBatch.publishedAt,
            closesAt: r.noticeBatch.closesAt,
            windowOpen: r.status === "IN_NOTICE" && now < r.noticeBatch.closesAt,
          }
        : null,
      openObjections: open.get(r.id) ?? 0,
      finalAt: r.finalAt,
      transactionId: r.transactionId,
      reversalTxId: r.reversalTxId,
      batchKey: r.batchKey,
    };
  });
}

// Proposals and review (award.service.ts).

/** A manual proposal made earlier with the same request key by the same person, if any. */
export function findManualProposal(db: Reader, f: { villageId: string; requestKey: string; proposedById: string }) {
  return db.award.findFirst({
    where: { villageId: f.villageId, source: "MANUAL", sourceId: f.requestKey, proposedById: f.proposedById },
    select: { id: true, householdId: true, ruleId: true, status: true, points: true },
  });
}

/** The entries of an earlier batch proposal with this request key (empty if none). */
export function findBatchByKey(db: Reader, villageId: string, batchKey: string) {
  return db.award.findMany({ where: { villageId, batchKey }, select: { ruleId: true, points: true } });
}

/** Records a review on a PROPOSED entry; false if it is no longer PROPOSED (another reviewer won). */
export async function recordReview(
  tx: Tx,
  id: string,
  review: { status: "APPROVED" | "REJECTED"; reviewedById: string; reviewedAt: Date; reviewNote: string | null },
): Promise<boolean> {
  const { count } = await tx.award.updateMany({ where: { id, status: "PROPOSED" }, data: review });
  return count === 1;
}

/** Marks a FINAL entry REVERSED by the given ledger transaction. */
export async function markReversed(tx: Tx, id: string, reversalTxId: string) {
  await tx.award.update({ where: { id }, data: { status: "REVERSED", reversalTxId }, select: { id: true } });
}

/** A page of entries (newest first) matching `where`, and the village's counts per status over `base`. */
export async function awardPage(
  db: Reader,
  f: { base: { villageId: string; householdId?: string }; status?: AwardRow["status"]; take: number; cursor?: string | null },
) {
  const where = { ...f.base, ...(f.status ? { status: f.status } : {}) };
  const [rows, grouped] = await Promise.all([
    db.award.findMany({
      where,
      orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
      take: f.take + 1,
      ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
      select: awardSelect,
    }),
    db.award.groupBy({ by: ["status"], where: f.base, _count: { _all: true } }),
  ]);
  return { rows, counts: Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) as Partial<Record<string, number>> };
}

/** Entries of the village by id (those that exist), as views are built from. */
export function awardsByIds(db: Reader, villageId: string, ids: string[]) {
  return db.award.findMany({ where: { id: { in: ids }, villageId }, select: awardSelect });
}

// The household's own entries (points.service.ts).

/** How many entries of the household are on their way (in `statuses`). */
export function countHouseholdAwards(db: Reader, f: { villageId: string; householdId: string; statuses: readonly AwardRow["status"][] }) {
  return db.award.count({ where: { householdId: f.householdId, villageId: f.villageId, status: { in: [...f.statuses] } } });
}

/** The household's entries in `statuses`, newest first (at most 100). */
export function householdAwards(db: Reader, f: { villageId: string; householdId: string; statuses: readonly AwardRow["status"][] }) {
  return db.award.findMany({
    where: { householdId: f.householdId, villageId: f.villageId, status: { in: [...f.statuses] } },
    orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: awardSelect,
  });
}

/** Whether the entry belongs to the household (in its village). */
export async function isHouseholdAward(db: Reader, f: { villageId: string; householdId: string; awardId: string }): Promise<boolean> {
  const own = await db.award.findFirst({ where: { id: f.awardId, householdId: f.householdId, villageId: f.villageId }, select: { id: true } });
  return !!own;
}

// Finalization (finalize.ts).

/** What finalizing an entry needs to know and post. */
export function awardForFinalize(tx: Tx, id: string) {
  return tx.award.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      villageId: true,
      householdId: true,
      ruleId: true,
      ruleBookId: true,
      points: true,
      reason: true,
      memberId: true,
      proxyUserId: true,
      status: true,
      proposedById: true,
      reviewedById: true,
      noticeBatchId: true,
      noticeBatch: { select: { closesAt: true } },
    },
  });
}

/** Marks an entry FINAL, posted as `transactionId`. */
export async function markFinal(tx: Tx, id: string, finalAt: Date, transactionId: string) {
  await tx.award.update({ where: { id }, data: { status: "FINAL", finalAt, transactionId }, select: { id: true } });
}

/** The ids of a batch's entries still IN_NOTICE, in id order. */
export async function inNoticeIdsOfBatch(db: Reader, batchId: string): Promise<string[]> {
  const rows = await db.award.findMany({ where: { noticeBatchId: batchId, status: "IN_NOTICE" }, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Which of `sourceIds` (of the source kind) already have an award entry in the village. */
export async function awardedSourceIds(tx: Tx, villageId: string, source: Prisma.AwardCreateManyInput["source"], sourceIds: string[]): Promise<(string | null)[]> {
  const rows = await tx.award.findMany({ where: { villageId, source, sourceId: { in: sourceIds } }, select: { sourceId: true } });
  return rows.map((r) => r.sourceId);
}

/** Inserts new award entries; returns their ids with household and source. */
export function insertAwards(tx: Tx, rows: Prisma.AwardCreateManyInput[]) {
  return tx.award.createManyAndReturn({ data: rows, select: { id: true, householdId: true, sourceId: true } });
}
