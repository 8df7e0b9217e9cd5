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
