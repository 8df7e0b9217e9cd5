import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { getDb } from "@/server/db";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { loadActor, type Membership, listMemberships } from "./actor.repo";

/** The cookie that says which of the user's memberships is in use (validated on every request). */
export const MEMBERSHIP_COOKIE = "mb_membership";

export async function sessionUserId(): Promise<string | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string } | null;
  return session?.uid ?? null;
}

export type SessionState =
  | { kind: "anonymous" }
  | { kind: "choose"; userId: string; memberships: Membership[] }
  | { kind: "actor"; actor: Actor };

/**
 * Resolves the request to an actor. A user with one membership acts through it; a user with several
 * must pick one (the cookie), and a cookie naming someone else's membership is ignored.
 */
export async function currentSession(): Promise<SessionState> {
  const userId = await sessionUserId();
  if (!userId) return { kind: "anonymous" };
  const db = getDb();
  const chosen = (await cookies()).get(MEMBERSHIP_COOKIE)?.value;
  if (chosen) {
    const actor = await loadActor(db, userId, chosen);
    if (actor) return { kind: "actor", actor };
  }
  const memberships = await listMemberships(db, userId);
  if (memberships.length === 1) {
    const actor = await loadActor(db, userId, memberships[0]!.id);
    if (actor) return { kind: "actor", actor };
  }
  if (memberships.length === 0) return { kind: "anonymous" };
  return { kind: "choose", userId, memberships };
}
