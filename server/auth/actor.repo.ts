import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { hotQuery } from "@/server/db/hot-sql";
import type { Role } from "@/server/db/generated/enums";
import type { Actor } from "./actor";
import { VILLAGE_ROLES } from "./permissions";

export type Membership = { id: string; role: Role; regionId: string; regionName: string };

/** The user's active memberships; none when `sessionVersion` is given and is not the user's (a revoked session). */
export async function listMemberships(db: Db, userId: string, sessionVersion?: number): Promise<Membership[]> {
  const rows = await db.membership.findMany({
    where: { userId, active: true, user: { active: true, ...(sessionVersion === undefined ? {} : { sessionVersion }) } },
    select: { id: true, role: true, regionId: true, region: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, regionId: r.regionId, regionName: r.region.name }));
}

/**
 * The actor for (user, membership), or null when the membership is not the user's or is inactive, or
 * when `sessionVersion` is given and is not the user's (the session was revoked).
 * Runs on every signed-in request: one joined query (Prisma's nested select would send three), on hot-sql.
 */
export async function loadActor(db: Db, userId: string, membershipId: string, sessionVersion?: number): Promise<Actor | null> {
  const [m] = await hotQuery<{ id: string; role: Role; regionId: string; gridId: string | null; regionName: string; userName: string }>(db, Prisma.sql`
    SELECT m."id", m."role"::text AS "role", m."regionId", m."gridId", r."name" AS "regionName", u."name" AS "userName"
    FROM "Membership" m
    JOIN "User" u ON u."id" = m."userId"
    JOIN "Region" r ON r."id" = m."regionId"
    WHERE m."id" = ${membershipId} AND m."userId" = ${userId} AND m."active" AND u."active"
      AND (${sessionVersion ?? null}::int IS NULL OR u."sessionVersion" = ${sessionVersion ?? null}::int)`);
  if (!m) return null;
  return {
    userId,
    name: m.userName,
    membershipId: m.id,
    role: m.role,
    regionId: m.regionId,
    regionName: m.regionName,
    villageId: VILLAGE_ROLES.includes(m.role) ? m.regionId : null,
    gridId: m.gridId,
  };
}
