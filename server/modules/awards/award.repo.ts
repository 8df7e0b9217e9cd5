/**
 * Award queries with explicit `select`, and the decoration that turns rows into friendly views
 * (household number and head, rule code/title/category, people's names — never phone numbers).
 */
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";
import { ruleLabels, type RuleLabel } from "../rules/rule.read";
import { userNames } from "../accounts/account.read";

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

/** The villager's own household in their village (through the member linked to their account). */
export async function myHousehold(db: Reader, actor: Actor) {
  return db.household.findFirst({
    where: { villageId: actor.villageId ?? "__none__", members: { some: { userId: actor.userId } } },
    select: { id: true, number: true, headName: true, villageId: true },
  });
}

export async function memberNames(db: Reader, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.householdMember.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((m) => [m.id, m.name]));
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
