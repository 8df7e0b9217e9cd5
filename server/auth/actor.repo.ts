import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import type { Actor } from "./actor";
import { VILLAGE_ROLES } from "./permissions";

export type Membership = { id: string; role: Role; regionId: string; regionName: string };

export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db.membership.findMany({
    where: { userId, active: true, user: { active: true } },
    select: { id: true, role: true, regionId: true, region: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, role: r.role, regionId: r.regionId, regionName: r.region.name }));
}

/** The actor for (user, membership), or null when the membership is not the user's or is inactive. */
export async function loadActor(db: Db, userId: string, membershipId: string): Promise<Actor | null> {
  const m = await db.membership.findFirst({
    where: { id: membershipId, userId, active: true, user: { active: true } },
    select: {
      id: true,
      role: true,
      regionId: true,
      gridId: true,
      region: { select: { name: true } },
      user: { select: { name: true } },
    },
  });
  if (!m) return null;
  return {
    userId,
    name: m.user.name,
    membershipId: m.id,
    role: m.role,
    regionId: m.regionId,
    regionName: m.region.name,
    villageId: VILLAGE_ROLES.includes(m.role) ? m.regionId : null,
    gridId: m.gridId,
  };
}
