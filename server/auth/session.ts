import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getDb } from "@/server/db";
import type { Actor } from "./actor";
import { env } from "@/server/env";
import { loadActor, type Membership, listMemberships } from "./actor.repo";

/** The cookie that says which of the user's memberships is in use (validated on every request). */
export const MEMBERSHIP_COOKIE = "mb_membership";

/** next-auth's session cookie (the __Secure- prefix when the site is served over https, as next-auth does). */
const SESSION_COOKIE = `${(process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The signed-in user, read from next-auth's encrypted JWT cookie. Decoding the cookie directly instead of
 * getServerSession, which runs next-auth's whole session route and encrypts a fresh token on every call:
 * that was half the server CPU of a small tRPC request (bench/checkin.ts). An expired or forged token
 * fails to decrypt or validate and counts as signed out.
 */
export async function sessionUserId(): Promise<string | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
    return typeof payload?.uid === "string" ? payload.uid : null;
  } catch {
    return null;
  }
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
