/** What other modules may read from the audit trail: a region's entries of given actions, and counts. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

/** How many audit records the region has since `since`. */
export async function auditCountSince(db: Db | Tx, regionId: string, since: Date): Promise<number> {
  return db.auditLog.count({ where: { regionId, createdAt: { gte: since } } });
}

/** The region's audit entries with one of `actions`, newest first (at most `take`). */
export function auditOfActions(db: Db | Tx, regionId: string, actions: readonly string[], take = 100) {
  return db.auditLog.findMany({
    where: { regionId, action: { in: [...actions] } },
    select: { id: true, action: true, entityId: true, actorUserId: true, actorRole: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** Which of `entityIds` have an entry of `action` in the region's trail (e.g. accounts the village opened). */
export async function entitiesWithAction(db: Db | Tx, regionId: string, action: string, entityIds: string[]): Promise<Set<string>> {
  const unique = [...new Set(entityIds)];
  if (unique.length === 0) return new Set();
  const rows = await db.auditLog.findMany({
    where: { regionId, action, entityId: { in: unique } },
    select: { entityId: true },
    distinct: ["entityId"],
  });
  return new Set(rows.map((r) => r.entityId));
}
