/**
 * What the awards module reads about households and their members: whether a household or member
 * belongs to the village, the households an award batch covers, the villager's own household, who
 * of a household has an account, and members' names. Names and household numbers only: never phone
 * or ID numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

const householdCard = { id: true, number: true, headName: true, status: true } as const;
export type HouseholdCard = { id: string; number: string; headName: string; status: string };

/** The household `id` if it belongs to the village (any status), else null. */
export function householdInVillage(db: Reader, villageId: string, id: string): Promise<HouseholdCard | null> {
  return db.household.findFirst({ where: { id, villageId }, select: householdCard });
}

/** The status of member `memberId` of the household (ACTIVE, or LEFT once they moved out); null when not its member. */
export async function memberStatusIn(db: Reader, householdId: string, memberId: string): Promise<"ACTIVE" | "LEFT" | null> {
  const m = await db.householdMember.findFirst({ where: { id: memberId, householdId }, select: { status: true } });
  return m?.status ?? null;
}

/** The ACTIVE households of a grid of the village, by household number. */
export function activeHouseholdsOfGrid(db: Reader, villageId: string, gridId: string): Promise<HouseholdCard[]> {
  return db.household.findMany({ where: { villageId, gridId, status: "ACTIVE" }, select: householdCard, orderBy: { number: "asc" } });
}

/** The households among `ids` that belong to the village (any status), by household number. */
export function householdsInVillage(db: Reader, villageId: string, ids: string[]): Promise<HouseholdCard[]> {
  return db.household.findMany({ where: { villageId, id: { in: ids } }, select: householdCard, orderBy: { number: "asc" } });
}

/** Members' names by member id. */
export async function memberNames(db: Reader, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.householdMember.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((m) => [m.id, m.name]));
}

/** The user ids of the household's members who have an account. */
export async function accountHoldersOf(db: Reader, householdId: string): Promise<string[]> {
  const rows = await db.householdMember.findMany({ where: { householdId, userId: { not: null } }, select: { userId: true } });
  return rows.map((m) => m.userId!);
}

/** The household number of each user who is a member of a household of the village. */
export async function householdNumbersOfUsers(db: Reader, villageId: string, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db.householdMember.findMany({
    where: { userId: { in: [...new Set(userIds)] }, household: { villageId } },
    select: { userId: true, household: { select: { number: true } } },
  });
  return new Map(rows.map((m) => [m.userId!, m.household.number]));
}
