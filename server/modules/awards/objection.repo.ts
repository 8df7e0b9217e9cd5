/** Objection (异议) queries with explicit `select`. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { awardSelect } from "./award.repo";

type Reader = Db | Tx;

/** The id of the village's entry, or null. */
export async function awardIdInVillage(db: Reader, villageId: string, id: string): Promise<string | null> {
  const a = await db.award.findFirst({ where: { id, villageId }, select: { id: true } });
  return a?.id ?? null;
}

/** An entry's status and its batch's closing time (for whether it may be objected to). */
export function awardWindow(tx: Tx, id: string) {
  return tx.award.findUniqueOrThrow({ where: { id }, select: { status: true, noticeBatch: { select: { closesAt: true } } } });
}

export function createObjection(tx: Tx, data: { awardId: string; villageId: string; userId: string; reason: string; createdAt: Date }) {
  return tx.objection.create({ data, select: { id: true, status: true } });
}

/** At most 200 objections of the village (newest first), each with its entry. */
export function villageObjections(db: Reader, villageId: string, status?: "OPEN" | "UPHELD" | "DISMISSED") {
  return db.objection.findMany({
    where: { villageId, ...(status ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      awardId: true,
      userId: true,
      reason: true,
      status: true,
      answer: true,
      ruledById: true,
      ruledAt: true,
      createdAt: true,
      award: { select: awardSelect },
    },
  });
}

/** The village's objections counted by status. */
export async function objectionCounts(db: Reader, villageId: string): Promise<Partial<Record<string, number>>> {
  const rows = await db.objection.groupBy({ by: ["status"], where: { villageId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((c) => [c.status, c._count._all]));
}

/** The objections to one entry, oldest first. */
export function objectionsOfAward(db: Reader, villageId: string, awardId: string) {
  return db.objection.findMany({
    where: { awardId, villageId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, reason: true, status: true, answer: true, ruledById: true, ruledAt: true, createdAt: true },
  });
}

/** The user's objections in the village since `since`, newest first (at most 100). */
export function myObjections(db: Reader, f: { villageId: string; userId: string; since: Date }) {
  return db.objection.findMany({
    where: { villageId: f.villageId, userId: f.userId, createdAt: { gte: f.since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, awardId: true, reason: true, status: true, answer: true, createdAt: true, ruledAt: true },
  });
}

/** Which of `awardIds` one of `userIds` has objected to. */
export async function objectedBy(db: Reader, awardIds: string[], userIds: string[]): Promise<Set<string>> {
  const rows = await db.objection.findMany({ where: { awardId: { in: awardIds }, userId: { in: userIds } }, select: { awardId: true } });
  return new Set(rows.map((r) => r.awardId));
}

/** The village's objection `id` (with its entry), or null. */
export function findObjection(tx: Tx, villageId: string, id: string) {
  return tx.objection.findFirst({ where: { id, villageId }, select: { id: true, awardId: true } });
}

export function objectionStatus(tx: Tx, id: string) {
  return tx.objection.findUniqueOrThrow({ where: { id }, select: { status: true } });
}

type Ruling = { answer: string; ruledById: string; ruledAt: Date };

/** Upholds every open objection to the entry, and the entry is OVERTURNED. */
export async function upholdAll(tx: Tx, awardId: string, ruling: Ruling) {
  await tx.objection.updateMany({ where: { awardId, status: "OPEN" }, data: { status: "UPHELD", ...ruling } });
  await tx.award.update({ where: { id: awardId }, data: { status: "OVERTURNED" }, select: { id: true } });
}

export async function dismiss(tx: Tx, id: string, ruling: Ruling) {
  await tx.objection.update({ where: { id }, data: { status: "DISMISSED", ...ruling }, select: { id: true } });
}

/** How many objections to the entry are still open. */
export function countOpenObjections(db: Reader, awardId: string): Promise<number> {
  return db.objection.count({ where: { awardId, status: "OPEN" } });
}
