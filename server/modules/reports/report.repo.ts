/** The reports module's queries (Report, ReportPhoto, Landmark): explicit selects, village in every where. */
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";
import { boundingBox } from "./report.policy";

type Reader = Db | Tx;

export const reportSelect = {
  id: true,
  villageId: true,
  householdId: true,
  reporterUserId: true,
  proxyUserId: true,
  category: true,
  text: true,
  lat: true,
  lng: true,
  accuracyM: true,
  placeSource: true,
  farFromVillage: true,
  gridId: true,
  landmarkId: true,
  status: true,
  duplicateOfId: true,
  reviewedById: true,
  reviewedAt: true,
  declineReason: true,
  ruleId: true,
  awardId: true,
  createdAt: true,
  photos: { select: { id: true, sort: true, width: true, height: true }, orderBy: { sort: "asc" } },
} as const satisfies Prisma.ReportSelect;

export type ReportRow = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;

export function reportById(db: Reader, villageId: string, id: string): Promise<ReportRow | null> {
  return db.report.findFirst({ where: { id, villageId }, select: reportSelect });
}

export function reportByRequestKey(db: Reader, villageId: string, requestKey: string): Promise<ReportRow | null> {
  return db.report.findFirst({ where: { villageId, requestKey }, select: reportSelect });
}

export function reportOfAward(db: Reader, villageId: string, awardId: string): Promise<ReportRow | null> {
  return db.report.findFirst({ where: { villageId, awardId }, select: reportSelect });
}

export type NewReport = Omit<Prisma.ReportCreateManyInput, "id" | "status" | "createdAt"> & { createdAt: Date };

/** Inserts a report and its photos (already re-encoded), in the caller's transaction. */
export async function insertReport(tx: Tx, row: NewReport, photos: { bytes: Buffer; type: string; width: number; height: number }[]) {
  const r = await tx.report.create({ data: row, select: { id: true } });
  await tx.reportPhoto.createMany({
    data: photos.map((p, i) => ({ villageId: row.villageId, reportId: r.id, sort: i, type: p.type, width: p.width, height: p.height, bytes: new Uint8Array(p.bytes) })),
  });
  return r.id;
}

/**
 * The one transition out of SUBMITTED: a conditional update, so two reviewers at once cannot both
 * move a report (the second waits on the row and then updates nothing). Returns whether it moved.
 */
export async function reviewSubmitted(
  tx: Tx,
  villageId: string,
  id: string,
  data: Pick<Prisma.ReportUpdateManyMutationInput, "status" | "reviewedById" | "reviewedAt" | "declineReason" | "duplicateOfId" | "ruleId">,
): Promise<boolean> {
  const { count } = await tx.report.updateMany({ where: { id, villageId, status: "SUBMITTED" }, data });
  return count === 1;
}

export function setAward(tx: Tx, villageId: string, id: string, awardId: string) {
  return tx.report.updateMany({ where: { id, villageId, status: "ACCEPTED" }, data: { awardId } });
}

/** A household's reports, newest first. */
export function reportsOfHousehold(db: Reader, villageId: string, householdId: string, take: number) {
  return db.report.findMany({ where: { villageId, householdId }, select: reportSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** The review queue: one status, of one grid (a grid worker) or the whole village; oldest first while waiting. */
export function queue(db: Reader, villageId: string, f: { status: ReportRow["status"]; gridId?: string | null; take: number }) {
  return db.report.findMany({
    where: { villageId, status: f.status, ...(f.gridId !== undefined ? { gridId: f.gridId } : {}) },
    select: reportSelect,
    orderBy: f.status === "SUBMITTED" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ reviewedAt: "desc" }, { id: "desc" }],
    take: f.take,
  });
}

/**
 * Earlier reports of the village within `metres` and `hours` of the given one: an index range on
 * (villageId, lat, lng) by a bounding box, then the exact great-circle distance in SQL.
 */
export async function nearbyEarlier(
  db: Reader,
  villageId: string,
  r: { id: string; lat: number; lng: number; createdAt: Date },
  metres: number,
  hours: number,
): Promise<{ id: string; distanceM: number }[]> {
  const box = boundingBox(r, metres);
  const from = new Date(r.createdAt.getTime() - hours * 3_600_000);
  const rows = await db.$queryRaw<{ id: string; distanceM: number }[]>`
    SELECT "id", "distanceM" FROM (
      SELECT "id", "createdAt",
        2 * 6371000 * asin(least(1, sqrt(
          power(sin(radians("lat" - ${r.lat}) / 2), 2)
          + cos(radians(${r.lat})) * cos(radians("lat")) * power(sin(radians("lng" - ${r.lng}) / 2), 2)
        ))) AS "distanceM"
      FROM "Report"
      WHERE "villageId" = ${villageId} AND "id" <> ${r.id}
        AND "lat" BETWEEN ${box.minLat} AND ${box.maxLat} AND "lng" BETWEEN ${box.minLng} AND ${box.maxLng}
        AND "createdAt" >= ${from} AND "createdAt" <= ${r.createdAt}
        AND "status" <> 'DUPLICATE'
    ) near
    WHERE "distanceM" <= ${metres}
    ORDER BY "distanceM", "createdAt" LIMIT 5`;
  return rows.map((x) => ({ id: x.id, distanceM: Math.round(Number(x.distanceM)) }));
}

/** Brief rows (for naming suggested duplicates). */
export function briefs(db: Reader, villageId: string, ids: string[]) {
  return db.report.findMany({ where: { villageId, id: { in: ids } }, select: { id: true, text: true, createdAt: true, status: true, householdId: true } });
}

/** A photo with what decides who may see it. */
export function photoById(db: Reader, villageId: string, id: string) {
  return db.reportPhoto.findFirst({
    where: { id, villageId },
    select: { bytes: true, type: true, report: { select: { householdId: true, gridId: true, proxyUserId: true } } },
  });
}

export function landmarks(db: Reader, villageId: string) {
  return db.landmark.findMany({ where: { villageId }, select: { id: true, name: true, lat: true, lng: true }, orderBy: { name: "asc" } });
}

export function landmarkById(db: Reader, villageId: string, id: string) {
  return db.landmark.findFirst({ where: { id, villageId }, select: { id: true, name: true, lat: true, lng: true } });
}

export function countLandmarks(db: Reader, villageId: string) {
  return db.landmark.count({ where: { villageId } });
}

export function insertLandmark(tx: Tx, row: { villageId: string; name: string; lat: number; lng: number; createdAt: Date }) {
  return tx.landmark.create({ data: row, select: { id: true, name: true, lat: true, lng: true } });
}

export function deleteLandmark(tx: Tx, villageId: string, id: string) {
  return tx.landmark.deleteMany({ where: { id, villageId } });
}
