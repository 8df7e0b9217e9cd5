/**
 * Reading households and their members for other modules (event check-in and roll call, the audit
 * trail's labels, the towns' counts). Household numbers, heads' and members' names only: never phone
 * numbers or addresses.
 */
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";
import { likeText } from "@/server/lib/like";

type Reader = Db | Tx;

/**
 * Household members as a derived table with the columns (id, name), for a statement of another module
 * that shows who was present in the same round trip. PostgreSQL folds it into the outer query.
 */
export const MEMBER_NAMES_SQL = Prisma.sql`(SELECT "id", "name" FROM "HouseholdMember")`;

/** The household when it is one of the village's; null otherwise. */
export function householdInVillage(db: Reader, villageId: string, id: string) {
  return db.household.findFirst({
    where: { id, villageId },
    select: { id: true, number: true, headName: true, status: true, gridId: true },
  });
}

/** 户号 and head's name by household id. */
export async function householdLabels(db: Reader, ids: string[]): Promise<Map<string, { number: string; headName: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.household.findMany({ where: { id: { in: unique } }, select: { id: true, number: true, headName: true } });
  return new Map(rows.map((h) => [h.id, { number: h.number, headName: h.headName }]));
}

/** Members' names by member id. */
export async function memberNames(db: Reader, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.householdMember.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((m) => [m.id, m.name]));
}

/** Members' names with their household's number, by member id. */
export async function memberLabels(db: Reader, ids: string[]): Promise<Map<string, { name: string; householdNumber: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.householdMember.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true, household: { select: { number: true } } },
  });
  return new Map(rows.map((m) => [m.id, { name: m.name, householdNumber: m.household.number }]));
}

/** How many of `memberIds` are members of the household who have not left it. */
export function countMembersOf(db: Reader, householdId: string, memberIds: string[]): Promise<number> {
  return db.householdMember.count({ where: { id: { in: memberIds }, householdId, status: "ACTIVE" } });
}

/** Active households per village, for the villages given. */
export async function activeHouseholdCounts(db: Reader, villageIds: string[]): Promise<Map<string, number>> {
  if (villageIds.length === 0) return new Map();
  const rows = await db.household.groupBy({
    by: ["villageId"],
    where: { villageId: { in: villageIds }, status: "ACTIVE" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.villageId, r._count._all]));
}

/**
 * The village's active households for a roll call, by 户号, with their members (oldest record first);
 * only the grid's when `gridId` is given; `q` matches 户号, head's or a member's name.
 */
export function rollCallHouseholds(db: Reader, villageId: string, opts: { gridId?: string; q?: string; take: number }) {
  const q = opts.q;
  return db.household.findMany({
    where: {
      villageId,
      status: "ACTIVE",
      ...(opts.gridId ? { gridId: opts.gridId } : {}),
      ...(q ? { OR: [{ number: { contains: likeText(q) } }, { headName: { contains: likeText(q) } }, { members: { some: { name: { contains: likeText(q) } } } }] } : {}),
    },
    orderBy: { number: "asc" },
    take: opts.take,
    select: {
      id: true,
      number: true,
      headName: true,
      gridId: true,
      members: { select: { id: true, name: true, relation: true }, orderBy: { createdAt: "asc" } },
    },
  });
}
