/**
 * Event queries with explicit `select`. The event's secret is read only by the functions that sign or
 * verify tokens and never leaves the server.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export const eventSelect = {
  id: true,
  villageId: true,
  title: true,
  description: true,
  category: true,
  ruleId: true,
  place: true,
  startsAt: true,
  endsAt: true,
  geoLat: true,
  geoLng: true,
  geoRadiusM: true,
  capacity: true,
  signupRequired: true,
  needsApproval: true,
  allowStaticCode: true,
  createdById: true,
  createdAt: true,
  cancelledAt: true,
  closedAt: true,
  closedById: true,
} as const;

/** The event of the village (another village's event is simply not found). */
export function findEvent(db: Reader, villageId: string, id: string) {
  return db.event.findFirst({ where: { id, villageId }, select: eventSelect });
}

/** The event with its signing secret, for the kiosk and for verifying tokens. */
export function findEventWithSecret(db: Reader, villageId: string, id: string) {
  return db.event.findFirst({ where: { id, villageId }, select: { ...eventSelect, secret: true } });
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;
export type EventWithSecret = NonNullable<Awaited<ReturnType<typeof findEventWithSecret>>>;

/** Events of the village open for check-in at `now` (for matching a typed code). */
export function openEventsWithSecret(db: Reader, villageId: string, now: Date) {
  return db.event.findMany({
    where: { villageId, cancelledAt: null, closedAt: null, startsAt: { lte: now }, endsAt: { gte: now } },
    select: { ...eventSelect, secret: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 50,
  });
}

/** Locks the event row for the rest of the transaction (capacity counts and closing serialise on it). */
export async function lockEvent(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT "id" FROM "Event" WHERE "id" = ${id} FOR UPDATE`;
}

/** The household the villager belongs to (through the member linked to their account) and that member. */
export function householdOfUser(db: Reader, villageId: string, userId: string) {
  return db.householdMember.findFirst({
    where: { userId, household: { villageId } },
    select: { id: true, name: true, household: { select: { id: true, number: true, headName: true, status: true, gridId: true } } },
  });
}

export function findHousehold(db: Reader, villageId: string, id: string) {
  return db.household.findFirst({
    where: { id, villageId },
    select: { id: true, number: true, headName: true, status: true, gridId: true },
  });
}

export function checkInOf(db: Reader, eventId: string, householdId: string) {
  return db.eventCheckIn.findUnique({
    where: { eventId_householdId: { eventId, householdId } },
    select: { id: true, method: true, createdAt: true, userId: true, staffUserId: true },
  });
}

/** Display names of the people who checked households in (staff, or the member who scanned). */
export async function userNames(db: Reader, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The grid (id and name) of the village, for a grid worker's own grid. */
export function findGrid(db: Reader, villageId: string, id: string) {
  return db.grid.findFirst({ where: { id, villageId }, select: { id: true, name: true } });
}

/** Check-ins per event. */
export async function checkInCounts(db: Reader, eventIds: string[]) {
  if (eventIds.length === 0) return new Map<string, number>();
  const rows = await db.eventCheckIn.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.eventId, r._count._all]));
}

export async function signupCounts(db: Reader, eventIds: string[]) {
  if (eventIds.length === 0) return new Map<string, number>();
  const rows = await db.eventSignup.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.eventId, r._count._all]));
}

/** The last check-ins of the event with household number and head name (never phone numbers). */
export async function recentCheckIns(db: Reader, eventId: string, take: number) {
  const rows = await db.eventCheckIn.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, householdId: true, method: true, createdAt: true },
  });
  const hs = await db.household.findMany({ where: { id: { in: rows.map((r) => r.householdId) } }, select: { id: true, number: true, headName: true } });
  const byId = new Map(hs.map((h) => [h.id, h]));
  return rows.map((r) => ({
    id: r.id,
    number: byId.get(r.householdId)?.number ?? "",
    headName: byId.get(r.householdId)?.headName ?? "",
    method: r.method,
    at: r.createdAt,
  }));
}
