/**
 * Check-in queries with explicit `select`. The event's secret is read only by the functions that sign
 * or verify tokens and never leaves the server. The hot path writes in one statement, audit rows
 * included: this file composes it (its CTEs are named here and nowhere else), taking the audit
 * module's INSERT for the audit rows and the households module's member names as SQL fragments.
 */
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { hotQuery } from "@/server/db/hot-sql";
import type { Tx } from "@/server/lib/deps";
import { auditInsertSql } from "../audit/audit.service";
import { MEMBER_NAMES_SQL, householdLabels } from "../households/member.read";
import { eventSelect, type EventWithSecret } from "./event.repo";

type Reader = Db | Tx;

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

/** Names of the household's members recorded present at the event, in the order they came. */
export async function presentMemberNames(db: Reader, eventId: string, householdId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>(Prisma.sql`
    SELECT m."name" FROM "EventPresence" p JOIN ${MEMBER_NAMES_SQL} m ON m."id" = p."memberId"
    WHERE p."eventId" = ${eventId} AND p."householdId" = ${householdId}
    ORDER BY p."createdAt", p."id"`);
  return rows.map((r) => r.name);
}

/** One check-in as the repo writes it. */
export type CheckInRow = {
  eventId: string;
  villageId: string;
  householdId: string;
  method: "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
  userId: string;
  staffUserId: string | null;
  lat: number | null;
  lng: number | null;
  distanceM: number | null;
  accuracyM: number | null;
  positionFlagged: boolean;
};

/**
 * A check-in in ONE statement (no interactive transaction: this is the hot path of a busy event):
 * - a new check-in with who was present and its audit row (`checkIn`) → created;
 * - the household already checked in: who was present is added to it (members already recorded are
 *   skipped), audited by `presence` when anyone was added → existing.
 * Both are null, writing nothing, only when another scan of the household committed while this
 * statement ran (it cannot see that row); the caller then records the presence in a transaction.
 * The audit rows are written in the same statement, through the audit module's INSERT (auditInsertSql)
 * fed by this statement's own rows: the check-in's `action` for a new one, and "event.presence" (how many were added, who was asked) when
 * people were added to an existing one.
 */
export async function writeCheckIn(
  db: Db,
  row: CheckInRow & { id: string },
  presence: { memberId: string | null; userId: string | null }[],
  audit: { actorUserId: string; actorRole: string; action: string; after: Record<string, unknown>; memberIds: string },
): Promise<{ created: string | null; existing: string | null }> {
  const [r] = await hotQuery<{ created: string | null; existing: string | null }>(db, Prisma.sql`
    WITH ci AS (
      INSERT INTO "EventCheckIn" ("id", "eventId", "villageId", "householdId", "method", "userId", "staffUserId", "lat", "lng", "distanceM", "accuracyM", "positionFlagged")
      VALUES (${row.id}, ${row.eventId}, ${row.villageId}, ${row.householdId}, ${row.method}::"CheckInMethod", ${row.userId},
        ${row.staffUserId}, ${row.lat}::float8, ${row.lng}::float8, ${row.distanceM}::int,
        ${row.accuracyM}::int, ${row.positionFlagged}::boolean)
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
    a1 AS (${auditInsertSql(Prisma.sql`
      SELECT ${row.villageId}::text AS "regionId", ${audit.actorUserId}::text AS "actorUserId", ${audit.actorRole}::text AS "actorRole",
        ${audit.action}::text AS "action", 'EventCheckIn' AS "entity", s."id" AS "entityId", ${JSON.stringify(audit.after)}::jsonb AS "after"
      FROM ci s`)}),
    a2 AS (${auditInsertSql(Prisma.sql`
      SELECT ${row.villageId}::text AS "regionId", ${audit.actorUserId}::text AS "actorUserId", ${audit.actorRole}::text AS "actorRole",
        'event.presence' AS "action", 'EventCheckIn' AS "entity", s."id" AS "entityId",
        jsonb_build_object('added', (SELECT count(*) FROM pr)::int, 'memberIds', ${audit.memberIds}::text) AS "after"
      FROM added s`)})
    SELECT (SELECT "id" FROM ci) AS "created", (SELECT "id" FROM ex) AS "existing"`);
  return { created: r?.created ?? null, existing: r?.existing ?? null };
}

export function checkInOf(db: Reader, eventId: string, householdId: string) {
  return db.eventCheckIn.findUnique({
    where: { eventId_householdId: { eventId, householdId } },
    select: { id: true, method: true, createdAt: true, userId: true, staffUserId: true },
  });
}

/** The last check-ins of the event with household number and head name (never phone numbers). */
export async function recentCheckIns(db: Reader, eventId: string, take: number) {
  const rows = await db.eventCheckIn.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, householdId: true, method: true, createdAt: true },
  });
  const byId = await householdLabels(db, rows.map((r) => r.householdId));
  return rows.map((r) => ({
    id: r.id,
    number: byId.get(r.householdId)?.number ?? "",
    headName: byId.get(r.householdId)?.headName ?? "",
    method: r.method,
    at: r.createdAt,
  }));
}

/** Wrong typed codes of the user for the event key since `since`. */
export function codeFailuresSince(db: Reader, userId: string, eventKey: string, since: Date) {
  return db.checkInCodeFailure.count({ where: { userId, eventKey, createdAt: { gte: since } } });
}

export async function recordCodeFailure(db: Reader, userId: string, eventKey: string, at: Date) {
  await db.checkInCodeFailure.create({ data: { userId, eventKey, createdAt: at }, select: { id: true } });
}

/** How many households have checked in to the event. */
export function countCheckIns(db: Reader, eventId: string) {
  return db.eventCheckIn.count({ where: { eventId } });
}

export type PresenceRow = {
  eventId: string;
  householdId: string;
  memberId: string | null;
  userId: string | null;
  method: "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
  staffUserId: string | null;
};

/** Records who was present; a person already recorded is skipped. How many were added. */
export async function addPresenceRows(tx: Tx, rows: PresenceRow[]): Promise<number> {
  const { count } = await tx.eventPresence.createMany({ data: rows, skipDuplicates: true });
  return count;
}

export function createCheckIn(
  tx: Tx,
  data: CheckInRow,
) {
  return tx.eventCheckIn.create({ data, select: { id: true } });
}

/** The check-ins of these households at the event, for the roll call. */
export function checkInsOfHouseholds(db: Reader, eventId: string, householdIds: string[]) {
  return db.eventCheckIn.findMany({
    where: { eventId, householdId: { in: householdIds } },
    select: { householdId: true, method: true, createdAt: true, userId: true, staffUserId: true, positionFlagged: true, accuracyM: true },
  });
}

/** Ids of the members of these households recorded present at the event. */
export async function presentMemberIds(db: Reader, eventId: string, householdIds: string[]): Promise<string[]> {
  const rows = await db.eventPresence.findMany({
    where: { eventId, householdId: { in: householdIds }, memberId: { not: null } },
    select: { memberId: true },
  });
  return rows.map((p) => p.memberId!);
}

/** How many of the event's check-ins came with a doubtful position (no or poor accuracy). */
export function countFlaggedCheckIns(db: Reader, eventId: string) {
  return db.eventCheckIn.count({ where: { eventId, positionFlagged: true } });
}
