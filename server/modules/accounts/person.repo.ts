/** Creating people and giving them a role: the only place a User row is inserted. */
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import type { Tx } from "@/server/lib/deps";

export async function userIdByPhone(db: Db | Tx, phone: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { phone }, select: { id: true } }))?.id ?? null;
}

export async function insertUser(tx: Tx, data: { phone: string; name: string; passwordHash: string }) {
  return tx.user.create({ data, select: { id: true } });
}

/** Gives the role (again, when it was switched off); one row per (user, region, role). */
export async function upsertMembership(tx: Tx, m: { userId: string; regionId: string; role: Role; gridId?: string | null }) {
  return tx.membership.upsert({
    where: { userId_regionId_role: { userId: m.userId, regionId: m.regionId, role: m.role } },
    create: { userId: m.userId, regionId: m.regionId, role: m.role, gridId: m.gridId ?? null },
    update: { active: true },
    select: { id: true },
  });
}
