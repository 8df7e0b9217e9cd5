/**
 * Check-in tokens with an injected clock: the current and previous 30 s window are accepted; older,
 * future, other-event, other-village, tampered, truncated, oversized and garbage tokens are refused,
 * each with its own reason.
 */
import { describe, expect, it } from "vitest";
import {
  TOKEN_MAX_LENGTH,
  WINDOW_MS,
  cardPayload,
  parseCard,
  parseToken,
  shortCode,
  signRotating,
  signStatic,
  verifyShortCode,
  verifyToken,
  windowEndsAt,
  windowOf,
} from "@/server/lib/qr-token";

const key = { eventId: "cevent000000000000000001", villageId: "cvillage0000000000000001", secret: "s3cret-of-this-event", allowStaticCode: false };
const T0 = Date.UTC(2026, 10, 23, 2, 0, 10); // 10 s into a window
const at = (windows: number, extraMs = 0) => T0 + windows * WINDOW_MS + extraMs;

describe("rotating token", () => {
  const token = signRotating(key, T0);

  it("is compact, URL-safe and versioned", () => {
    expect(token).toMatch(/^MBE1\.[0-9A-Za-z_.-]+$/);
    expect(token.length).toBeLessThan(120);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it("is accepted in its window and the next one", () => {
    expect(verifyToken(token, key, T0)).toEqual({ ok: true, kind: "ROTATING", window: windowOf(T0) });
    expect(verifyToken(token, key, at(0, 19_999))).toMatchObject({ ok: true });
    expect(verifyToken(token, key, at(1))).toMatchObject({ ok: true });
  });

  it("rotates every 30 s", () => {
    expect(signRotating(key, at(1))).not.toBe(token);
    expect(signRotating(key, at(0, 15_000))).toBe(token);
    expect(windowEndsAt(T0) - T0).toBe(20_000);
  });

  it("is refused two windows later (expired) and before its window (future)", () => {
    expect(verifyToken(token, key, at(2))).toEqual({ ok: false, reason: "EXPIRED" });
    expect(verifyToken(token, key, at(100))).toEqual({ ok: false, reason: "EXPIRED" });
    expect(verifyToken(token, key, at(-1))).toEqual({ ok: false, reason: "FUTURE" });
  });

  it("of another event or village is refused", () => {
    expect(verifyToken(token, { ...key, eventId: "cevent000000000000000002" }, T0)).toEqual({ ok: false, reason: "OTHER_EVENT" });
    expect(verifyToken(token, { ...key, villageId: "cvillage0000000000000002" }, T0)).toEqual({ ok: false, reason: "OTHER_VILLAGE" });
    // re-labelled to the other event without its secret: the signature fails
    const relabelled = token.replace(key.eventId, "cevent000000000000000002");
    expect(verifyToken(relabelled, { ...key, eventId: "cevent000000000000000002", secret: "other-secret" }, T0)).toEqual({
      ok: false,
      reason: "BAD_SIGNATURE",
    });
  });

  it("with a tampered signature, window or secret is refused", () => {
    const parts = token.split(".");
    const sig = parts[4]!;
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(verifyToken([...parts.slice(0, 4), flipped].join("."), key, T0)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    // moving the window forward to dodge expiry breaks the signature
    const later = [...parts.slice(0, 3), String(windowOf(T0) + 5), sig].join(".");
    expect(verifyToken(later, key, at(5))).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    expect(verifyToken(token, { ...key, secret: "another" }, T0)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    expect(verifyToken(`${token}A`, key, T0)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("truncated anywhere is refused as truncated", () => {
    for (const cut of [3, 10, 30, 55, token.length - 1, token.length - 10]) {
      const r = verifyToken(token.slice(0, cut), key, T0);
      expect(r, `cut at ${cut}`).toMatchObject({ ok: false });
      expect(["TRUNCATED"], `cut at ${cut}: ${JSON.stringify(r)}`).toContain((r as { reason: string }).reason);
    }
  });

  it("oversized and garbage are refused without parsing", () => {
    expect(verifyToken("MBE1." + "a".repeat(TOKEN_MAX_LENGTH), key, T0)).toEqual({ ok: false, reason: "OVERSIZED" });
    for (const g of ["", "hello", "https://example.com/?t=1", "MBE2.a.b.1.c", "MBE1.a b.c.1.dddddddddddddddddddddd", "MBE1.a.b.c.d.e.f", "MBE1.e.v.notanumber.AAAAAAAAAAAAAAAAAAAAAA", "中文二维码"]) {
      expect(verifyToken(g, key, T0), g).toEqual({ ok: false, reason: "GARBAGE" });
    }
    expect(parseToken(null as unknown as string)).toEqual({ ok: false, reason: "GARBAGE" });
  });
});

describe("static token", () => {
  const token = signStatic(key);
  it("never expires but only works for an event that allows it", () => {
    expect(token).toMatch(/^MBS1\./);
    expect(verifyToken(token, key, T0)).toEqual({ ok: false, reason: "STATIC_NOT_ALLOWED" });
    const allowed = { ...key, allowStaticCode: true };
    expect(verifyToken(token, allowed, T0)).toEqual({ ok: true, kind: "STATIC", window: null });
    expect(verifyToken(token, allowed, at(100_000))).toMatchObject({ ok: true });
    expect(verifyToken(token, { ...allowed, secret: "x" }, T0)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    expect(verifyToken(token.slice(0, -3), allowed, T0)).toEqual({ ok: false, reason: "TRUNCATED" });
    expect(verifyToken(token, { ...allowed, eventId: "cother" }, T0)).toEqual({ ok: false, reason: "OTHER_EVENT" });
  });
});

describe("typed short code", () => {
  const code = shortCode(key, T0);
  it("is six digits, accepted this and the previous window", () => {
    expect(code).toMatch(/^\d{6}$/);
    expect(verifyShortCode(code, key, T0)).toEqual({ ok: true });
    expect(verifyShortCode(` ${code.slice(0, 3)} ${code.slice(3)} `, key, at(1))).toEqual({ ok: true });
  });
  it("says expired for a recent old code, wrong otherwise", () => {
    expect(verifyShortCode(code, key, at(3))).toEqual({ ok: false, reason: "EXPIRED" });
    expect(verifyShortCode(code, { ...key, secret: "other" }, T0)).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyShortCode(wrong, key, T0)).toMatchObject({ ok: false });
    expect(verifyShortCode("12345", key, T0)).toEqual({ ok: false, reason: "GARBAGE" });
    expect(verifyShortCode("abcdef", key, T0)).toEqual({ ok: false, reason: "GARBAGE" });
  });
  it("differs between events", () => {
    expect(shortCode({ ...key, eventId: "cevent000000000000000002" }, T0)).not.toBe(code);
  });
});

describe("household card", () => {
  it("round-trips and rejects anything else", () => {
    expect(parseCard(cardPayload("chouse123"))).toBe("chouse123");
    expect(parseCard("MBH1:")).toBeNull();
    expect(parseCard("MBH1:a b")).toBeNull();
    expect(parseCard("MBE1.x")).toBeNull();
    expect(parseCard("MBH1:" + "a".repeat(80))).toBeNull();
  });
});
