/**
 * Reading people and their roles for other modules: display names (never phone numbers), the
 * memberships a session acts through, and head counts.
 */
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { Role } from "@/server/db/generated/enums";
import { hotQuery } from "@/server/db/hot-sql";
import type { Tx } from "@/server/lib/deps";
import { REGION_NAMES_SQL } from "../regions/region.read";

/** People's display names by user id, for showing who proposed, approved, adopted or checked someone in. */
export async function userNames(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** Active accounts of the region per role (an account counts once per role it holds there). */
export async function activeRoleCounts(db: Db | Tx, regionId: string): Promise<{ role: string; count: number }[]> {
  const rows = await db.membership.groupBy({
    by: ["role"],
    where: { regionId, active: true, user: { active: true } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ role: r.role as string, count: r._count._all }));
}

/** One active membership of a user, with its place's name. */
export type ActiveMembership = { id: string; role: Role; regionId: string; regionName: string };

/**
 * The user's active memberships, oldest first; none when the user is inactive or when
 * `sessionVersion` is given and is not the user's (a revoked session). One query.
 */
export async function activeMemberships(db: Db | Tx, userId: string, sessionVersion?: number): Promise<ActiveMembership[]> {
  return db.$queryRaw<ActiveMembership[]>(Prisma.sql`
    SELECT m."id", m."role"::text AS "role", m."regionId", r."name" AS "regionName"
    FROM "Membership" m
    JOIN "User" u ON u."id" = m."userId"
    JOIN ${REGION_NAMES_SQL} r ON r."id" = m."regionId"
    WHERE m."userId" = ${userId} AND m."active" AND u."active"
      AND (${sessionVersion ?? null}::int IS NULL OR u."sessionVersion" = ${sessionVersion ?? null}::int)
    ORDER BY m."createdAt", m."id"`);
}

/** What an actor is made of: the membership (when it is the user's and active), its place and the user's name. */
export type ActorMembership = { id: string; role: Role; regionId: string; gridId: string | null; regionName: string; userName: string };

/**
 * The membership `membershipId` of the user when it and the user are active and, when `sessionVersion`
 * is given, the session version is the user's; null otherwise. Runs on every signed-in request: one
 * joined query on hot-sql (Prisma's nested select would send three).
 */
export async function actorMembership(db: Db, userId: string, membershipId: string, sessionVersion?: number): Promise<ActorMembership | null> {
  const [m] = await hotQuery<ActorMembership>(db, Prisma.sql`
    SELECT m."id", m."role"::text AS "role", m."regionId", m."gridId", r."name" AS "regionName", u."name" AS "userName"
    FROM "Membership" m
    JOIN "User" u ON u."id" = m."userId"
    JOIN ${REGION_NAMES_SQL} r ON r."id" = m."regionId"
    WHERE m."id" = ${membershipId} AND m."userId" = ${userId} AND m."active" AND u."active"
      AND (${sessionVersion ?? null}::int IS NULL OR u."sessionVersion" = ${sessionVersion ?? null}::int)`);
  return m ?? null;
}

/**
 * People with an active role, counted once each however many roles they hold: per village for the
 * villages given, and per town over the town's villages given (`villages`: each village with its town).
 */
export async function activePeopleCounts(
  db: Db | Tx,
  villages: { id: string; townId: string }[],
): Promise<{ perVillage: Map<string, number>; perTown: Map<string, number> }> {
  if (villages.length === 0) return { perVillage: new Map(), perTown: new Map() };
  const vIds = villages.map((v) => v.id);
  const tIds = villages.map((v) => v.townId);
  const [perVillage, perTown] = await Promise.all([
    db.$queryRaw<{ id: string; people: bigint }[]>`
      SELECT "regionId" AS id, count(DISTINCT "userId") AS people FROM "Membership"
      WHERE "active" AND "regionId" = ANY(${vIds}::text[]) GROUP BY "regionId"`,
    db.$queryRaw<{ id: string; people: bigint }[]>`
      SELECT t."town" AS id, count(DISTINCT m."userId") AS people
      FROM "Membership" m JOIN unnest(${vIds}::text[], ${tIds}::text[]) AS t("village", "town") ON t."village" = m."regionId"
      WHERE m."active" GROUP BY t."town"`,
  ]);
  const toMap = (rows: { id: string; people: bigint }[]) => new Map(rows.map((r) => [r.id, Number(r.people)]));
  return { perVillage: toMap(perVillage), perTown: toMap(perTown) };
}

/**
 * What sign-in (server/auth/login.service.ts) needs to check a password: the hash stays inside the
 * server, and the places the person works or lives in say whose audit trail a failed attempt goes to.
 */
export async function signInAccount(db: Db | Tx, phone: string) {
  const u = await db.user.findUnique({
    where: { phone },
    select: {
      id: true,
      passwordHash: true,
      active: true,
      sessionVersion: true,
      memberships: { where: { active: true }, select: { regionId: true }, take: 10 },
    },
  });
  if (!u) return null;
  return {
    id: u.id,
    passwordHash: u.passwordHash,
    active: u.active,
    sessionVersion: u.sessionVersion,
    regionIds: [...new Set(u.memberships.map((m) => m.regionId))],
  };
}

/** Whether the user is an active supervisor of the village. */
export async function isActiveSupervisor(db: Db | Tx, villageId: string, userId: string): Promise<boolean> {
  const m = await db.membership.findFirst({
    where: { userId, regionId: villageId, role: "SUPERVISOR", active: true },
    select: { id: true },
  });
  return !!m;
}

/** The village's active supervisors (names only), longest-serving first. */
export async function villageSupervisorNames(db: Db | Tx, villageId: string): Promise<{ userId: string; name: string }[]> {
  const rows = await db.membership.findMany({
    where: { regionId: villageId, role: "SUPERVISOR", active: true },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name }));
}

/** The accounts holding an active COMMITTEE role in the village (their ids). */
export async function villageCommitteeUserIds(db: Db | Tx, villageId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { regionId: villageId, role: "COMMITTEE", active: true, user: { active: true } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}
