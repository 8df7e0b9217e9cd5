import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps, staticSecurityHeaders } from "@/server/lib/security-headers";

const h = (map: Record<string, string>) => ({ get: (n: string) => map[n.toLowerCase()] ?? null });

describe("security headers", () => {
  it("gives every render its own nonce and allows scripts only with it", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = contentSecurityPolicy(a);
    expect(csp).toContain(`script-src 'self' 'nonce-${a}' 'strict-dynamic'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy(a, { dev: true })).toContain("'unsafe-eval'");
  });

  it("refuses sniffing and framing, limits the camera and position to this site, HSTS only over https", () => {
    const plain = staticSecurityHeaders(false);
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["X-Frame-Options"]).toBe("DENY");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain["Permissions-Policy"]).toContain("camera=(self)");
    expect(plain["Permissions-Policy"]).toContain("geolocation=(self)");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders(true)["Strict-Transport-Security"]).toBe(HSTS);
  });

  it("believes X-Forwarded-Proto only with a trusted proxy configured; an https public URL is enough", () => {
    const fwd = h({ "x-forwarded-proto": "https" });
    expect(servedOverHttps(fwd, { trustProxy: [] })).toBe(false);
    expect(servedOverHttps(fwd, { trustProxy: ["loopback"] })).toBe(true);
    expect(servedOverHttps(h({ "x-forwarded-proto": "http" }), { trustProxy: ["loopback"] })).toBe(false);
    expect(servedOverHttps(h({}), { trustProxy: ["loopback"] })).toBe(false);
    expect(servedOverHttps(h({}), { publicUrl: "https://mb.example.cn", trustProxy: [] })).toBe(true);
    expect(servedOverHttps(h({}), { publicUrl: "http://localhost:3000", trustProxy: [] })).toBe(false);
  });
});
