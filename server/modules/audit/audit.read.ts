/** The audit module's read face for figures other modules show. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

/** How many audit records the region has since `since`. */
export async function auditCountSince(db: Db | Tx, regionId: string, since: Date): Promise<number> {
  return db.auditLog.count({ where: { regionId, createdAt: { gte: since } } });
}
