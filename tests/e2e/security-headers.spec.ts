/**
 * The security headers on the production build: a per-request nonce CSP that the page's own scripts
 * carry, no framing, no sniffing, no HSTS over plain http (nor from a forged X-Forwarded-Proto when no
 * proxy is trusted), and the sign-in golden path still working with no CSP violation in the console.
 */
import { expect, test } from "@playwright/test";

test.describe("security headers", () => {
  test("every page gets its own nonce, and its scripts carry it", async ({ request }) => {
    const a = await request.get("/signin");
    const b = await request.get("/signin", { headers: { "X-Forwarded-Proto": "https" } });
    expect(a.status()).toBe(200);
    const csp = a.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(b.headers()["content-security-policy"]).not.toContain(nonce!);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);

    for (const res of [a, b]) {
      const h = res.headers();
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"]).toContain("camera=(self)");
      expect(h["permissions-policy"]).toContain("geolocation=(self)");
      // plain http, and no proxy is trusted: the forwarded header proves nothing
      expect(h["strict-transport-security"]).toBeUndefined();
    }
  });

  test("API answers are not framable and not sniffed either", async ({ request }) => {
    const res = await request.get("/api/auth/csrf");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  test("signing in works with the policy on, and nothing is blocked", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto("/signin");
    await page.getByTestId("demo-13800000001").click();
    await page.waitForURL((u) => u.pathname.startsWith("/v"), { timeout: 30_000 });
    await expect(page.locator("main")).toBeVisible();
    expect(problems.filter((p) => /Content Security Policy|CSP violation|Refused to/i.test(p))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
