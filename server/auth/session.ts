import "server-only";
import { hkdfSync } from "node:crypto";
import { cookies } from "next/headers";
import { jwtDecrypt } from "jose";
import type { Db } from "@/server/db/client";
import type { Actor } from "./actor";
import { env } from "@/server/env";
import { appDeps } from "@/server/lib/deps";
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

/** What the session token says: the user, and the user's session version when the token was made. */
export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The signed-in user, read from next-auth's encrypted JWT cookie. Decoding the cookie directly instead of
 * getServerSession, which runs next-auth's whole session route and encrypts a fresh token on every call:
 * that was half the server CPU of a small tRPC request (bench/checkin.ts). An expired or forged token
 * fails to decrypt or validate and counts as signed out (next-auth's 15 s clock tolerance kept).
 * The claims are not yet checked against the user's current session version: sessionFromClaims does that.
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  return claimsFromCookies((await cookies()).getAll(), env.NEXTAUTH_SECRET);
}

/** The claims of the first session cookie among `cookieList` that decodes with `secret`, or null. */
export async function claimsFromCookies(
  cookieList: readonly { name: string; value: string }[],
  secret: string,
): Promise<SessionClaims | null> {
  for (const token of sessionTokens(cookieList)) {
    const claims = await claimsFromToken(token, secret);
    if (claims) return claims;
  }
  return null;
}

/** The user of the first session cookie among `cookieList` that decodes with `secret`, or null. */
export async function userIdFromCookies(cookieList: readonly { name: string; value: string }[], secret: string): Promise<string | null> {
  return (await claimsFromCookies(cookieList, secret))?.userId ?? null;
}

/**
 * The claims of a session token made by next-auth's `encode` with `secret`, or null when it does not
 * decode. A token from before session versions existed carries none and counts as version 0, the
 * version every user starts with, so deploying this signs nobody out.
 */
export async function claimsFromToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtDecrypt(token, sessionKey(secret), { clockTolerance: 15 });
    if (typeof payload.uid !== "string") return null;
    const sv = payload.sv ?? 0;
    if (typeof sv !== "number" || !Number.isInteger(sv)) return null;
    return { userId: payload.uid, sessionVersion: sv };
  } catch {
    return null;
  }
}

/** The `uid` of a session token made by next-auth's `encode` with `secret`, or null when it does not decode. */
export async function userIdFromToken(token: string, secret: string): Promise<string | null> {
  return (await claimsFromToken(token, secret))?.userId ?? null;
}

export type SessionState =
  | { kind: "anonymous" }
  | { kind: "choose"; userId: string; memberships: Membership[] }
  | { kind: "actor"; actor: Actor };

/**
 * Resolves session claims to an actor. A user with one membership acts through it; a user with several
 * must pick one (`chosen`, the membership cookie), and a cookie naming someone else's membership is
 * ignored. A token whose session version is not the user's current one (revoked: password changed or
 * reset, signed out everywhere) is anonymous: the version is part of the same query, so this costs no
 * extra round trip per request.
 */
export async function sessionFromClaims(db: Db, claims: SessionClaims | null, chosen: string | undefined): Promise<SessionState> {
  if (!claims) return { kind: "anonymous" };
  const { userId, sessionVersion } = claims;
  if (chosen) {
    const actor = await loadActor(db, userId, chosen, sessionVersion);
    if (actor) return { kind: "actor", actor };
  }
  const memberships = await listMemberships(db, userId, sessionVersion);
  if (memberships.length === 1) {
    const actor = await loadActor(db, userId, memberships[0]!.id, sessionVersion);
    if (actor) return { kind: "actor", actor };
  }
  if (memberships.length === 0) return { kind: "anonymous" };
  return { kind: "choose", userId, memberships };
}

/** The request's session: the cookie's claims checked against the database. */
export async function currentSession(): Promise<SessionState> {
  const claims = await sessionClaims();
  if (!claims) return { kind: "anonymous" };
  return sessionFromClaims(appDeps().db, claims, (await cookies()).get(MEMBERSHIP_COOKIE)?.value);
}
