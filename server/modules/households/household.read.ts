/**
 * The household register's read face for other modules: "the villager's household" is looked up here
 * and nowhere else (points, the shop, check-in, notifications and the villager's own page all ask);
 * and the counts the village summary shows (never names, phones or ID numbers).
 */
import type { Db } from "@/server/db/client";
import { pinIsSet } from "./household.repo";
import { Prisma } from "@/server/db/generated/client";
import { hotQuery } from "@/server/db/hot-sql";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/lib/deps";

export type UserHousehold = {
  /** the member linked to the account */
  id: string;
  name: string;
  household: { id: string; villageId: string; number: string; headName: string; status: "ACTIVE" | "INACTIVE"; gridId: string | null };
};

/**
 * The member linked to `userId` in the village, with their household, or null. A member who has left
 * the household no longer counts, and neither does a link the account holder has not accepted.
 * One joined query on hot-sql: every scan, sale and points page asks.
 */
export async function householdOfUser(db: Db, villageId: string, userId: string): Promise<UserHousehold | null> {
  const [r] = await hotQuery<
    { id: string; name: string; hid: string; number: string; headName: string; status: "ACTIVE" | "INACTIVE"; gridId: string | null }
  >(db, Prisma.sql`
    SELECT m."id", m."name", h."id" AS "hid", h."number", h."headName", h."status"::text AS "status", h."gridId"
    FROM "HouseholdMember" m JOIN "Household" h ON h."id" = m."householdId"
    WHERE m."userId" = ${userId} AND m."status" = 'ACTIVE' AND h."villageId" = ${villageId}
    ORDER BY m."createdAt", m."id" LIMIT 1`);
  if (!r) return null;
  return {
    id: r.id,
    name: r.name,
    household: { id: r.hid, villageId, number: r.number, headName: r.headName, status: r.status, gridId: r.gridId },
  };
}

/** The acting villager's household (in the village they act in), or null. */
export async function villagerHousehold(db: Db, actor: Actor): Promise<UserHousehold["household"] | null> {
  if (!actor.villageId) return null;
  return (await householdOfUser(db, actor.villageId, actor.userId))?.household ?? null;
}

type Reader = Db | Tx;
export type HouseholdLabel = { id: string; number: string; headName: string };

/** The village's household with this id, or null. */
export function villageHousehold(db: Reader, villageId: string, id: string): Promise<HouseholdLabel | null> {
  return db.household.findFirst({ where: { id, villageId }, select: { id: true, number: true, headName: true } });
}

/** Labels of the village's households among `ids`. */
export async function householdLabels(db: Reader, villageId: string, ids: string[]): Promise<Map<string, HouseholdLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.household.findMany({ where: { villageId, id: { in: unique } }, select: { id: true, number: true, headName: true } });
  return new Map(rows.map((h) => [h.id, h]));
}

/**
 * Which of `userIds` are ACTIVE members (linked and accepted) of one of the village's households: the
 * people whose accounts the village committee keeps. A member who has left no longer counts.
 */
export async function activeMemberUserIds(db: Reader, villageId: string, userIds: string[]): Promise<Set<string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Set();
  const rows = await db.householdMember.findMany({
    where: { userId: { in: unique }, status: "ACTIVE", household: { villageId } },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId).filter((x): x is string => !!x));
}

/** Every household the user's account is a member of. */
export async function householdsOfUser(db: Reader, userId: string): Promise<string[]> {
  const rows = await db.householdMember.findMany({ where: { userId }, select: { householdId: true } });
  return [...new Set(rows.map((r) => r.householdId))];
}

/**
 * Households outside `householdIds` that share a person with them: someone whose account is a member
 * of one of `householdIds` and also of another household (a person registered in several households).
 */
export async function householdsSharingPeople(db: Reader, householdIds: string[]): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const people = await db.householdMember.findMany({
    where: { householdId: { in: householdIds }, userId: { not: null } },
    select: { userId: true },
  });
  const userIds = [...new Set(people.map((p) => p.userId).filter((x): x is string => !!x))];
  if (userIds.length === 0) return [];
  const rows = await db.householdMember.findMany({
    where: { userId: { in: userIds }, householdId: { notIn: householdIds } },
    select: { householdId: true },
  });
  return [...new Set(rows.map((r) => r.householdId))];
}

/** Whether the household has set its card PIN. */
export function householdHasPin(db: Db, householdId: string): Promise<boolean> {
  return pinIsSet(db, householdId);
}

export type HouseholdCounts = {
  active: number;
  inactive: number;
  /** members of active households (not those who left) */
  members: number;
  /** members of active households with an account linked */
  membersWithAccount: number;
  /** active households per grid (null: not assigned to a grid) */
  perGrid: { gridId: string | null; households: number }[];
};

/** Counts for a village, or one grid of it when `gridId` is given. */
export async function householdCounts(db: Db | Tx, villageId: string, gridId?: string): Promise<HouseholdCounts> {
  const scope = { villageId, ...(gridId ? { gridId } : {}) };
  const [byStatus, members, membersWithAccount, perGrid] = await Promise.all([
    db.household.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.householdMember.count({ where: { household: { ...scope, status: "ACTIVE" }, status: "ACTIVE" } }),
    db.householdMember.count({ where: { household: { ...scope, status: "ACTIVE" }, status: "ACTIVE", userId: { not: null } } }),
    db.household.groupBy({ by: ["gridId"], where: { ...scope, status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  const count = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
  return {
    active: count("ACTIVE"),
    inactive: count("INACTIVE"),
    members,
    membersWithAccount,
    perGrid: perGrid.map((r) => ({ gridId: r.gridId, households: r._count._all })),
  };
}
