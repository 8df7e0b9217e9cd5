/**
 * Notifications: something a person (or every account of a household) should know, listed on 我的
 * with an unread count. Other modules call notify() inside their own transaction, so a notice is
 * written exactly when the change it reports is.
 */
import type { Actor } from "@/server/auth/actor";
import type { Prisma } from "@/server/db/generated/client";
import type { Deps, Tx } from "@/server/lib/deps";
import { villagerHousehold } from "../households/household.read";
import type { NotificationKind } from "./notification.schema";
import * as repo from "./notification.repo";

/** Writes a notification to one account (`userId`) or to a household (`householdId`). */
export async function notify(
  tx: Tx,
  to: { userId: string } | { householdId: string },
  kind: NotificationKind,
  payload: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  await repo.insertNotification(tx, { ...to, kind, payload: payload as Prisma.InputJsonValue });
}

/**
 * Writes the same notification to many accounts inside the caller's transaction (a motion's
 * electors, a body's members), so it exists exactly when the change it reports commits.
 */
export async function notifyManyInTx(
  tx: Tx,
  userIds: string[],
  kind: NotificationKind,
  payload: Record<string, string | number | boolean | null> = {},
): Promise<number> {
  return repo.insertForUsers(tx, userIds, kind, payload as Prisma.InputJsonValue);
}

async function addressee(deps: Deps, actor: Actor): Promise<repo.Addressee> {
  const h = await villagerHousehold(deps.db, actor);
  return { userId: actor.userId, householdId: h?.id ?? null };
}

/** The newest notifications for the actor (their own and their household's) and how many are unread. */
export async function listNotifications(deps: Deps, actor: Actor, input: { take: number }) {
  const { items, unread } = await repo.listFor(deps.db, await addressee(deps, actor), input.take);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      payload: (n.payload ?? {}) as Record<string, string | number | boolean | null>,
      createdAt: n.createdAt,
      read: !!n.readAt,
      forHousehold: !!n.householdId,
    })),
  };
}

/** Marks the actor's notifications read (the given ones, or all). Other people's ids change nothing. */
export async function markRead(deps: Deps, actor: Actor, input: { ids?: string[] }) {
  const r = await repo.markRead(deps.db, await addressee(deps, actor), input.ids ?? null, deps.now());
  return { marked: r.count };
}
