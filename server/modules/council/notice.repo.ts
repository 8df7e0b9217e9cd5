/** Prisma queries of notices, their versions and readings; every query names the village in its `where`. */
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { NoticeKind } from "./notice.schema";

type Reader = Db | Tx;

const NOTICE_SELECT = {
  id: true,
  kind: true,
  status: true,
  pinned: true,
  title: true,
  body: true,
  version: true,
  createdById: true,
  createdAt: true,
  publishedAt: true,
} as const;

const VERSION_SELECT = { version: true, title: true, body: true, reason: true, publishedById: true, publishedAt: true } as const;

export function createNotice(tx: Tx, data: { villageId: string; kind: NoticeKind; title: string; body: string; createdById: string }) {
  return tx.notice.create({ data, select: NOTICE_SELECT });
}

export function findNotice(db: Reader, villageId: string, id: string) {
  return db.notice.findFirst({ where: { id, villageId }, select: NOTICE_SELECT });
}

export function findPublished(db: Reader, villageId: string, id: string) {
  return db.notice.findFirst({ where: { id, villageId, status: "PUBLISHED" }, select: NOTICE_SELECT });
}

/** Changes a draft's text; 0 when it is not (or no longer) a draft of the village. */
export async function updateDraft(tx: Tx, villageId: string, id: string, data: { kind: NoticeKind; title: string; body: string }) {
  return (await tx.notice.updateMany({ where: { id, villageId, status: "DRAFT" }, data })).count;
}

/** DRAFT → PUBLISHED as version 1; 0 when it was not a draft (a second publisher loses). */
export async function markPublished(tx: Tx, villageId: string, id: string, at: Date) {
  return (await tx.notice.updateMany({ where: { id, villageId, status: "DRAFT" }, data: { status: "PUBLISHED", version: 1, publishedAt: at } })).count;
}

/** Moves a published notice from `fromVersion` to the next, with the corrected text; 0 when another correction came first. */
export async function bumpVersion(tx: Tx, villageId: string, id: string, fromVersion: number, data: { title: string; body: string }) {
  return (
    await tx.notice.updateMany({
      where: { id, villageId, status: "PUBLISHED", version: fromVersion },
      data: { ...data, version: fromVersion + 1 },
    })
  ).count;
}

export function createVersion(
  tx: Tx,
  data: { noticeId: string; version: number; title: string; body: string; reason: string; publishedById: string; publishedAt: Date },
) {
  return tx.noticeVersion.create({ data, select: { version: true } });
}

export async function setPinned(tx: Tx, villageId: string, id: string, pinned: boolean) {
  return (await tx.notice.updateMany({ where: { id, villageId }, data: { pinned } })).count;
}

/** Every published version, oldest first. */
export function listVersions(db: Reader, noticeId: string) {
  return db.noticeVersion.findMany({ where: { noticeId }, select: VERSION_SELECT, orderBy: { version: "asc" } });
}

/** The village's notices for the committee: drafts and published, newest first. */
export function listAll(db: Reader, villageId: string, take: number) {
  return db.notice.findMany({
    where: { villageId },
    select: { ...NOTICE_SELECT, body: false },
    orderBy: [{ pinned: "desc" }, { createdAt: "desc" }],
    take,
  });
}

/** The village's published notices, pinned then newest first. */
export function listPublished(db: Reader, villageId: string, take: number) {
  return db.notice.findMany({
    where: { villageId, status: "PUBLISHED" },
    select: { ...NOTICE_SELECT, body: false },
    orderBy: [{ pinned: "desc" }, { publishedAt: "desc" }],
    take,
  });
}

/** How many households read each of the notices (any version). */
export async function readCounts(db: Reader, noticeIds: string[]): Promise<Map<string, number>> {
  if (noticeIds.length === 0) return new Map();
  const rows = await db.noticeRead.groupBy({ by: ["noticeId"], where: { noticeId: { in: noticeIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.noticeId, r._count._all]));
}

/** The newest version the household read of each of the notices. */
export async function householdReads(db: Reader, householdId: string, noticeIds: string[]): Promise<Map<string, number>> {
  if (noticeIds.length === 0) return new Map();
  const rows = await db.noticeRead.findMany({ where: { householdId, noticeId: { in: noticeIds } }, select: { noticeId: true, version: true } });
  return new Map(rows.map((r) => [r.noticeId, r.version]));
}

/**
 * Records that the household read `version` of the notice: one row per household (the unique index
 * makes two members opening it at once one reading); a later version read moves the row forward.
 */
export async function recordRead(db: Reader, data: { noticeId: string; householdId: string; userId: string; version: number }) {
  await db.$executeRaw`
    INSERT INTO "NoticeRead" ("id", "noticeId", "householdId", "userId", "version")
    VALUES (${randomUUID()}, ${data.noticeId}, ${data.householdId}, ${data.userId}, ${data.version})
    ON CONFLICT ("noticeId", "householdId") DO UPDATE SET "version" = GREATEST("NoticeRead"."version", EXCLUDED."version")`;
}
