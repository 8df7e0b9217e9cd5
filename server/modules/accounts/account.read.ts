/**
 * People's display names by user id, for the modules that show who proposed, approved, adopted or
 * checked someone in. Names only: never phone numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

export async function userNames(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** Active accounts of the region per role (an account counts once per role it holds there). */
export async function activeRoleCounts(db: Db | Tx, regionId: string): Promise<{ role: string; count: number }[]> {
  const rows = await db.membership.groupBy({
    by: ["role"],
    where: { regionId, active: true, user: { active: true } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ role: r.role as string, count: r._count._all }));
}
