/**
 * What the reports module (随手拍) reads about households: number, head's name and grid of the
 * households its reports are for. Names and numbers only: never phone or ID numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

export type ReportHousehold = { id: string; number: string; headName: string; gridId: string | null };

/** The households among `ids` that belong to the village, by id. */
export async function householdsForReports(db: Db | Tx, villageId: string, ids: string[]): Promise<Map<string, ReportHousehold>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.household.findMany({ where: { villageId, id: { in: unique } }, select: { id: true, number: true, headName: true, gridId: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** The ACTIVE households of a grid, for a grid worker filing on a household's behalf. */
export function gridHouseholdsForReports(db: Db | Tx, villageId: string, gridId: string): Promise<ReportHousehold[]> {
  return db.household.findMany({
    where: { villageId, gridId, status: "ACTIVE" },
    select: { id: true, number: true, headName: true, gridId: true },
    orderBy: { number: "asc" },
    take: 500,
  });
}
