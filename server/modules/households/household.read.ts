/**
 * What other modules may read about households: numbers and heads' names by id, and which households
 * a person belongs to (for the reviewer's conflict-of-interest check). Never phone numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

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
