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

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;
export type EventWithSecret = EventRow & { secret: string };

/** Locks the event row for the rest of the transaction (capacity counts and closing serialise on it). */
export async function lockEvent(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT "id" FROM "Event" WHERE "id" = ${id} FOR UPDATE`;
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

