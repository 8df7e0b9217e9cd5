/**
 * What the mediation module reads about households: the party households of a case (number, head,
 * grid; never a phone), the households an account is an active member of, and the village's
 * households for the "open a case" picker.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export type PartyHousehold = { id: string; number: string; headName: string; gridId: string | null; active: boolean };

/** The village's households among `ids` (others are left out). */
export async function partyHouseholds(db: Reader, villageId: string, ids: string[]): Promise<PartyHousehold[]> {
  if (ids.length === 0) return [];
  const rows = await db.household.findMany({
    where: { villageId, id: { in: [...new Set(ids)] } },
    select: { id: true, number: true, headName: true, gridId: true, status: true },
    orderBy: { number: "asc" },
  });
  return rows.map((h) => ({ id: h.id, number: h.number, headName: h.headName, gridId: h.gridId, active: h.status === "ACTIVE" }));
}

/** The village's households the account is an ACTIVE member of (a person who left does not count). */
export async function activeHouseholdsOfUser(db: Reader, villageId: string, userId: string): Promise<string[]> {
  const rows = await db.householdMember.findMany({
    where: { userId, status: "ACTIVE", household: { villageId } },
    select: { householdId: true },
  });
  return [...new Set(rows.map((r) => r.householdId))];
}

/** The village's ACTIVE households (of one grid when given), in number order, for picking the parties. */
export async function pickableHouseholds(db: Reader, villageId: string, gridId?: string | null) {
  return db.household.findMany({
    where: { villageId, status: "ACTIVE", ...(gridId ? { gridId } : {}) },
    select: { id: true, number: true, headName: true, gridId: true },
    orderBy: { number: "asc" },
    take: 500,
  });
}
