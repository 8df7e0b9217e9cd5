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

/** Whether the user is an active supervisor of the village. */
export async function isActiveSupervisor(db: Db | Tx, villageId: string, userId: string): Promise<boolean> {
  const m = await db.membership.findFirst({
    where: { userId, regionId: villageId, role: "SUPERVISOR", active: true },
    select: { id: true },
  });
  return !!m;
}

/** The village's active supervisors (names only), longest-serving first. */
export async function villageSupervisorNames(db: Db | Tx, villageId: string): Promise<{ userId: string; name: string }[]> {
  const rows = await db.membership.findMany({
    where: { regionId: villageId, role: "SUPERVISOR", active: true },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name }));
}
