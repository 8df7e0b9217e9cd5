/**
 * The signing the app's codes share (check-in tokens, payment codes, till sessions): HMAC-SHA256, cut
 * to 128 bits for what travels in a QR, and compared in constant time so timing says nothing about
 * how much of a guess was right. Server only (node:crypto); the codes' prefixes are in codes.schema.ts.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of `text` under `key`. */
export function hmac(key: string | Buffer, text: string): Buffer {
  return createHmac("sha256", key).update(text, "utf8").digest();
}

/** The signature a code carries: the first 16 bytes of the HMAC, base64url without padding (22 characters). */
export function sig128(key: string | Buffer, text: string): string {
  return hmac(key, text).subarray(0, 16).toString("base64url");
}

/** Whether two strings are equal, in time that depends only on their length. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
