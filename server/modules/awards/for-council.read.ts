/**
 * What the council module reads about declared relations (RelatedHousehold): whether a person and a
 * household are close relatives, which keeps the village committee's relatives off the supervisory
 * committee. A DISPUTED relation is one the person denied and does not count.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/**
 * The declared or proposed relations of the village between any of `userIds` and any of
 * `householdIds`, as (userId, householdId) pairs.
 */
export function relationsBetween(db: Reader, villageId: string, userIds: string[], householdIds: string[]) {
  if (userIds.length === 0 || householdIds.length === 0) return Promise.resolve([]);
  return db.relatedHousehold.findMany({
    where: { villageId, userId: { in: userIds }, householdId: { in: householdIds }, status: { not: "DISPUTED" } },
    select: { userId: true, householdId: true },
    take: 500,
  });
}
