/**
 * Prisma queries of motions, their frozen electorate and their ballots. Every query of a motion names
 * the village in its `where`; electors and ballots are reached through a motion already scoped.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/server/db/generated/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

const MOTION_SELECT = {
  id: true,
  villageId: true,
  title: true,
  question: true,
  options: true,
  electorate: true,
  secret: true,
  validityRule: true,
  decisionRule: true,
  status: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  result: true,
  resultNoticeId: true,
  ruleBookId: true,
  createdById: true,
  createdAt: true,
} as const;

export type MotionRow = Prisma.MotionGetPayload<{ select: typeof MOTION_SELECT }>;

export function createMotion(
  tx: Tx,
  data: {
    villageId: string;
    title: string;
    question: string;
    options: string[];
    secret: boolean;
    closesAt: Date;
    validityRule: Prisma.InputJsonValue;
    decisionRule: Prisma.InputJsonValue;
    ruleBookId?: string;
    createdById: string;
  },
) {
  return tx.motion.create({ data, select: { id: true } });
}

/** A draft or open motion of the village naming this rule book (there is at most one), or null. */
export function liveMotionForBook(tx: Tx, villageId: string, ruleBookId: string) {
  return tx.motion.findFirst({ where: { villageId, ruleBookId, status: { in: ["DRAFT", "OPEN"] } }, select: { id: true } });
}

export function findMotion(db: Reader, villageId: string, id: string): Promise<MotionRow | null> {
  return db.motion.findFirst({ where: { id, villageId }, select: MOTION_SELECT });
}

/**
 * The motion, with its row locked against closing for the rest of the vote's transaction (FOR SHARE:
 * votes do not wait on each other, a closing UPDATE waits for them, and a vote after it sees CLOSED).
 */
export async function lockMotionForVote(tx: Tx, villageId: string, id: string) {
  const rows = await tx.$queryRaw<{ status: string; closesAt: Date; options: string[]; secret: boolean; opensAt: Date | null }[]>`
    SELECT "status", "closesAt", "options", "secret", "opensAt" FROM "Motion" WHERE "id" = ${id} AND "villageId" = ${villageId} FOR SHARE`;
  return rows[0] ?? null;
}

/** DRAFT → OPEN; 0 when it was not a draft (a second opener loses). */
export async function markOpen(tx: Tx, villageId: string, id: string, at: Date) {
  return (await tx.motion.updateMany({ where: { id, villageId, status: "DRAFT" }, data: { status: "OPEN", opensAt: at } })).count;
}

/** The frozen electorate: one row per household, written once when the motion opens. */
export async function freezeElectorate(tx: Tx, motionId: string, householdIds: string[]) {
  await tx.motionElector.createMany({ data: householdIds.map((householdId) => ({ motionId, householdId })) });
}

/**
 * OPEN → CLOSED, the one conditional UPDATE that makes closing happen once however many jobs race:
 * the loser waits for the winner's row lock, re-reads the row, finds it CLOSED and updates nothing.
 */
export async function markClosed(tx: Tx, id: string, at: Date) {
  return tx.$executeRaw`UPDATE "Motion" SET "status" = 'CLOSED', "closedAt" = ${at} WHERE "id" = ${id} AND "status" = 'OPEN'`;
}

export async function saveResult(tx: Tx, id: string, result: Prisma.InputJsonValue, resultNoticeId: string) {
  await tx.motion.update({ where: { id }, data: { result, resultNoticeId }, select: { id: true } });
}

/** Ids of the open motions whose closing time has come (any village: the job's scan). */
export async function dueMotionIds(db: Reader, at: Date, take: number): Promise<string[]> {
  const rows = await db.motion.findMany({ where: { status: "OPEN", closesAt: { lte: at } }, select: { id: true }, orderBy: { closesAt: "asc" }, take });
  return rows.map((r) => r.id);
}

export function findMotionAnyVillage(db: Reader, id: string): Promise<MotionRow | null> {
  return db.motion.findFirst({ where: { id }, select: MOTION_SELECT });
}

/**
 * Marks the household as having voted; 1 for the first vote, 0 when the household already voted or
 * is not in the electorate. Concurrent votes of one household's members queue on the row lock, and
 * only the first finds votedAt still null.
 */
export async function markVoted(tx: Tx, motionId: string, householdId: string, at: Date, voterUserId: string | null) {
  return (await tx.motionElector.updateMany({ where: { motionId, householdId, votedAt: null }, data: { votedAt: at, voterUserId } })).count;
}

export function findElector(db: Reader, motionId: string, householdId: string) {
  return db.motionElector.findUnique({ where: { motionId_householdId: { motionId, householdId } }, select: { votedAt: true } });
}

/** One ballot: with a random id, no time, and (secret ballot) no household, so it joins to nothing. */
export async function insertBallot(tx: Tx, data: { motionId: string; option: string; householdId: string | null }) {
  await tx.motionBallot.create({ data: { id: randomUUID(), ...data }, select: { id: true } });
}

/** An open ballot's choice of the household (a secret ballot has none on record). */
export async function openBallotOf(db: Reader, motionId: string, householdId: string): Promise<string | null> {
  const row = await db.motionBallot.findFirst({ where: { motionId, householdId }, select: { option: true } });
  return row?.option ?? null;
}

/** The tally: COUNT(*) of the ballots per choice. */
export async function tally(db: Reader, motionId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ option: string; n: bigint }[]>`
    SELECT "option", COUNT(*) AS n FROM "MotionBallot" WHERE "motionId" = ${motionId} GROUP BY "option"`;
  return new Map(rows.map((r) => [r.option, Number(r.n)]));
}

/** How many households are in the electorate and how many of them voted, each by COUNT(*). */
export async function turnout(db: Reader, motionIds: string[]): Promise<Map<string, { electorate: number; voted: number }>> {
  if (motionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ motionId: string; electorate: bigint; voted: bigint }[]>`
    SELECT "motionId", COUNT(*) AS electorate, COUNT(*) FILTER (WHERE "votedAt" IS NOT NULL) AS voted
    FROM "MotionElector" WHERE "motionId" = ANY(${motionIds}) GROUP BY "motionId"`;
  return new Map(rows.map((r) => [r.motionId, { electorate: Number(r.electorate), voted: Number(r.voted) }]));
}

export function listMotions(db: Reader, villageId: string, take: number) {
  return db.motion.findMany({ where: { villageId }, select: MOTION_SELECT, orderBy: [{ createdAt: "desc" }], take });
}

/** The village's open, closed and cancelled-after-opening motions for villagers (drafts are the committee's). */
export function listPublicMotions(db: Reader, villageId: string, take: number) {
  return db.motion.findMany({
    where: { villageId, status: { in: ["OPEN", "CLOSED", "CANCELLED"] }, opensAt: { not: null } },
    select: MOTION_SELECT,
    orderBy: [{ closesAt: "desc" }],
    take,
  });
}

/** When the household voted on each of the motions (absent: not in the electorate). */
export async function householdElectors(db: Reader, householdId: string, motionIds: string[]): Promise<Map<string, Date | null>> {
  if (motionIds.length === 0) return new Map();
  const rows = await db.motionElector.findMany({ where: { householdId, motionId: { in: motionIds } }, select: { motionId: true, votedAt: true } });
  return new Map(rows.map((r) => [r.motionId, r.votedAt]));
}
