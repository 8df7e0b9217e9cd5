/**
 * Household payment codes (付款码, docs/architecture.md, "Check-in and the store"). Two forms of one idea, both bound to a 60-second
 * window and signed with a server key, so a photo of the code stops working within two minutes:
 *
 * 1. The QR token: "MB1.<householdId>.<window>.<nonce>.<sig>", sig = HMAC-SHA256(key, "qr|householdId|window|nonce")
 *    truncated to 128 bits (base64url). The nonce is random per code shown, and a completed payment
 *    records it (PaymentCodeUse), so one QR pays once. A code shown to a signed-in member also names
 *    them: "MB1.<householdId>.<window>.<nonce>.<userId>.<sig>", sig over "qr|householdId|window|nonce|userId",
 *    so the receipt records who paid (Redemption.userId).
 *
 * 2. The typed fallback (when the shop's camera fails): the shop types the household number (户号, printed
 *    on the card and shown on the villager's page) plus an 8-digit code = HMAC-SHA256(key,
 *    "typed|villageId|householdNumber|window") reduced mod 10^8. It does not depend on a stored
 *    mapping (no schema change): the server recomputes it for the typed household, in the shop's village.
 *    It is used once per (household, window): PaymentCodeUse nonce "typed:<householdId>:<window>".
 *    8 digits against 2 valid windows: a blind guess succeeds with probability 2·10⁻⁸, and only a
 *    signed-in shopkeeper of that village can try at all.
 *
 * Both forms are accepted for the current and the previous window (a code shown at 0:59 still works at 1:30).
 * Pure functions with the key and the clock injected (tests); `paymentKey()` derives the app's key.
 */
import { randomBytes } from "node:crypto";
import { PAYMENT_PREFIX, TILL_SESSION_PREFIX } from "./codes.schema";
import { hmac, sameText, sig128 } from "./signing";

export const WINDOW_MS = 60_000;
const PREFIX = PAYMENT_PREFIX;

/** The app's payment-code key: derived from NEXTAUTH_SECRET, so it is set wherever sign-in works. */
let cachedKey: Buffer | undefined;
export async function paymentKey(): Promise<Buffer> {
  if (cachedKey) return cachedKey;
  const { env } = await import("@/server/env");
  cachedKey = hmac(env.NEXTAUTH_SECRET, "moral-bank/payment-code/v1");
  return cachedKey;
}

export function windowOf(now: Date): number {
  return Math.floor(now.getTime() / WINDOW_MS);
}

function qrSig(key: Buffer, householdId: string, window: number, nonce: string, userId: string | null = null): string {
  const text = userId === null ? `qr|${householdId}|${window}|${nonce}` : `qr|${householdId}|${window}|${nonce}|${userId}`;
  return sig128(key, text);
}

/** The 8-digit typed code of a household in a window. */
export function typedCode(key: Buffer, villageId: string, householdNumber: string, window: number): string {
  const h = hmac(key, `typed|${villageId}|${householdNumber}|${window}`);
  return String(h.readBigUInt64BE(0) % 100_000_000n).padStart(8, "0");
}

export type IssuedCode = { token: string; typed: string; window: number; expiresAt: Date };

/**
 * A fresh QR token and the typed code for the household, valid until the end of the next window.
 * With `userId` (the member the code is shown to) the token names them; the typed code cannot.
 */
export function issueCode(
  key: Buffer,
  h: { id: string; villageId: string; number: string },
  now: Date,
  nonce = randomBytes(9).toString("base64url"),
  userId: string | null = null,
): IssuedCode {
  const w = windowOf(now);
  return {
    token: userId === null ? `${PREFIX}.${h.id}.${w}.${nonce}.${qrSig(key, h.id, w, nonce)}` : `${PREFIX}.${h.id}.${w}.${nonce}.${userId}.${qrSig(key, h.id, w, nonce, userId)}`,
    typed: typedCode(key, h.villageId, h.number, w),
    window: w,
    expiresAt: new Date((w + 2) * WINDOW_MS),
  };
}

export type CodeCheck =
  | { ok: true; householdId: string; window: number; nonce: string; userId: string | null }
  | { ok: false; reason: "MALFORMED" | "FORGED" | "EXPIRED" };

function fresh(window: number, now: Date): boolean {
  const cur = windowOf(now);
  return window === cur || window === cur - 1;
}

/** Checks a scanned QR token: shape, signature (constant time), window. The household's village is checked by the caller. */
export function verifyToken(key: Buffer, token: string, now: Date): CodeCheck {
  const parts = token.trim().split(".");
  if ((parts.length !== 5 && parts.length !== 6) || parts[0] !== PREFIX) return { ok: false, reason: "MALFORMED" };
  const [, householdId, w, nonce] = parts as [string, string, string, string];
  const userId = parts.length === 6 ? parts[4]! : null;
  const sig = parts[parts.length - 1]!;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(householdId) || !/^\d{1,12}$/.test(w) || !/^[A-Za-z0-9_-]{8,24}$/.test(nonce)) {
    return { ok: false, reason: "MALFORMED" };
  }
  if (userId !== null && !/^[A-Za-z0-9_-]{1,40}$/.test(userId)) return { ok: false, reason: "MALFORMED" };
  const window = Number(w);
  if (!sameText(sig, qrSig(key, householdId, window, nonce, userId))) return { ok: false, reason: "FORGED" };
  if (!fresh(window, now)) return { ok: false, reason: "EXPIRED" };
  return { ok: true, householdId, window, nonce: `qr:${nonce}`, userId };
}

/**
 * Checks a typed code for a household (found by its number in the shop's village): the window it
 * matches (current or previous), or null. Constant-time comparison of the digits.
 */
export function verifyTyped(key: Buffer, h: { villageId: string; number: string }, code: string, now: Date): number | null {
  if (!/^\d{8}$/.test(code)) return null;
  const cur = windowOf(now);
  for (const w of [cur, cur - 1]) {
    if (sameText(typedCode(key, h.villageId, h.number, w), code)) return w;
  }
  return null;
}

/** The PaymentCodeUse nonce of a typed payment: one per household and window. */
export function typedNonce(householdId: string, window: number): string {
  return `typed:${householdId}:${window}`;
}

/**
 * A till session: after the shop looked up a payer (code verified, or card + PIN right), the server
 * hands the till a token that stands for that payer for SESSION_MS, so adding items may take longer
 * than the code's two windows. It is bound to the shop and carries the code's nonce, so the code
 * still pays once. Format: "MBS1.<base64url(json)>.<sig>", sig = HMAC-SHA256(key, "session|" + json), 128 bits.
 */
export const SESSION_MS = 10 * 60_000;
const SESSION_PREFIX = TILL_SESSION_PREFIX;

export type PayerSession = {
  householdId: string;
  shopId: string;
  nonce: string | null;
  payMethod: "CODE" | "CARD_PIN";
  /** the member the scanned code named, when it named one */
  userId?: string | null;
  exp: number;
};

export function signSession(key: Buffer, s: Omit<PayerSession, "exp">, now: Date): string {
  const json = JSON.stringify({ ...s, exp: now.getTime() + SESSION_MS } satisfies PayerSession);
  const sig = sig128(key, `session|${json}`);
  return `${SESSION_PREFIX}.${Buffer.from(json).toString("base64url")}.${sig}`;
}

/** The session a till token stands for, or why not: forged/garbled, expired, or of another shop. */
export function verifySession(key: Buffer, token: string, shopId: string, now: Date): { ok: true; session: PayerSession } | { ok: false; reason: "MALFORMED" | "FORGED" | "EXPIRED" } {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || parts[0] !== SESSION_PREFIX || !/^[A-Za-z0-9_-]{1,1000}$/.test(parts[1]!)) return { ok: false, reason: "MALFORMED" };
  const json = Buffer.from(parts[1]!, "base64url").toString("utf8");
  if (!sameText(parts[2]!, sig128(key, `session|${json}`))) return { ok: false, reason: "FORGED" };
  let s: PayerSession;
  try {
    s = JSON.parse(json) as PayerSession;
  } catch {
    return { ok: false, reason: "MALFORMED" };
  }
  if (s.shopId !== shopId) return { ok: false, reason: "FORGED" };
  if (!(typeof s.exp === "number" && s.exp > now.getTime())) return { ok: false, reason: "EXPIRED" };
  return { ok: true, session: s };
}
