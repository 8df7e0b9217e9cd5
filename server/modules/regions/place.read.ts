/** Villages and grids as other modules need them (the household register, printed cards). */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

/** The grid if it belongs to the village, else null. */
export function gridInVillage(db: Db | Tx, villageId: string, gridId: string) {
  return db.grid.findFirst({ where: { id: gridId, villageId }, select: { id: true, name: true } });
}

/** The village's grids by name, with how many households each has. */
export function gridsOfVillage(db: Db | Tx, villageId: string) {
  return db.grid.findMany({
    where: { villageId },
    select: { id: true, name: true, _count: { select: { households: true } } },
    orderBy: { name: "asc" },
  });
}

/** The village's name, or null when `villageId` is not a village. */
export async function villageName(db: Db | Tx, villageId: string): Promise<string | null> {
  return (await db.region.findFirst({ where: { id: villageId, kind: "VILLAGE" }, select: { name: true } }))?.name ?? null;
}
