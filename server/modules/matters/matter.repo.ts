/** Prisma queries of matters, their supports, ratings and photos; every query names the village. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { MatterCategory, MatterRatingValue, MatterStatus } from "./matter.schema";

type Reader = Db | Tx;

export const MATTER_SELECT = {
  id: true,
  villageId: true,
  householdId: true,
  gridId: true,
  raisedById: true,
  proxyUserId: true,
  title: true,
  body: true,
  category: true,
  anonymous: true,
  status: true,
  supportCount: true,
  answer: true,
  declineReason: true,
  meetingId: true,
  respondedById: true,
  respondedAt: true,
  decision: true,
  outcome: true,
  doneById: true,
  doneAt: true,
  createdAt: true,
} as const;

export type MatterRow = {
  id: string;
  villageId: string;
  householdId: string;
  gridId: string | null;
  raisedById: string;
  proxyUserId: string | null;
  title: string;
  body: string;
  category: MatterCategory;
  anonymous: boolean;
  status: MatterStatus;
  supportCount: number;
  answer: string | null;
  declineReason: string | null;
  meetingId: string | null;
  respondedById: string | null;
  respondedAt: Date | null;
  decision: string | null;
  outcome: string | null;
  doneById: string | null;
  doneAt: Date | null;
  createdAt: Date;
};

export function createMatter(
  tx: Tx,
  data: {
    villageId: string;
    householdId: string;
    gridId: string | null;
    raisedById: string;
    proxyUserId: string | null;
    title: string;
    body: string;
    category: MatterCategory;
    anonymous: boolean;
    createdAt: Date;
  },
) {
  return tx.matter.create({ data, select: { id: true } });
}

export async function addPhotos(tx: Tx, villageId: string, matterId: string, photos: { bytes: Buffer; type: string }[], at: Date) {
  if (photos.length === 0) return;
  await tx.matterPhoto.createMany({
    data: photos.map((p, position) => ({ villageId, matterId, position, bytes: new Uint8Array(p.bytes), type: p.type, createdAt: at })),
  });
}

export function findMatter(db: Reader, villageId: string, id: string): Promise<MatterRow | null> {
  return db.matter.findFirst({ where: { id, villageId }, select: MATTER_SELECT });
}

export function listMatters(db: Reader, villageId: string, opts: { gridId?: string; statuses?: MatterStatus[]; take: number }): Promise<MatterRow[]> {
  return db.matter.findMany({
    where: { villageId, ...(opts.gridId ? { gridId: opts.gridId } : {}), ...(opts.statuses ? { status: { in: opts.statuses } } : {}) },
    select: MATTER_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
  });
}

/** OPEN matters of the village with at least `threshold` supports (the ones that can be overdue). */
export function openWithSupports(db: Reader, villageId: string, threshold: number) {
  return db.matter.findMany({ where: { villageId, status: "OPEN", supportCount: { gte: threshold } }, select: { id: true }, take: 5000 });
}

export function countOpen(db: Reader, villageId: string) {
  return db.matter.count({ where: { villageId, status: "OPEN" } });
}

/**
 * When each matter got its `threshold`-th supporting household (the support that started the answer
 * clock); matters with fewer supports are absent.
 */
export async function thresholdReached(db: Reader, villageId: string, matterIds: string[], threshold: number): Promise<Map<string, Date>> {
  if (matterIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ matterId: string; createdAt: Date }[]>`
    SELECT s."matterId", s."createdAt" FROM (
      SELECT "matterId", "createdAt", row_number() OVER (PARTITION BY "matterId" ORDER BY "createdAt", "id") AS rn
      FROM "MatterSupport" WHERE "villageId" = ${villageId} AND "matterId" = ANY(${matterIds}::text[])
    ) s WHERE s.rn = ${threshold}`;
  return new Map(rows.map((r) => [r.matterId, r.createdAt]));
}

/** Moves a matter from one of `from` to `status` with the given fields; 0 when it was not in such a state. */
export async function transition(tx: Tx, villageId: string, id: string, from: MatterStatus[], data: Partial<MatterRow> & { status: MatterStatus }) {
  const r = await tx.matter.updateMany({ where: { id, villageId, status: { in: from } }, data });
  return r.count;
}

const SUPPORT_SELECT = { id: true, matterId: true, householdId: true, actorUserId: true, proxyUserId: true, createdAt: true } as const;

/** Inserts the household's support unless it exists (the unique key decides); returns whether it was new. */
export async function insertSupport(tx: Tx, row: { villageId: string; matterId: string; householdId: string; actorUserId: string; proxyUserId: string | null; createdAt: Date }) {
  const r = await tx.matterSupport.createMany({ data: [row], skipDuplicates: true });
  return r.count === 1;
}

export function bumpSupportCount(tx: Tx, villageId: string, id: string) {
  return tx.matter.updateMany({ where: { id, villageId }, data: { supportCount: { increment: 1 } } });
}

export function findSupport(db: Reader, villageId: string, matterId: string, householdId: string) {
  return db.matterSupport.findUnique({ where: { villageId_matterId_householdId: { villageId, matterId, householdId } }, select: SUPPORT_SELECT });
}

/** The households that support a matter. */
export async function supporterHouseholds(db: Reader, villageId: string, matterId: string): Promise<string[]> {
  const rows = await db.matterSupport.findMany({ where: { villageId, matterId }, select: { householdId: true }, take: 5000 });
  return rows.map((r) => r.householdId);
}

/** Which of `matterIds` the household supports. */
export async function supportedBy(db: Reader, villageId: string, householdId: string, matterIds: string[]): Promise<Set<string>> {
  if (matterIds.length === 0) return new Set();
  const rows = await db.matterSupport.findMany({ where: { villageId, householdId, matterId: { in: matterIds } }, select: { matterId: true } });
  return new Set(rows.map((r) => r.matterId));
}

export async function insertRating(
  tx: Tx,
  row: { villageId: string; matterId: string; householdId: string; rating: MatterRatingValue; actorUserId: string; proxyUserId: string | null; createdAt: Date },
) {
  const r = await tx.matterRating.createMany({ data: [row], skipDuplicates: true });
  return r.count === 1;
}

export function findRating(db: Reader, villageId: string, matterId: string, householdId: string) {
  return db.matterRating.findUnique({
    where: { villageId_matterId_householdId: { villageId, matterId, householdId } },
    select: { id: true, rating: true, proxyUserId: true, createdAt: true },
  });
}

/** How many households rated the matter each way. */
export async function ratingCounts(db: Reader, villageId: string, matterId: string): Promise<Record<MatterRatingValue, number>> {
  const rows = await db.matterRating.groupBy({ by: ["rating"], where: { villageId, matterId }, _count: { _all: true } });
  const out: Record<MatterRatingValue, number> = { SATISFIED: 0, BASIC: 0, UNSATISFIED: 0 };
  for (const r of rows) out[r.rating] = r._count._all;
  return out;
}

export async function photoIds(db: Reader, villageId: string, matterIds: string[]): Promise<Map<string, string[]>> {
  if (matterIds.length === 0) return new Map();
  const rows = await db.matterPhoto.findMany({ where: { villageId, matterId: { in: matterIds } }, select: { id: true, matterId: true }, orderBy: { position: "asc" } });
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.matterId, [...(out.get(r.matterId) ?? []), r.id]);
  return out;
}

export function findPhoto(db: Reader, villageId: string, id: string) {
  return db.matterPhoto.findFirst({ where: { id, villageId }, select: { bytes: true, type: true, createdAt: true } });
}
