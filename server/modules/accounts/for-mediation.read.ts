/** What the mediation module reads about accounts: the grid workers of a village's grids. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** Active GRID_WORKER memberships of the village for the given grids: account, name, grid. */
export async function gridWorkersOf(db: Reader, villageId: string, gridIds: string[]): Promise<{ userId: string; name: string; gridId: string }[]> {
  const ids = [...new Set(gridIds)];
  if (ids.length === 0) return [];
  const rows = await db.membership.findMany({
    where: { regionId: villageId, role: "GRID_WORKER", active: true, gridId: { in: ids } },
    select: { userId: true, gridId: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, gridId: r.gridId! }));
}
