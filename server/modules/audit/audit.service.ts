import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/lib/deps";
import type { Db } from "@/server/db/client";

type Json = Record<string, unknown> | null;

/** Writes one audit record inside the caller's transaction, so the change and its record land together. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: { regionId: string; action: string; entity: string; entityId: string; before?: Json; after?: Json },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      regionId: entry.regionId,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: (entry.before ?? undefined) as never,
      after: (entry.after ?? undefined) as never,
    },
    select: { id: true },
  });
}

/** Region ids the actor may read the audit trail of: their village, or every region below their town/county. */
export async function auditScope(db: Db, actor: Actor): Promise<string[]> {
  if (actor.villageId) return [actor.villageId];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE sub AS (
      SELECT id FROM "Region" WHERE id = ${actor.regionId}
      UNION ALL SELECT r.id FROM "Region" r JOIN sub ON r."parentId" = sub.id)
    SELECT id FROM sub`;
  return rows.map((r) => r.id);
}

/** The audit trail of the regions the actor may read, newest first. */
export async function listAudit(db: Db, actor: Actor, input: { cursor?: string; take: number }) {
  const ids = await auditScope(db, actor);
  const rows = await db.auditLog.findMany({
    where: { regionId: { in: ids } },
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
    take: input.take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.take);
  const userIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    items: page.map(({ actorUserId, ...r }) => ({ ...r, actorName: actorUserId ? (names.get(actorUserId) ?? "") : "" })),
    nextCursor: rows.length > input.take ? page[page.length - 1]!.id : null,
  };
}
