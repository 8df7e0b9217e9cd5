import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueCode, SESSION_MS, signSession, typedCode, typedNonce, verifySession, verifyToken, verifyTyped, WINDOW_MS, windowOf } from "@/server/lib/payment-code";

const key = randomBytes(32);
const otherKey = randomBytes(32);
const h = { id: "ckhousehold0001", villageId: "ckvillage0001", number: "0012" };
const t0 = new Date(Date.UTC(2026, 10, 23, 8, 0, 10)); // 10 s into a window
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("payment code (QR token)", () => {
  it("is accepted in its window and the next one, with the household and a nonce", () => {
    const c = issueCode(key, h, t0);
    for (const later of [0, 49_000, WINDOW_MS, 2 * WINDOW_MS - 10_001]) {
      const r = verifyToken(key, c.token, at(later));
      expect(r, `after ${later} ms`).toMatchObject({ ok: true, householdId: h.id, window: windowOf(t0) });
    }
    expect(c.expiresAt.getTime()).toBe((windowOf(t0) + 2) * WINDOW_MS);
  });

  it("is refused two windows later (expired) and from the future", () => {
    const c = issueCode(key, h, t0);
    expect(verifyToken(key, c.token, at(2 * WINDOW_MS))).toEqual({ ok: false, reason: "EXPIRED" });
    expect(verifyToken(key, c.token, at(60 * WINDOW_MS))).toEqual({ ok: false, reason: "EXPIRED" });
    const future = issueCode(key, h, at(2 * WINDOW_MS));
    expect(verifyToken(key, future.token, t0)).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("refuses forged and tampered tokens", () => {
    const c = issueCode(key, h, t0);
    expect(verifyToken(otherKey, c.token, t0)).toEqual({ ok: false, reason: "FORGED" });
    const parts = c.token.split(".");
    const swap = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join(".");
    expect(verifyToken(key, swap(1, "ckotherhousehold"), t0)).toEqual({ ok: false, reason: "FORGED" });
    expect(verifyToken(key, swap(2, String(windowOf(t0) + 1)), t0)).toEqual({ ok: false, reason: "FORGED" });
    expect(verifyToken(key, swap(3, "AAAAAAAAAAAA"), t0)).toEqual({ ok: false, reason: "FORGED" });
    const sig = parts[4]!;
    expect(verifyToken(key, swap(4, (sig[0] === "A" ? "B" : "A") + sig.slice(1)), t0)).toEqual({ ok: false, reason: "FORGED" });
    expect(verifyToken(key, swap(4, sig.slice(1)), t0)).toEqual({ ok: false, reason: "FORGED" });
  });

  it("refuses garbage", () => {
    for (const g of ["", "hello", "MB1....", "MB2.a.1.abcdefgh.x", "MB1.a b.1.abcdefgh.x", "MB1.a.-1.abcdefgh.x", "MB1.a.1.short.x", "MBH1:ckhousehold", "x".repeat(300)]) {
      expect(verifyToken(key, g, t0).ok, g).toBe(false);
    }
    expect(verifyToken(key, "garbage", t0)).toEqual({ ok: false, reason: "MALFORMED" });
  });

  it("gives a new nonce to every code, so each QR pays once", () => {
    const a = verifyToken(key, issueCode(key, h, t0).token, t0);
    const b = verifyToken(key, issueCode(key, h, t0).token, t0);
    expect(a.ok && b.ok && a.nonce !== b.nonce).toBe(true);
  });
});

describe("typed fallback (户号 + 8 digits)", () => {
  it("is 8 digits, stable within a window and different in the next", () => {
    const w = windowOf(t0);
    const code = typedCode(key, h.villageId, h.number, w);
    expect(code).toMatch(/^\d{8}$/);
    expect(issueCode(key, h, at(5_000)).typed).toBe(code);
    expect(typedCode(key, h.villageId, h.number, w + 1)).not.toBe(code);
  });

  it("is accepted in the current and previous window only", () => {
    const { typed } = issueCode(key, h, t0);
    expect(verifyTyped(key, h, typed, t0)).toBe(windowOf(t0));
    expect(verifyTyped(key, h, typed, at(WINDOW_MS))).toBe(windowOf(t0));
    expect(verifyTyped(key, h, typed, at(2 * WINDOW_MS))).toBeNull();
    expect(verifyTyped(key, h, typed, at(-WINDOW_MS))).toBeNull();
  });

  it("is bound to the household number, the village and the key", () => {
    const { typed } = issueCode(key, h, t0);
    expect(verifyTyped(key, { ...h, number: "0013" }, typed, t0)).toBeNull();
    expect(verifyTyped(key, { ...h, villageId: "ckvillage0002" }, typed, t0)).toBeNull();
    expect(verifyTyped(otherKey, h, typed, t0)).toBeNull();
  });

  it("refuses anything that is not exactly 8 digits", () => {
    const { typed } = issueCode(key, h, t0);
    for (const bad of ["", "1234567", "123456789", `${typed} `, "abcdefgh", `${typed.slice(0, 7)}x`]) {
      expect(verifyTyped(key, h, bad, t0), bad).toBeNull();
    }
  });

  it("uses one nonce per household and window", () => {
    expect(typedNonce(h.id, 5)).toBe(typedNonce(h.id, 5));
    expect(typedNonce(h.id, 5)).not.toBe(typedNonce(h.id, 6));
  });
});

describe("till session", () => {
  const s = { householdId: h.id, shopId: "ckshop0001", nonce: "qr:abcdefgh", payMethod: "CODE" as const };
  it("stands for the payer at that shop for 10 minutes", () => {
    const token = signSession(key, s, t0);
    expect(verifySession(key, token, s.shopId, at(SESSION_MS - 1000))).toEqual({ ok: true, session: { ...s, exp: t0.getTime() + SESSION_MS } });
    expect(verifySession(key, token, s.shopId, at(SESSION_MS))).toEqual({ ok: false, reason: "EXPIRED" });
  });
  it("refuses another shop, another key, tampering and garbage", () => {
    const token = signSession(key, s, t0);
    expect(verifySession(key, token, "ckshop0002", t0)).toEqual({ ok: false, reason: "FORGED" });
    expect(verifySession(otherKey, token, s.shopId, t0)).toEqual({ ok: false, reason: "FORGED" });
    const [p, body, sig] = token.split(".") as [string, string, string];
    const other = Buffer.from(JSON.stringify({ ...s, householdId: "ckother", exp: t0.getTime() + SESSION_MS })).toString("base64url");
    expect(verifySession(key, `${p}.${other}.${sig}`, s.shopId, t0)).toEqual({ ok: false, reason: "FORGED" });
    expect(verifySession(key, `${p}.${body}.${sig.slice(1)}`, s.shopId, t0).ok).toBe(false);
    for (const g of ["", "MBS1", "MBS1..", "MBS1.!!.x", issueCode(key, h, t0).token]) expect(verifySession(key, g, s.shopId, t0).ok, g).toBe(false);
  });
});
