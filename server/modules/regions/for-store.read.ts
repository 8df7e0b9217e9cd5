/** What the store reads about places: the village's value of a point in fen (the settlement rate). */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

/** Fen per point of the village. Throws if there is no such region. */
export async function villageFenPerPoint(db: Db | Tx, villageId: string): Promise<number> {
  const v = await db.region.findUniqueOrThrow({ where: { id: villageId }, select: { fenPerPoint: true } });
  return v.fenPerPoint;
}
