/**
 * Event check-in on 360×740 phones: the committee's kiosk shows a rotating QR; the villager's page
 * scans it through the camera (Chromium's fake camera plays a Y4M video made here from the kiosk's
 * own token, as STACK.md describes) and says checked in; a second scan says already checked in; a
 * household is checked in from the roll call by staff. Runs on a fresh demo database (桃源村 has an
 * event on now with household 001 not yet checked in).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import QRCode from "qrcode";

const VIDEO = path.resolve("test-results/e2e-checkin-qr.y4m");
mkdirSync(path.dirname(VIDEO), { recursive: true });
// Chromium reads the file when the camera starts, so the test writes it before the villager opens it.
writeFileSync(VIDEO, y4m("MBX0.placeholder"));

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${VIDEO}`,
    ],
  },
});

/** A Y4M video (4:2:0) whose frames show the QR of `text`: luma 0 for modules, 255 elsewhere, chroma 128. */
function y4m(text: string, W = 640, H = 480, frames = 10): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const scale = Math.floor((Math.min(W, H) * 0.8) / (n + 8));
  const ox = Math.floor((W - (n + 8) * scale) / 2) + 4 * scale;
  const oy = Math.floor((H - (n + 8) * scale) / 2) + 4 * scale;
  const luma = Buffer.alloc(W * H, 255);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let dy = 0; dy < scale; dy++) {
          const row = (oy + r * scale + dy) * W;
          luma.fill(0, row + ox + c * scale, row + ox + (c + 1) * scale);
        }
  const chroma = Buffer.alloc((W * H) / 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < frames; i++) parts.push(Buffer.from("FRAME\n"), luma, chroma);
  return Buffer.concat(parts);
}

async function signIn(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext();
  const base = test.info().project.use.baseURL!;
  await context.grantPermissions(["camera"], { origin: base });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
  if (page.url().includes("/choose")) await page.locator("form button").first().click();
  return page;
}

test("kiosk QR scanned through the camera checks the household in once; staff check in by roll call", async ({ browser }) => {
  const committee = await signIn(browser, "13800000002");
  await committee.goto("/c");
  await committee.getByTestId("go-events").click();
  await committee.waitForURL("**/c/events");
  const onNow = committee.getByTestId("event-card").filter({ hasText: "村道环境整治志愿活动" }).filter({ hasText: "签到中" }).first();
  await onNow.getByTestId("event-kiosk").click();
  const qr = committee.getByTestId("kiosk-qr");
  await expect(qr).toBeVisible();
  const before = Number((await committee.getByTestId("kiosk-count").innerText()).replace(/\D/g, ""));
  const token = (await qr.getAttribute("data-token"))!;
  expect(token).toMatch(/^MBE1\./);
  writeFileSync(VIDEO, y4m(token));

  const villager = await signIn(browser, "13800000001");
  await villager.goto("/v/events");
  await villager.getByTestId("go-scan").click();
  await villager.getByTestId("camera-open").click();
  const result = villager.getByTestId("checkin-result");
  await expect(result).toHaveAttribute("data-outcome", "CHECKED_IN", { timeout: 20_000 });
  await expect(result).toContainText("签到成功");

  // the kiosk counts it within a few seconds and names the household
  await expect(committee.getByTestId("kiosk-count")).toContainText(String(before + 1), { timeout: 15_000 });
  await expect(committee.getByTestId("kiosk-recent")).toContainText("王建国");

  // scanning again: already checked in, nothing counted twice
  await villager.getByRole("button", { name: "再签一个" }).click();
  await villager.getByTestId("camera-open").click();
  await expect(result).toHaveAttribute("data-outcome", "ALREADY_CHECKED_IN", { timeout: 20_000 });
  await expect(result).toContainText("您家已经签到过了");

  // the villager's events page shows the household checked in
  await villager.goto("/v/events");
  await expect(villager.getByTestId("event-card").filter({ hasText: "签到中" }).first().getByTestId("event-mine")).toContainText("您家已签到");

  // staff: roll call of household 003
  await committee.goto("/c/events");
  await committee.getByTestId("event-card").filter({ hasText: "签到中" }).first().getByTestId("event-roster").click();
  await committee.getByTestId("roster-search").fill("003");
  const row = committee.getByTestId("roster-household").filter({ hasText: "003" }).first();
  await expect(row).toBeVisible();
  await row.getByTestId("roster-check-in").click();
  await expect(row).toContainText("已签到", { timeout: 10_000 });
  await expect(row).toContainText("点名");
  await expect(committee.getByTestId("roster-count")).toContainText(`已签到 ${before + 2} 户`);
});
