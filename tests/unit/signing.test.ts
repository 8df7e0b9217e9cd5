/** The signing every code shares: HMAC-SHA256 cut to 128 bits, compared in constant time. */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmac, sameText, sig128 } from "@/server/lib/signing";

describe("code signing", () => {
  it("is HMAC-SHA256, and a code's signature is its first 16 bytes in base64url", () => {
    const full = createHmac("sha256", "k").update("MBE1|e|v|1").digest();
    expect(hmac("k", "MBE1|e|v|1").equals(full)).toBe(true);
    expect(hmac(Buffer.from("k"), "MBE1|e|v|1").equals(full)).toBe(true);
    const s = sig128("k", "MBE1|e|v|1");
    expect(s).toBe(full.subarray(0, 16).toString("base64url"));
    expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sig128("k", "MBE1|e|v|2")).not.toBe(s);
    expect(sig128("other", "MBE1|e|v|1")).not.toBe(s);
  });

  it("compares equal strings as equal and anything else, of any length, as different", () => {
    expect(sameText("abc", "abc")).toBe(true);
    expect(sameText("abc", "abd")).toBe(false);
    expect(sameText("abc", "abcd")).toBe(false);
    expect(sameText("", "")).toBe(true);
    expect(sameText("中", "中")).toBe(true);
  });
});
