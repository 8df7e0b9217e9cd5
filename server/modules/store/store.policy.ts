/** Pure rules of the store: photo types, refund windows, PIN lock-out, receipt numbers, settlement maths. */
import type { Role } from "@/server/db/generated/enums";
import type { ErrorCode } from "@/server/lib/errors";
import { DAY_MS, villageDay, villageDayStart } from "@/server/lib/village-time.schema";
import { PHOTO_MAX_BYTES } from "./store.schema";

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60 * 1000;
/** Each further lock-out doubles the last one, up to a day: ≈ 25 guesses a day at most instead of ≈ 480. */
export const PIN_LOCK_MAX_MS = 24 * 60 * 60 * 1000;

/** The image type from the file's first bytes (never from what the client claims), or null. */
export function sniffImage(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return "image/png";
  }
  if (
    b.length >= 12 &&
    String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === "RIFF" &&
    String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!) === "WEBP"
  ) {
    return "image/webp";
  }
  return null;
}

/** Decodes and checks an uploaded photo. Returns the bytes and type, or the error code. */
export function checkPhoto(base64: string): { ok: true; bytes: Buffer; type: string } | { ok: false; code: Extract<ErrorCode, "PHOTO_NOT_IMAGE" | "PHOTO_TOO_LARGE"> } {
  const clean = base64.replace(/^data:[^;,]*;base64,/, "");
  if (!/^[A-Za-z0-9+/=\s]*$/.test(clean)) return { ok: false, code: "PHOTO_NOT_IMAGE" };
  const bytes = Buffer.from(clean, "base64");
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, code: "PHOTO_TOO_LARGE" };
  const type = sniffImage(bytes);
  if (!type) return { ok: false, code: "PHOTO_NOT_IMAGE" };
  return { ok: true, bytes, type };
}

/**
 * May this actor refund this receipt now? A shopkeeper of the shop: on the day of the sale
 * (Asia/Shanghai); later, a supervisor of the village must do it.
 */
export function refundBlock(role: Role, soldAt: Date, now: Date): Extract<ErrorCode, "REFUND_NEEDS_SUPERVISOR"> | null {
  if (role === "SUPERVISOR") return null;
  return villageDay(soldAt) === villageDay(now) ? null : "REFUND_NEEDS_SUPERVISOR";
}

/**
 * The PIN state after one wrong attempt. The 5th wrong attempt locks it: 15 minutes the first time,
 * then twice as long as the previous lock, capped at 24 hours. `lockouts` counts the locks since the
 * right PIN was last typed, so a guesser who keeps coming back waits longer each time.
 */
export function afterWrongPin(
  failures: number,
  lockouts: number,
  now: Date,
): { failures: number; lockouts: number; lockedUntil: Date | null; left: number } {
  const f = failures + 1;
  if (f >= PIN_MAX_FAILURES) {
    const ms = Math.min(PIN_LOCK_MAX_MS, PIN_LOCK_MS * 2 ** Math.min(lockouts, 20));
    return { failures: 0, lockouts: lockouts + 1, lockedUntil: new Date(now.getTime() + ms), left: 0 };
  }
  return { failures: f, lockouts, lockedUntil: null, left: PIN_MAX_FAILURES - f };
}

/** Minutes (rounded up) until a lock ends; 0 when not locked. */
export function lockMinutesLeft(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil || lockedUntil <= now) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
}

/**
 * The receipt number people see: R + the sale's date (Asia/Shanghai) + the ledger sequence number of
 * the village (unique in the village, increasing), e.g. R20261123-000123.
 */
export function receiptNumber(soldAt: Date, ledgerSeq: number): string {
  return `R${villageDay(soldAt).replaceAll("-", "")}-${String(ledgerSeq).padStart(6, "0")}`;
}

/** Yuan owed for points at the village's rate, in fen (1/100 yuan). */
export function fenFor(points: number, fenPerPoint: number): number {
  return points * fenPerPoint;
}

/** [from, to) of a period given as village-calendar days "YYYY-MM-DD" (both inclusive), default: everything. */
export function periodRange(from?: string, to?: string): { from: Date; to: Date } {
  const start = from ? villageDayStart(from) : new Date(0);
  const end = to ? new Date(villageDayStart(to).getTime() + DAY_MS) : new Date(Date.UTC(9999, 0, 1));
  return { from: start, to: end };
}

export function isLowStock(stock: number, threshold: number): boolean {
  return stock <= threshold;
}
