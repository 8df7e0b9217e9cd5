/** What the awards module reads about places: a village's notice period, and whether a grid is the village's. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** The village's notice period in days (公示天数). Throws if there is no such region. */
export async function villageNoticeDays(db: Reader, villageId: string): Promise<number> {
  const v = await db.region.findUniqueOrThrow({ where: { id: villageId }, select: { noticeDays: true } });
  return v.noticeDays;
}

/** Whether the grid belongs to the village. */
export async function isGridOfVillage(db: Reader, villageId: string, gridId: string): Promise<boolean> {
  return !!(await db.grid.findFirst({ where: { id: gridId, villageId }, select: { id: true } }));
}
