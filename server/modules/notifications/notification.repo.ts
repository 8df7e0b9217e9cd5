import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;
export type Addressee = { userId: string; householdId?: string | null };

export function insertNotification(tx: Reader, n: { userId?: string | null; householdId?: string | null; kind: string; payload: Prisma.InputJsonValue }) {
  return tx.notification.create({
    data: { userId: n.userId ?? null, householdId: n.householdId ?? null, kind: n.kind, payload: n.payload },
    select: { id: true },
  });
}

/** What is addressed to the account, or to the household it belongs to. */
function addressedTo(a: Addressee): Prisma.NotificationWhereInput {
  return { OR: [{ userId: a.userId }, ...(a.householdId ? [{ householdId: a.householdId }] : [])] };
}

export async function listFor(db: Reader, a: Addressee, take: number) {
  const where = addressedTo(a);
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where,
      select: { id: true, kind: true, payload: true, createdAt: true, readAt: true, householdId: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
    }),
    db.notification.count({ where: { AND: [where, { readAt: null }] } }),
  ]);
  return { items, unread };
}

export function markRead(tx: Reader, a: Addressee, ids: string[] | null, at: Date) {
  return tx.notification.updateMany({
    where: { AND: [addressedTo(a), { readAt: null }, ...(ids ? [{ id: { in: ids } }] : [])] },
    data: { readAt: at },
  });
}

/**
 * One notification per account, written as one INSERT … SELECT over the array of account ids (no
 * loop of round trips, however many households a village has); duplicates in `userIds` count once.
 */
export async function insertForUsers(tx: Tx, userIds: string[], kind: string, payload: Prisma.InputJsonValue): Promise<number> {
  if (userIds.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "payload")
    SELECT gen_random_uuid()::text, u, ${kind}, ${JSON.stringify(payload)}::jsonb
    FROM (SELECT DISTINCT unnest(${userIds}::text[]) AS u) AS accounts`;
}
