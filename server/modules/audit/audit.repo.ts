/** The audit module's own queries: writing a record, reading a page of the trail. */
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";

type Json = Record<string, unknown> | null;

export async function insertAudit(
  tx: Tx,
  row: { regionId: string | null; actorUserId: string | null; actorRole: string | null; action: string; entity: string; entityId: string; before?: Json; after?: Json },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      regionId: row.regionId,
      actorUserId: row.actorUserId,
      actorRole: row.actorRole as never,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: (row.before ?? undefined) as never,
      after: (row.after ?? undefined) as never,
    },
    select: { id: true },
  });
}

/**
 * An INSERT of audit records for a statement of another module that must write its change and the
 * change's record in one round trip (the hot check-in). `rows` is the caller's own SELECT yielding the
 * columns "regionId", "actorUserId", "actorRole" (text, a Role), "action", "entity", "entityId" and
 * "after" (jsonb), one row per record; this adds the ids and names the table's columns. Used as a
 * data-modifying CTE: `a AS (${auditInsertSql(Prisma.sql`SELECT … FROM mine`)})`.
 */
export function auditInsertSql(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      INSERT INTO "AuditLog" ("id", "regionId", "actorUserId", "actorRole", "action", "entity", "entityId", "after")
      SELECT gen_random_uuid()::text, r."regionId", r."actorUserId", r."actorRole"::"Role", r."action", r."entity", r."entityId", r."after"
      FROM (${rows}) AS r`;
}

/** A page of the trail of the regions, newest first (one row more than `take`: is there a next page). */
export function auditPage(db: Db, regionIds: string[], take: number, cursor?: string | null) {
  return db.auditLog.findMany({
    where: { regionId: { in: regionIds } },
    select: {
      id: true,
      regionId: true,
      action: true,
      entity: true,
      entityId: true,
      actorUserId: true,
      actorRole: true,
      before: true,
      after: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
}
