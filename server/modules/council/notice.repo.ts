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

const VERSION_SELECT = { version: true, title: true, body: true, reason: true, publishedById: true, publishedAt: true, attachmentIds: true } as const;

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
  data: { noticeId: string; version: number; title: string; body: string; reason: string; publishedById: string; publishedAt: Date; attachmentIds?: string[] },
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

// ---- attachments ----

const ATTACHMENT_SELECT = { id: true, kind: true, fileName: true, contentType: true, size: true, publishedIn: true, createdAt: true } as const;
export type AttachmentRow = { id: string; kind: "PHOTO" | "PDF"; fileName: string; contentType: string; size: number; publishedIn: number | null; createdAt: Date };

export function createAttachment(
  tx: Tx,
  data: { villageId: string; noticeId: string; kind: "PHOTO" | "PDF"; fileName: string; contentType: string; bytes: Buffer; createdById: string },
) {
  return tx.noticeAttachment.create({ data: { ...data, bytes: new Uint8Array(data.bytes), size: data.bytes.length }, select: ATTACHMENT_SELECT });
}

/** Locks the notice's row, so two uploads (or an upload and a publication) count its attachments one after the other. */
export async function lockNotice(tx: Tx, villageId: string, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Notice" WHERE "id" = ${id} AND "villageId" = ${villageId} FOR UPDATE`;
  return rows.length > 0;
}

/** Every attachment of the notice (staged and published), oldest first, without the bytes. */
export function listAttachments(db: Reader, villageId: string, noticeId: string): Promise<AttachmentRow[]> {
  return db.noticeAttachment.findMany({ where: { villageId, noticeId }, select: ATTACHMENT_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Marks staged attachments as first published in `version`. */
export async function publishAttachments(tx: Tx, villageId: string, noticeId: string, ids: string[], version: number) {
  if (ids.length === 0) return;
  await tx.noticeAttachment.updateMany({ where: { villageId, noticeId, id: { in: ids }, publishedIn: null }, data: { publishedIn: version } });
}

/** Deletes a staged attachment (never published, so no reader saw it); 0 when it is not staged in the village. */
export async function deleteStaged(tx: Tx, villageId: string, noticeId: string, id: string) {
  return (await tx.noticeAttachment.deleteMany({ where: { id, villageId, noticeId, publishedIn: null } })).count;
}

/** An attachment's bytes and what is needed to decide who may fetch it; scoped by the village. */
export function attachmentFile(db: Reader, villageId: string, id: string) {
  return db.noticeAttachment.findFirst({
    where: { id, villageId },
    select: { id: true, kind: true, fileName: true, contentType: true, bytes: true, publishedIn: true, createdAt: true, notice: { select: { status: true } } },
  });
}
