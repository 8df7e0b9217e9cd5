/**
 * Prisma queries of motions, their frozen electorate and their ballots. Every query of a motion names
 * the village in its `where`; electors and ballots are reached through a motion already scoped.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/server/db/generated/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** Who an elector row is: a household (village-wide vote) or a person (a body's member). */
export type ElectorKey = { householdId: string; householdMemberId?: undefined } | { householdMemberId: string; householdId?: undefined };

const keyWhere = (k: ElectorKey) => (k.householdMemberId ? { householdMemberId: k.householdMemberId } : { householdId: k.householdId! });

const MOTION_SELECT = {
  id: true,
  villageId: true,
  title: true,
  question: true,
  options: true,
  electorate: true,
  bodyId: true,
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
    electorate?: "VILLAGE_HOUSEHOLDS" | "BODY_MEMBERS" | "REPRESENTATIVES";
    bodyId?: string | null;
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
  const rows = await tx.$queryRaw<
    { status: string; closesAt: Date; options: string[]; secret: boolean; opensAt: Date | null; electorate: "VILLAGE_HOUSEHOLDS" | "BODY_MEMBERS" | "REPRESENTATIVES" }[]
  >`
    SELECT "status", "closesAt", "options", "secret", "opensAt", "electorate"::text AS "electorate" FROM "Motion" WHERE "id" = ${id} AND "villageId" = ${villageId} FOR SHARE`;
  return rows[0] ?? null;
}

/** DRAFT → OPEN; 0 when it was not a draft (a second opener loses). */
export async function markOpen(tx: Tx, villageId: string, id: string, at: Date) {
  return (await tx.motion.updateMany({ where: { id, villageId, status: "DRAFT" }, data: { status: "OPEN", opensAt: at } })).count;
}

/** The frozen electorate: one row per household (or per person of a body), written once when the motion opens. */
export async function freezeElectorate(tx: Tx, motionId: string, keys: ElectorKey[]) {
  await tx.motionElector.createMany({ data: keys.map((k) => ({ motionId, ...keyWhere(k) })) });
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
export async function markVoted(
  tx: Tx,
  motionId: string,
  key: ElectorKey,
  at: Date,
  voterUserId: string | null,
  paper?: { enteredById: string; meetingId: string | null },
) {
  const data = paper
    ? { votedAt: at, voterUserId: null, channel: "PAPER" as const, enteredById: paper.enteredById, meetingId: paper.meetingId }
    : { votedAt: at, voterUserId, channel: "APP" as const };
  return (await tx.motionElector.updateMany({ where: { motionId, ...keyWhere(key), votedAt: null }, data })).count;
}

export function findElector(db: Reader, motionId: string, key: ElectorKey) {
  return db.motionElector.findFirst({ where: { motionId, ...keyWhere(key) }, select: { id: true, votedAt: true, channel: true } });
}

/** One ballot: with a random id, no time, and (secret ballot) no household or person, so it joins to nothing. */
export async function insertBallot(tx: Tx, data: { motionId: string; option: string; key: ElectorKey | null }) {
  const who = data.key ? keyWhere(data.key) : {};
  await tx.motionBallot.create({ data: { id: randomUUID(), motionId: data.motionId, option: data.option, ...who }, select: { id: true } });
}

/** An open ballot's choice of the household or person (a secret ballot has none on record). */
export async function openBallotOf(db: Reader, motionId: string, key: ElectorKey): Promise<string | null> {
  const row = await db.motionBallot.findFirst({ where: { motionId, ...keyWhere(key) }, select: { option: true } });
  return row?.option ?? null;
}

/** How many of the votes came by app and by paper, each by COUNT(*) of the elector rows. */
export async function channelCounts(db: Reader, motionId: string): Promise<{ app: number; paper: number }> {
  const rows = await db.$queryRaw<{ app: bigint; paper: bigint }[]>`
    SELECT COUNT(*) FILTER (WHERE "votedAt" IS NOT NULL AND "channel" IS DISTINCT FROM 'PAPER') AS app,
           COUNT(*) FILTER (WHERE "votedAt" IS NOT NULL AND "channel" = 'PAPER') AS paper
    FROM "MotionElector" WHERE "motionId" = ${motionId}`;
  return { app: Number(rows[0]?.app ?? 0), paper: Number(rows[0]?.paper ?? 0) };
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

/** The person's elector rows on the motions (a body's electorate), with the person each row is for. */
export async function personElectors(db: Reader, personIds: string[], motionIds: string[]) {
  if (motionIds.length === 0 || personIds.length === 0) return [];
  return db.motionElector.findMany({
    where: { householdMemberId: { in: personIds }, motionId: { in: motionIds } },
    select: { motionId: true, householdMemberId: true, votedAt: true },
  });
}
