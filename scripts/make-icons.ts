/**
 * Draws the app icons (public/icon-192.png, public/icon-512.png): a red rounded square with 德,
 * rendered by Debian's Chromium so no image tool or download is needed.
 *   node --import tsx scripts/make-icons.ts
 */
import { chromium } from "@playwright/test";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${Math.round(size * 0.22)}px;background:linear-gradient(145deg,#c62828,#991b1b);
      display:flex;align-items:center;justify-content:center;flex-direction:column;color:#fff8e7;
      font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;">
      <div style="font-size:${Math.round(size * 0.58)}px;font-weight:900;line-height:1">德</div>
      <div style="font-size:${Math.round(size * 0.11)}px;font-weight:700;letter-spacing:${Math.round(size * 0.02)}px;margin-top:${Math.round(size * 0.03)}px">道德银行</div>
    </div></body></html>`);
  await page.screenshot({ path: `public/icon-${size}.png`, omitBackground: true });
  await page.close();
  console.log(`public/icon-${size}.png`);
}
await browser.close();
