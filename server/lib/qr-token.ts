/**
 * Check-in tokens (docs/architecture.md, "Check-in and the store"): what the organiser's kiosk QR, the printable static code and the
 * typed short code carry. Pure functions: the clock (`nowMs`) and the event's secret are passed in.
 *
 *   rotating  MBE1.<eventId>.<villageId>.<window>.<sig>   window = floor(now / 30 s); valid this window and the previous
 *   static    MBS1.<eventId>.<villageId>.<sig>            no window; only for events with a geofence and allowStaticCode
 *   typed     6 digits from HMAC(secret, "MBC1|…|window") the no-camera fallback, same windows as the rotating token
 *   card      MBH1:<householdId>                          a printed household card: identifies, is not a secret
 *   meeting   MBM1.<meetingId>.<villageId>.<window>.<sig> a meeting kiosk's rotating token, the same windows, the meeting's own secret
 *
 * sig = the first 16 bytes of HMAC-SHA256(secret, "<version>|eventId|villageId[|window]"), base64url.
 * A photo of the kiosk QR sent to a friend stops working within 30–60 s.
 */
import { randomBytes } from "node:crypto";
import { CARD_PREFIX, CHECKIN_ROTATING_PREFIX, MEETING_ROTATING_PREFIX, CHECKIN_STATIC_PREFIX, CHECKIN_TYPED_PREFIX } from "./codes.schema";
import { hmac, sameText, sig128 } from "./signing";

export const WINDOW_MS = 30_000;
export const TOKEN_MAX_LENGTH = 200;
const SIG_LENGTH = 22; // 16 bytes in base64url without padding
const ROTATING = CHECKIN_ROTATING_PREFIX;
const STATIC = CHECKIN_STATIC_PREFIX;
const ID_RE = /^[0-9A-Za-z_-]{1,40}$/;
const SIG_RE = /^[0-9A-Za-z_-]+$/;

export type TokenReason =
  | "OVERSIZED" // longer than TOKEN_MAX_LENGTH
  | "GARBAGE" // not a check-in token at all
  | "TRUNCATED" // a check-in token with parts or signature cut off
  | "OTHER_EVENT" // a valid-looking token of another event
  | "OTHER_VILLAGE" // names another village than the event's
  | "BAD_SIGNATURE" // forged or tampered
  | "EXPIRED" // older than the previous window
  | "FUTURE" // from a window that has not started
  | "STATIC_NOT_ALLOWED"; // a static token for an event that does not allow one

export type ParsedToken =
  | { kind: "ROTATING"; eventId: string; villageId: string; window: number; sig: string }
  | { kind: "STATIC"; eventId: string; villageId: string; sig: string };

export type ParseResult = { ok: true; token: ParsedToken } | { ok: false; reason: TokenReason };
export type VerifyResult = { ok: true; kind: ParsedToken["kind"]; window: number | null } | { ok: false; reason: TokenReason };

export type EventKey = { eventId: string; villageId: string; secret: string; allowStaticCode: boolean };

export const windowOf = (nowMs: number) => Math.floor(nowMs / WINDOW_MS);
/** When the window of `nowMs` ends (the kiosk rotates then). */
export const windowEndsAt = (nowMs: number) => (windowOf(nowMs) + 1) * WINDOW_MS;

/** The rotating token of the event for the window of `nowMs`. */
export function signRotating(key: Omit<EventKey, "allowStaticCode">, nowMs: number): string {
  const w = windowOf(nowMs);
  return `${ROTATING}.${key.eventId}.${key.villageId}.${w}.${sig128(key.secret, `${ROTATING}|${key.eventId}|${key.villageId}|${w}`)}`;
}

/** The printable static token (the caller checks the event allows one). */
export function signStatic(key: Omit<EventKey, "allowStaticCode">): string {
  return `${STATIC}.${key.eventId}.${key.villageId}.${sig128(key.secret, `${STATIC}|${key.eventId}|${key.villageId}`)}`;
}

/** Reads a token's parts without checking the signature (the event's secret is looked up by eventId). */
export function parseToken(raw: string): ParseResult {
  if (typeof raw !== "string") return { ok: false, reason: "GARBAGE" };
  if (raw.length > TOKEN_MAX_LENGTH) return { ok: false, reason: "OVERSIZED" };
  const text = raw.trim();
  const parts = text.split(".");
  const version = parts[0];
  if (version !== ROTATING && version !== STATIC) {
    // a cut-off prefix ("MBE", "MB") is a truncated token; anything else is not ours
    if (text.length > 0 && (ROTATING.startsWith(text) || STATIC.startsWith(text))) return { ok: false, reason: "TRUNCATED" };
    return { ok: false, reason: "GARBAGE" };
  }
  const want = version === ROTATING ? 5 : 4;
  if (parts.length > want) return { ok: false, reason: "GARBAGE" };
  if (parts.slice(1).some((p) => p !== "" && !SIG_RE.test(p))) return { ok: false, reason: "GARBAGE" };
  const sig = parts[want - 1] ?? "";
  if (parts.length < want || parts.some((p) => p === "") || sig.length < SIG_LENGTH) return { ok: false, reason: "TRUNCATED" };
  if (sig.length > SIG_LENGTH) return { ok: false, reason: "BAD_SIGNATURE" };
  const [, eventId, villageId] = parts as [string, string, string];
  if (!ID_RE.test(eventId) || !ID_RE.test(villageId)) return { ok: false, reason: "GARBAGE" };
  if (version === STATIC) return { ok: true, token: { kind: "STATIC", eventId, villageId, sig } };
  const w = parts[3]!;
  if (!/^\d{1,12}$/.test(w)) return { ok: false, reason: "GARBAGE" };
  return { ok: true, token: { kind: "ROTATING", eventId, villageId, window: Number(w), sig } };
}

/**
 * Whether `raw` is a valid token of this event now: the current or the previous window (rotating),
 * or a static token of an event that allows one.
 */
export function verifyToken(raw: string, key: EventKey, nowMs: number): VerifyResult {
  const parsed = parseToken(raw);
  return parsed.ok ? verifyParsed(parsed.token, key, nowMs) : parsed;
}

/**
 * verifyToken for a token already read with parseToken: a scan parses once (to find the event and its
 * secret) and checks that same parse against the event.
 */
export function verifyParsed(t: ParsedToken, key: EventKey, nowMs: number): VerifyResult {
  if (t.eventId !== key.eventId) return { ok: false, reason: "OTHER_EVENT" };
  if (t.villageId !== key.villageId) return { ok: false, reason: "OTHER_VILLAGE" };
  if (t.kind === "STATIC") {
    if (!sameText(t.sig, sig128(key.secret, `${STATIC}|${t.eventId}|${t.villageId}`))) return { ok: false, reason: "BAD_SIGNATURE" };
    if (!key.allowStaticCode) return { ok: false, reason: "STATIC_NOT_ALLOWED" };
    return { ok: true, kind: "STATIC", window: null };
  }
  // The signature first: a forged token learns nothing about windows.
  if (!sameText(t.sig, sig128(key.secret, `${ROTATING}|${t.eventId}|${t.villageId}|${t.window}`))) return { ok: false, reason: "BAD_SIGNATURE" };
  const current = windowOf(nowMs);
  if (t.window > current) return { ok: false, reason: "FUTURE" };
  if (t.window < current - 1) return { ok: false, reason: "EXPIRED" };
  return { ok: true, kind: "ROTATING", window: t.window };
}

/** The typed short code (6 digits) of the event for `window`. */
export function shortCodeFor(key: Omit<EventKey, "allowStaticCode">, window: number): string {
  const n = hmac(key.secret, `${CHECKIN_TYPED_PREFIX}|${key.eventId}|${key.villageId}|${window}`).readUInt32BE(0) % 1_000_000;
  return String(n).padStart(6, "0");
}

/** The typed code shown now. */
export const shortCode = (key: Omit<EventKey, "allowStaticCode">, nowMs: number) => shortCodeFor(key, windowOf(nowMs));

export const SHORT_CODE_RE = /^\d{6}$/;

/** How far back a typed code is recognised as "expired" rather than "wrong" (10 minutes). */
const EXPIRED_LOOKBACK_WINDOWS = 20;

/**
 * Checks a typed code: "OK" for this or the previous window, "EXPIRED" for a code of the last ten
 * minutes, "BAD_SIGNATURE" otherwise (wrong code, or a code of another event). "GARBAGE" when it is
 * not six digits.
 */
export function verifyShortCode(code: string, key: Omit<EventKey, "allowStaticCode">, nowMs: number): { ok: true } | { ok: false; reason: TokenReason } {
  const c = (code ?? "").replace(/\s+/g, "");
  if (!SHORT_CODE_RE.test(c)) return { ok: false, reason: "GARBAGE" };
  const w = windowOf(nowMs);
  const same = (win: number) => sameText(c, shortCodeFor(key, win));
  if (same(w) || same(w - 1)) return { ok: true };
  for (let back = 2; back <= EXPIRED_LOOKBACK_WINDOWS; back++) if (same(w - back)) return { ok: false, reason: "EXPIRED" };
  return { ok: false, reason: "BAD_SIGNATURE" };
}

// ───────── Meeting attendance (the same rotating scheme under its own prefix and secret) ─────────

const MEETING = MEETING_ROTATING_PREFIX;

export type MeetingKey = { meetingId: string; villageId: string; secret: string };
export type ParsedMeetingToken = { meetingId: string; villageId: string; window: number; sig: string };

/** The rotating token of a meeting's kiosk for the window of `nowMs`. */
export function signMeetingRotating(key: MeetingKey, nowMs: number): string {
  const w = windowOf(nowMs);
  return `${MEETING}.${key.meetingId}.${key.villageId}.${w}.${sig128(key.secret, `${MEETING}|${key.meetingId}|${key.villageId}|${w}`)}`;
}

/** Reads a meeting token's parts without checking the signature (the meeting's secret is looked up by id). */
export function parseMeetingToken(raw: string): { ok: true; token: ParsedMeetingToken } | { ok: false; reason: TokenReason } {
  if (typeof raw !== "string") return { ok: false, reason: "GARBAGE" };
  if (raw.length > TOKEN_MAX_LENGTH) return { ok: false, reason: "OVERSIZED" };
  const text = raw.trim();
  const parts = text.split(".");
  if (parts[0] !== MEETING) {
    if (text.length > 0 && MEETING.startsWith(text)) return { ok: false, reason: "TRUNCATED" };
    return { ok: false, reason: "GARBAGE" };
  }
  if (parts.length > 5) return { ok: false, reason: "GARBAGE" };
  if (parts.slice(1).some((p) => p !== "" && !SIG_RE.test(p))) return { ok: false, reason: "GARBAGE" };
  const sig = parts[4] ?? "";
  if (parts.length < 5 || parts.some((p) => p === "") || sig.length < SIG_LENGTH) return { ok: false, reason: "TRUNCATED" };
  if (sig.length > SIG_LENGTH) return { ok: false, reason: "BAD_SIGNATURE" };
  const [, meetingId, villageId, w] = parts as [string, string, string, string];
  if (!ID_RE.test(meetingId) || !ID_RE.test(villageId) || !/^\d{1,12}$/.test(w)) return { ok: false, reason: "GARBAGE" };
  return { ok: true, token: { meetingId, villageId, window: Number(w), sig } };
}

/** Whether a parsed meeting token is valid now for this meeting: this window or the previous one. */
export function verifyMeetingParsed(t: ParsedMeetingToken, key: MeetingKey, nowMs: number): { ok: true; window: number } | { ok: false; reason: TokenReason } {
  if (t.meetingId !== key.meetingId) return { ok: false, reason: "OTHER_EVENT" };
  if (t.villageId !== key.villageId) return { ok: false, reason: "OTHER_VILLAGE" };
  if (!sameText(t.sig, sig128(key.secret, `${MEETING}|${t.meetingId}|${t.villageId}|${t.window}`))) return { ok: false, reason: "BAD_SIGNATURE" };
  const current = windowOf(nowMs);
  if (t.window > current) return { ok: false, reason: "FUTURE" };
  if (t.window < current - 1) return { ok: false, reason: "EXPIRED" };
  return { ok: true, window: t.window };
}

// ───────── Printed household cards ─────────

const CARD = CARD_PREFIX;

/** The QR payload of a household's printed card. */
export const cardPayload = (householdId: string) => `${CARD}${householdId}`;

/** The household id a card names, or null for anything else. */
export function parseCard(raw: string): string | null {
  if (typeof raw !== "string" || raw.length > 60) return null;
  const text = raw.trim();
  if (!text.startsWith(CARD)) return null;
  const id = text.slice(CARD.length);
  return ID_RE.test(id) ? id : null;
}

/** A fresh per-event secret (32 random bytes, base64url). */
export function newEventSecret(): string {
  return randomBytes(32).toString("base64url");
}
