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


export type NewEvent = {
  villageId: string;
  title: string;
  description: string;
  category: string;
  ruleId: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  geoLat: number | null;
  geoLng: number | null;
  geoRadiusM: number | null;
  capacity: number | null;
  signupRequired: boolean;
  needsApproval: boolean;
  allowStaticCode: boolean;
  secret: string;
  createdById: string;
};

export function createEventRow(tx: Tx, data: NewEvent) {
  return tx.event.create({ data: { ...data, category: data.category as never }, select: { id: true, title: true } });
}

/** Upcoming (not ended, not cancelled or closed; soonest first) or past events of the village, at most `take`. */
export function listVillageEvents(db: Reader, villageId: string, upcoming: boolean, now: Date, take: number) {
  return db.event.findMany({
    where: upcoming
      ? { villageId, cancelledAt: null, closedAt: null, endsAt: { gte: now } }
      : { villageId, OR: [{ endsAt: { lt: now } }, { cancelledAt: { not: null } }, { closedAt: { not: null } }] },
    orderBy: upcoming ? [{ startsAt: "asc" }, { id: "asc" }] : [{ startsAt: "desc" }, { id: "desc" }],
    take,
    select: eventSelect,
  });
}

/** The household's check-ins, sign-ups and members present at the events. */
export async function householdAtEvents(db: Reader, householdId: string, eventIds: string[]) {
  const [checkIns, signups, presence] = await Promise.all([
    db.eventCheckIn.findMany({ where: { householdId, eventId: { in: eventIds } }, select: { eventId: true, method: true, createdAt: true, awardId: true } }),
    db.eventSignup.findMany({ where: { householdId, eventId: { in: eventIds } }, select: { eventId: true } }),
    db.eventPresence.findMany({ where: { householdId, eventId: { in: eventIds }, memberId: { not: null } }, select: { eventId: true, memberId: true } }),
  ]);
  return { checkIns, signups, presence: presence.map((p) => ({ eventId: p.eventId, memberId: p.memberId! })) };
}

export function findSignup(db: Reader, eventId: string, householdId: string) {
  return db.eventSignup.findUnique({ where: { eventId_householdId: { eventId, householdId } }, select: { id: true } });
}

export function countSignups(db: Reader, eventId: string) {
  return db.eventSignup.count({ where: { eventId } });
}

export function createSignup(tx: Tx, data: { eventId: string; householdId: string; userId: string }) {
  return tx.eventSignup.create({ data, select: { id: true } });
}

/** Check-ins of the event that have no award yet, in the order they came. */
export function unawardedCheckIns(tx: Tx, eventId: string) {
  return tx.eventCheckIn.findMany({ where: { eventId, awardId: null }, orderBy: { createdAt: "asc" }, select: { id: true, householdId: true } });
}

/** Members recorded present at the event (people, not a household's anonymous presence), in the order they came. */
export async function memberPresence(tx: Tx, eventId: string) {
  const rows = await tx.eventPresence.findMany({
    where: { eventId, memberId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { householdId: true, memberId: true },
  });
  return rows.map((r) => ({ householdId: r.householdId, memberId: r.memberId! }));
}

export async function linkAward(tx: Tx, checkInId: string, awardId: string) {
  await tx.eventCheckIn.update({ where: { id: checkInId }, data: { awardId }, select: { id: true } });
}

export async function markClosed(tx: Tx, id: string, at: Date, byUserId: string) {
  await tx.event.update({ where: { id }, data: { closedAt: at, closedById: byUserId }, select: { id: true } });
}

export async function markCancelled(tx: Tx, id: string, at: Date) {
  await tx.event.update({ where: { id }, data: { cancelledAt: at }, select: { id: true } });
}
