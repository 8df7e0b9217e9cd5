import "server-only";
import { hkdfSync } from "node:crypto";
import { cookies } from "next/headers";
import { jwtDecrypt } from "jose";
import { getDb } from "@/server/db";
import type { Actor } from "./actor";
import { env } from "@/server/env";
import { loadActor, type Membership, listMemberships } from "./actor.repo";

/** The cookie that says which of the user's memberships is in use (validated on every request). */
export const MEMBERSHIP_COOKIE = "mb_membership";

/**
 * next-auth's session cookie names. next-auth adds the __Secure- prefix whenever it believes the site is
 * served over https — from NEXTAUTH_URL, or, behind an HTTPS proxy without NEXTAUTH_URL, from the
 * forwarded protocol — so the reader cannot know in advance which name was set: it reads both, the
 * secure one first.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * The candidate session tokens among the request's cookies, in the order to try them. A token longer
 * than a cookie may hold is split by next-auth into `<name>.0`, `<name>.1`, …; the parts are joined in
 * order (a gap ends the token).
 */
export function sessionTokens(cookieList: readonly { name: string; value: string }[]): string[] {
  const byName = new Map(cookieList.map((c) => [c.name, c.value]));
  const tokens: string[] = [];
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = byName.get(name);
    if (whole) tokens.push(whole);
    let joined = "";
    for (let i = 0; byName.has(`${name}.${i}`); i++) joined += byName.get(`${name}.${i}`);
    if (joined) tokens.push(joined);
  }
  return tokens;
}

/**
 * The key next-auth encrypts its JWT cookie with (A256GCM): HKDF-SHA256 of the secret, no salt, and
 * next-auth's info string, 32 bytes. next-auth's own `decode` derives it again on every call; it depends
 * only on the secret, so it is derived once here.
 */
let derived: { secret: string; key: Uint8Array } | null = null;
function sessionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  }
  return derived.key;
}

/**
 * The signed-in user, read from next-auth's encrypted JWT cookie. Decoding the cookie directly instead of
 * getServerSession, which runs next-auth's whole session route and encrypts a fresh token on every call:
 * that was half the server CPU of a small tRPC request (bench/checkin.ts). An expired or forged token
 * fails to decrypt or validate and counts as signed out (next-auth's 15 s clock tolerance kept).
 */
export async function sessionUserId(): Promise<string | null> {
  return userIdFromCookies((await cookies()).getAll(), env.NEXTAUTH_SECRET);
}

/** The user of the first session cookie among `cookieList` that decodes with `secret`, or null. */
export async function userIdFromCookies(cookieList: readonly { name: string; value: string }[], secret: string): Promise<string | null> {
  for (const token of sessionTokens(cookieList)) {
    const uid = await userIdFromToken(token, secret);
    if (uid) return uid;
  }
  return null;
}

/** The `uid` of a session token made by next-auth's `encode` with `secret`, or null when it does not decode. */
export async function userIdFromToken(token: string, secret: string): Promise<string | null> {
  try {
    const { payload } = await jwtDecrypt(token, sessionKey(secret), { clockTolerance: 15 });
    return typeof payload.uid === "string" ? payload.uid : null;
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
