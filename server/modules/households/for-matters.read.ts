/** What 村民说事 (matters) reads about households: a household's grid, and the active households of a grid. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** The household's grid (null: none), or undefined when it is not a household of the village. */
export async function householdGrid(db: Reader, villageId: string, id: string): Promise<string | null | undefined> {
  const h = await db.household.findFirst({ where: { id, villageId }, select: { gridId: true } });
  return h ? h.gridId : undefined;
}

/** The grid's active households by number (for a grid worker to pick the one they act for). */
export function gridHouseholds(db: Reader, villageId: string, gridId: string) {
  return db.household.findMany({
    where: { villageId, gridId, status: "ACTIVE" },
    select: { id: true, number: true, headName: true },
    orderBy: { number: "asc" },
    take: 500,
  });
}
