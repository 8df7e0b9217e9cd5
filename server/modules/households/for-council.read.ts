/**
 * What the council module reads about households: the reader's own household (to record that it
 * read a notice) and how many active households the village has (the M of "已读 N / M 户").
 */
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** The household in the actor's village the actor is a member of (through their account), or null. */
export function householdOfActor(db: Reader, actor: Actor): Promise<{ id: string } | null> {
  return db.household.findFirst({
    where: { villageId: actor.villageId ?? "__none__", members: { some: { userId: actor.userId } } },
    select: { id: true },
  });
}

/** The village's ACTIVE households. */
export function activeHouseholdCount(db: Reader, villageId: string): Promise<number> {
  return db.household.count({ where: { villageId, status: "ACTIVE" } });
}

/** The ids of the village's ACTIVE households: the electorate a village-wide motion freezes when it opens. */
export async function activeHouseholdIds(db: Reader, villageId: string): Promise<string[]> {
  const rows = await db.household.findMany({ where: { villageId, status: "ACTIVE" }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}

/** A person of the village's households, as a body's member is picked: their household and account. */
export type VillagePerson = { id: string; name: string; householdId: string; householdNumber: string; userId: string | null; active: boolean };

/** The household member `memberId` when their household is of the village (null otherwise). */
export async function villagePerson(db: Reader, villageId: string, memberId: string): Promise<VillagePerson | null> {
  const m = await db.householdMember.findFirst({
    where: { id: memberId, household: { villageId } },
    select: { id: true, name: true, householdId: true, userId: true, status: true, household: { select: { number: true, status: true } } },
  });
  if (!m) return null;
  return {
    id: m.id,
    name: m.name,
    householdId: m.householdId,
    householdNumber: m.household.number,
    userId: m.userId,
    active: m.status === "ACTIVE" && m.household.status === "ACTIVE",
  };
}

/** The village's current people whose name contains `q` (for the committee's picker), households in order. */
export async function findVillagePeople(db: Reader, villageId: string, q: string, take: number): Promise<VillagePerson[]> {
  const rows = await db.householdMember.findMany({
    where: { status: "ACTIVE", household: { villageId, status: "ACTIVE" }, ...(q ? { name: { contains: q } } : {}) },
    select: { id: true, name: true, householdId: true, userId: true, household: { select: { number: true } } },
    orderBy: [{ household: { number: "asc" } }, { createdAt: "asc" }],
    take,
  });
  return rows.map((m) => ({ id: m.id, name: m.name, householdId: m.householdId, householdNumber: m.household.number, userId: m.userId, active: true }));
}

/** The village's households each of the accounts is a member of (a close relative shares one). */
export async function villageHouseholdsOfUsers(db: Reader, villageId: string, userIds: string[]): Promise<Map<string, string[]>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.householdMember.findMany({
    where: { userId: { in: userIds }, status: "ACTIVE", household: { villageId } },
    select: { userId: true, householdId: true },
  });
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.userId) out.set(r.userId, [...(out.get(r.userId) ?? []), r.householdId]);
  return out;
}

/** The actor's own current person rows (HouseholdMember ids) in their village: who votes in a body's electorate. */
export async function personIdsOfActor(db: Reader, actor: Actor): Promise<string[]> {
  const rows = await db.householdMember.findMany({
    where: { userId: actor.userId, status: "ACTIVE", household: { villageId: actor.villageId ?? "__none__", status: "ACTIVE" } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The accounts linked to ACTIVE members of the households (who gets a motion's 新表决 notification). */
export async function accountsOfHouseholds(db: Reader, householdIds: string[]): Promise<string[]> {
  if (householdIds.length === 0) return [];
  const rows = await db.householdMember.findMany({
    where: { householdId: { in: householdIds }, status: "ACTIVE", userId: { not: null } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.flatMap((r) => (r.userId ? [r.userId] : []));
}

/** The accounts linked to these person rows (HouseholdMember ids) while they are ACTIVE members: a body's electors to notify. */
export async function accountsOfMembers(db: Reader, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.householdMember.findMany({
    where: { id: { in: memberIds }, status: "ACTIVE", userId: { not: null } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.flatMap((r) => (r.userId ? [r.userId] : []));
}
