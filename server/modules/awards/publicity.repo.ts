/**
 * Queries of the 积分公示 step: notice batches, the entries they hold and the board. Explicit
 * `select` everywhere; entries come back in the shape `decorate` turns into views.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { awardSelect } from "./award.repo";

type Reader = Db | Tx;

/** The status of each of the village's entries among `ids` (as many rows as exist). */
export function awardStatuses(tx: Tx, villageId: string, ids: string[]) {
  return tx.award.findMany({ where: { id: { in: ids }, villageId }, select: { status: true } });
}

/** The ids of the village's APPROVED entries, oldest proposal first. */
export async function approvedAwardIds(tx: Tx, villageId: string): Promise<string[]> {
  const rows = await tx.award.findMany({
    where: { villageId, status: "APPROVED" },
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((a) => a.id);
}

export function createBatch(tx: Tx, data: { villageId: string; title: string; publishedById: string; publishedAt: Date; closesAt: Date }) {
  return tx.noticeBatch.create({ data, select: { id: true, title: true, publishedAt: true, closesAt: true } });
}

/**
 * Puts the village's entries among `ids` that are still APPROVED into the batch (IN_NOTICE); returns
 * how many. Conditional on APPROVED: of two publishers at once, each entry lands in exactly one batch.
 */
export async function putInBatch(tx: Tx, villageId: string, ids: string[], batchId: string): Promise<number> {
  const { count } = await tx.award.updateMany({
    where: { id: { in: ids }, villageId, status: "APPROVED" },
    data: { status: "IN_NOTICE", noticeBatchId: batchId },
  });
  return count;
}

/** At most `take` entries on the board now, the soonest-closing batch first, then by household number. */
export function inNoticeAwards(db: Reader, villageId: string, take: number) {
  return db.award.findMany({
    where: { villageId, status: "IN_NOTICE" },
    orderBy: [{ noticeBatch: { closesAt: "asc" } }, { household: { number: "asc" } }, { id: "asc" }],
    take,
    select: awardSelect,
  });
}

/** At most `take` entries that became FINAL since `since`, latest first. */
export function recentFinalAwards(db: Reader, villageId: string, since: Date, take: number) {
  return db.award.findMany({
    where: { villageId, status: "FINAL", finalAt: { gte: since } },
    orderBy: [{ finalAt: "desc" }, { household: { number: "asc" } }, { id: "asc" }],
    take,
    select: awardSelect,
  });
}

/** Whether the batch's window has closed and none of its entries is still IN_NOTICE; if so, marks it finalized. */
export async function closeBatchIfSettled(db: Reader, batchId: string, now: Date): Promise<boolean> {
  const { count } = await db.noticeBatch.updateMany({
    where: { id: batchId, finalizedAt: null, closesAt: { lte: now }, awards: { none: { status: "IN_NOTICE" } } },
    data: { finalizedAt: now },
  });
  return count === 1;
}

/** Batches whose window has closed and that are not finalized yet (of one village, or all), oldest closing first. */
export async function dueBatchIds(db: Reader, now: Date, villageId?: string): Promise<string[]> {
  const rows = await db.noticeBatch.findMany({
    where: { finalizedAt: null, closesAt: { lte: now }, ...(villageId ? { villageId } : {}) },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((b) => b.id);
}

/** A page of the village's batches, newest first. */
export function batchPage(db: Reader, villageId: string, f: { take: number; cursor?: string | null }) {
  return db.noticeBatch.findMany({
    where: { villageId },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: f.take + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    select: { id: true, title: true, publishedById: true, publishedAt: true, closesAt: true, finalizedAt: true },
  });
}

/** Counts of the batches' entries by batch and status. */
export async function batchStatusCounts(db: Reader, batchIds: string[]) {
  if (batchIds.length === 0) return [];
  return db.award.groupBy({ by: ["noticeBatchId", "status"], where: { noticeBatchId: { in: batchIds } }, _count: { _all: true } });
}

/** The batch of each open objection to an entry of the batches (one row per open objection). */
export async function openObjectionBatches(db: Reader, batchIds: string[]) {
  if (batchIds.length === 0) return [];
  return db.objection.findMany({ where: { status: "OPEN", award: { noticeBatchId: { in: batchIds } } }, select: { award: { select: { noticeBatchId: true } } } });
}
