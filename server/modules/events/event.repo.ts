/**
 * Event queries with explicit `select`. The event's secret is read only by the functions that sign or
 * verify tokens and never leaves the server.
 */
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { hotQuery } from "@/server/db/hot-sql";
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

/** eventSelect's columns as SQL (the enum as text, as Prisma returns it). */
const EVENT_COLUMNS = Prisma.raw(
  Object.keys(eventSelect)
    .map((c) => (c === "category" ? `"category"::text AS "category"` : `"${c}"`))
    .join(", "),
);

/** The event with its signing secret, for the kiosk and for verifying tokens (on every scan: hot-sql). */
export async function findEventWithSecret(db: Db, villageId: string, id: string): Promise<EventWithSecret | null> {
  const [e] = await hotQuery<EventWithSecret>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS}, "secret" FROM "Event" WHERE "id" = ${id} AND "villageId" = ${villageId}`);
  return e ?? null;
}

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

/** The member record of the user in the village, with their household (one joined query on hot-sql: every scan asks). */
export async function householdOfUser(db: Db, villageId: string, userId: string) {
  const [r] = await hotQuery<
    { id: string; name: string; hid: string; number: string; headName: string; status: "ACTIVE" | "INACTIVE"; gridId: string | null }
  >(db, Prisma.sql`
    SELECT m."id", m."name", h."id" AS "hid", h."number", h."headName", h."status"::text AS "status", h."gridId"
    FROM "HouseholdMember" m JOIN "Household" h ON h."id" = m."householdId"
    WHERE m."userId" = ${userId} AND h."villageId" = ${villageId}
    ORDER BY m."createdAt", m."id" LIMIT 1`);
  if (!r) return null;
  return { id: r.id, name: r.name, household: { id: r.hid, number: r.number, headName: r.headName, status: r.status, gridId: r.gridId } };
}

/** Names of the household's members recorded present at the event, in the order they came. */
export async function presentMemberNames(db: Reader, eventId: string, householdId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT m."name" FROM "EventPresence" p JOIN "HouseholdMember" m ON m."id" = p."memberId"
    WHERE p."eventId" = ${eventId} AND p."householdId" = ${householdId}
    ORDER BY p."createdAt", p."id"`;
  return rows.map((r) => r.name);
}

/** The presence audit's `after` in writeCheckIn: how many were added (as addPresence records it) and who was asked. */
export function presenceAddedAfter(memberIds: string): Prisma.Sql {
  return Prisma.sql`jsonb_build_object('added', (SELECT count(*) FROM pr)::int, 'memberIds', ${memberIds}::text)`;
}

/**
 * A check-in in ONE statement (no interactive transaction: this is the hot path of a busy event):
 * - a new check-in with who was present and its audit row (`checkIn`) → created;
 * - the household already checked in: who was present is added to it (members already recorded are
 *   skipped), audited by `presence` when anyone was added → existing.
 * Both are null, writing nothing, only when another scan of the household committed while this
 * statement ran (it cannot see that row); the caller then records the presence in a transaction.
 * The audit entries are INSERT … SELECTs from the CTEs "ci" (the new check-in) and "added" (the
 * existing one, when presence was added; "pr" holds the presence rows inserted).
 */
export async function writeCheckIn(
  db: Db,
  row: {
    id: string;
    eventId: string;
    villageId: string;
    householdId: string;
    method: "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
    userId: string;
    staffUserId: string | null;
    lat: number | null;
    lng: number | null;
    distanceM: number | null;
  },
  presence: { memberId: string | null; userId: string | null }[],
  audit: { checkIn: Prisma.Sql; presence: Prisma.Sql },
): Promise<{ created: string | null; existing: string | null }> {
  const [r] = await hotQuery<{ created: string | null; existing: string | null }>(db, Prisma.sql`
    WITH ci AS (
      INSERT INTO "EventCheckIn" ("id", "eventId", "villageId", "householdId", "method", "userId", "staffUserId", "lat", "lng", "distanceM")
      VALUES (${row.id}, ${row.eventId}, ${row.villageId}, ${row.householdId}, ${row.method}::"CheckInMethod", ${row.userId},
        ${row.staffUserId}, ${row.lat}::float8, ${row.lng}::float8, ${row.distanceM}::int)
      ON CONFLICT ("eventId", "householdId") DO NOTHING
      RETURNING "id"),
    ex AS (
      SELECT c."id" FROM "EventCheckIn" c
      WHERE c."eventId" = ${row.eventId} AND c."householdId" = ${row.householdId} AND NOT EXISTS (SELECT 1 FROM ci)),
    pr AS (
      INSERT INTO "EventPresence" ("id", "eventId", "householdId", "memberId", "userId", "method", "staffUserId")
      SELECT gen_random_uuid()::text, ${row.eventId}, ${row.householdId}, x.member, x.usr, ${row.method}::"CheckInMethod", ${row.staffUserId}
      FROM (SELECT "id" FROM ci UNION ALL SELECT "id" FROM ex) t,
        unnest(${presence.map((p) => p.memberId)}::text[], ${presence.map((p) => p.userId)}::text[]) AS x(member, usr)
      ON CONFLICT DO NOTHING
      RETURNING "id"),
    added AS (SELECT "id" FROM ex WHERE EXISTS (SELECT 1 FROM pr)),
    a1 AS (${audit.checkIn}),
    a2 AS (${audit.presence})
    SELECT (SELECT "id" FROM ci) AS "created", (SELECT "id" FROM ex) AS "existing"`);
  return { created: r?.created ?? null, existing: r?.existing ?? null };
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
