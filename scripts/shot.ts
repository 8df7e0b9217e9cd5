/**
 * Screenshots of pages as a phone sees them (360×740, Debian's Chromium), signed in as a demo account.
 *   node --import tsx scripts/shot.ts <phone|-> <out.png> <path> [--base http://localhost:3000] [--en] [--full]
 * Used to look at what we built and to make docs/screenshots.
 */
import { chromium } from "@playwright/test";

const [phone, out, path = "/", ...rest] = process.argv.slice(2);
const base = rest.includes("--base") ? rest[rest.indexOf("--base") + 1]! : "http://localhost:3000";
if (!phone || !out) {
  console.error("usage: shot.ts <phone|-> <out.png> <path> [--base URL] [--en] [--full]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
if (rest.includes("--en")) await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: base }]);
const page = await context.newPage();
if (phone !== "-") {
  await page.goto(`${base}/signin`);
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
  if (page.url().includes("/choose")) await page.locator("form button").first().click();
  await page.waitForLoadState("networkidle");
}
await page.goto(`${base}${path}`);
await page.waitForLoadState("networkidle");
await page.screenshot({ path: out, fullPage: rest.includes("--full") });
console.log(`saved ${out} (${page.url()})`);
await browser.close();
