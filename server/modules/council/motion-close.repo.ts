/**
 * Prisma queries of closing and cancelling motions: the committee's requests (early close, cancel)
 * that a supervisor confirms, the CANCELLED transition and the rewrite of a secret motion's ballots
 * at closing. Every query of a request names the village; ballots are reached through a motion
 * already scoped.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { Prisma } from "@/server/db/generated/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export type RequestKind = "EARLY_CLOSE" | "CANCEL";

const REQUEST_SELECT = {
  id: true,
  motionId: true,
  villageId: true,
  kind: true,
  reason: true,
  status: true,
  requestedById: true,
  requestedAt: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
} as const;

export type RequestRow = Prisma.MotionRequestGetPayload<{ select: typeof REQUEST_SELECT }>;

/** The motion's row locked FOR UPDATE for the transaction (waits for votes holding it FOR SHARE). */
export async function lockMotion(tx: Tx, villageId: string, id: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string; closesAt: Date; secret: boolean; title: string }[]>`
    SELECT "id", "status", "closesAt", "secret", "title" FROM "Motion" WHERE "id" = ${id} AND "villageId" = ${villageId} FOR UPDATE`;
  return rows[0] ?? null;
}

export function pendingRequestOf(db: Reader, villageId: string, motionId: string) {
  return db.motionRequest.findFirst({ where: { villageId, motionId, status: "PENDING" }, select: REQUEST_SELECT });
}

export function createRequest(tx: Tx, data: { motionId: string; villageId: string; kind: RequestKind; reason: string; requestedById: string; requestedAt: Date }) {
  return tx.motionRequest.create({ data, select: { id: true } });
}

export function findRequest(db: Reader, villageId: string, id: string): Promise<RequestRow | null> {
  return db.motionRequest.findFirst({ where: { id, villageId }, select: REQUEST_SELECT });
}

/** PENDING → CONFIRMED / REFUSED / WITHDRAWN, once: 0 when someone else decided first. */
export async function decideRequest(
  tx: Tx,
  id: string,
  data: { status: "CONFIRMED" | "REFUSED" | "WITHDRAWN"; decidedById: string; decidedAt: Date; decisionNote?: string | null },
) {
  return (await tx.motionRequest.updateMany({ where: { id, status: "PENDING" }, data })).count;
}

/** The motion closed or was cancelled: a request still pending has nothing left to decide. */
export async function lapsePending(tx: Tx, motionId: string, at: Date) {
  await tx.motionRequest.updateMany({ where: { motionId, status: "PENDING" }, data: { status: "LAPSED", decidedAt: at } });
}

/** The village's pending requests, oldest first (the supervisor's list). */
export function pendingRequests(db: Reader, villageId: string, take: number) {
  return db.motionRequest.findMany({ where: { villageId, status: "PENDING" }, select: REQUEST_SELECT, orderBy: { requestedAt: "asc" }, take });
}

/** DRAFT or OPEN → CANCELLED, once; 0 when it was neither (closed or cancelled meanwhile). */
export async function markCancelled(tx: Tx, id: string, from: "DRAFT" | "OPEN", at: Date) {
  return tx.$executeRaw`UPDATE "Motion" SET "status" = 'CANCELLED', "closedAt" = ${at} WHERE "id" = ${id} AND "status" = ${from}::"MotionStatus"`;
}

/**
 * Rewrites a secret motion's ballots inside the closing transaction: the choices are read, the rows
 * deleted and written again as new rows with new random ids in a random order. The new rows carry
 * the closing transaction's xmin and a fresh heap position, so neither xmin, ctid nor id order pairs
 * a ballot with the MotionElector row its vote marked. Returns how many were rewritten.
 */
export async function shuffleBallots(tx: Tx, motionId: string): Promise<number> {
  const rows = await tx.motionBallot.findMany({ where: { motionId }, select: { option: true } });
  if (rows.length === 0) return 0;
  const options = rows.map((r) => r.option);
  for (let i = options.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [options[i], options[j]] = [options[j]!, options[i]!];
  }
  await tx.motionBallot.deleteMany({ where: { motionId } });
  await tx.motionBallot.createMany({ data: options.map((option) => ({ id: randomUUID(), motionId, option, householdId: null })) });
  return options.length;
}
