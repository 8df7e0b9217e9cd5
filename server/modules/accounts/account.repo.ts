/** Prisma queries for accounts of a village, with explicit selects (a password hash never leaves here). */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { VillageRole } from "./account.schema";
import { likeText } from "@/server/lib/like";

/**
 * People with any membership in the village (a person whose roles were all removed stays listed,
 * so the committee can give a role back). `roles` are the active ones only.
 */
export async function listVillageUsers(db: Db, villageId: string, query?: string) {
  const q = query?.trim();
  const search = q ? (/^\d+$/.test(q) ? { phone: { contains: likeText(q) } } : { name: { contains: likeText(q) } }) : {};
  return db.user.findMany({
    where: { memberships: { some: { regionId: villageId } }, ...search },
    select: {
      id: true,
      name: true,
      phone: true,
      active: true,
      memberships: {
        where: { regionId: villageId, active: true },
        select: { role: true, grid: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
  });
}

/** The user when they have (or had) a membership in the village; null otherwise. */
export function findUserInVillage(db: Db | Tx, villageId: string, userId: string) {
  return db.user.findFirst({
    where: { id: userId, memberships: { some: { regionId: villageId } } },
    select: { id: true, name: true, phone: true },
  });
}

/** Which of `userIds` hold an active role anywhere outside this village. */
export async function usersWithRolesElsewhere(db: Db | Tx, villageId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.membership.findMany({
    where: { userId: { in: userIds }, active: true, regionId: { not: villageId } },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

/** Each of `userIds` with their active roles in the village. */
export async function activeRolesOfUsersInVillage(db: Db | Tx, villageId: string, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db.membership.findMany({ where: { userId: { in: userIds }, regionId: villageId, active: true }, select: { userId: true, role: true } });
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.role]);
  return out;
}

export function findMembership(db: Db | Tx, userId: string, villageId: string, role: VillageRole) {
  return db.membership.findUnique({
    where: { userId_regionId_role: { userId, regionId: villageId, role } },
    select: { id: true, active: true, gridId: true },
  });
}

/** The person's active roles in the village. */
export async function activeRolesInVillage(db: Db | Tx, villageId: string, userId: string): Promise<string[]> {
  const rows = await db.membership.findMany({ where: { userId, regionId: villageId, active: true }, select: { role: true } });
  return rows.map((r) => r.role);
}

/** A person of the village: has (or had) a membership there, or is a linked member of one of its households. */
export function findVillagePerson(db: Db | Tx, villageId: string, userId: string) {
  return db.user.findFirst({
    where: {
      id: userId,
      OR: [{ memberships: { some: { regionId: villageId } } }, { members: { some: { household: { villageId } } } }],
    },
    select: { id: true, name: true, phone: true },
  });
}

/** Supervisors (active) of the village with their names. */
export function listSupervisors(db: Db | Tx, villageId: string) {
  return db.membership.findMany({
    where: { regionId: villageId, role: "SUPERVISOR", active: true },
    select: { createdAt: true, user: { select: { id: true, name: true, phone: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export async function userNamesIn(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The user's password hash, for checking the current password (it never leaves the accounts module). */
export async function passwordHashOf(db: Db | Tx, userId: string): Promise<string> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return u.passwordHash;
}

/** A new password; it ends every session made before (the session version moves on). */
export async function setPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } });
}

/** Ends every session of the user made before now. */
export async function bumpSessionVersion(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}

/** Gives the role in the region (with its grid; reactivating an old one) or, `enabled` false, makes it inactive. */
export async function setMembership(
  tx: Tx,
  m: { userId: string; regionId: string; role: VillageRole; gridId: string | null; enabled: boolean },
): Promise<void> {
  await tx.membership.upsert({
    where: { userId_regionId_role: { userId: m.userId, regionId: m.regionId, role: m.role } },
    create: { userId: m.userId, regionId: m.regionId, role: m.role, gridId: m.gridId, active: true },
    update: m.enabled ? { active: true, gridId: m.gridId } : { active: false },
    select: { id: true },
  });
}

/** Turns the person's SUPERVISOR role in the village on or off (creating the row the first time). */
export function setSupervisorRole(tx: Tx, villageId: string, userId: string, active: boolean) {
  return tx.membership.upsert({
    where: { userId_regionId_role: { userId, regionId: villageId, role: "SUPERVISOR" } },
    create: { userId, regionId: villageId, role: "SUPERVISOR", active },
    update: { active },
    select: { id: true },
  });
}
