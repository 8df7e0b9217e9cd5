/**
 * Event check-in on 360×740 phones: the committee's kiosk shows a rotating QR; the villager's page
 * scans it through the camera (Chromium's fake camera plays a Y4M video made here from the kiosk's
 * own token, as STACK.md describes) and says checked in; a second scan says already checked in; a
 * household is checked in from the roll call by staff. A geofenced event of its own: the committee is
 * told positions come from the phones, and a check-in whose phone reported a poor accuracy is marked
 * in the roll call. Runs on a fresh demo database (桃源村 has an event on now with household 001 not
 * yet checked in).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fakeCameraArgs, y4m } from "./fake-camera";
import { shotPath } from "./shot-path";

const VIDEO = path.resolve("test-results/e2e-checkin-qr.y4m");
mkdirSync(path.dirname(VIDEO), { recursive: true });
// Chromium reads the file when the camera starts, so the test writes it before the villager opens it.
writeFileSync(VIDEO, y4m("MBX0.placeholder"));

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: fakeCameraArgs(VIDEO),
  },
});

async function signIn(browser: Browser, phone: string, where?: { latitude: number; longitude: number; accuracy: number }): Promise<Page> {
  const context = await browser.newContext(where ? { geolocation: where } : {});
  const base = test.info().project.use.baseURL!;
  await context.grantPermissions(where ? ["camera", "geolocation"] : ["camera"], { origin: base });
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

test("a geofenced event: the committee is told positions can be faked; a poor-accuracy check-in is marked in the roll call", async ({ browser }) => {
  const title = `围栏测试${Date.now() % 1_000_000}`;
  const committee = await signIn(browser, "13800000002");
  await committee.goto("/c/events/new");
  await committee.getByTestId("event-title").fill(title);
  await committee.getByTestId("rule-select").selectOption({ index: 1 });
  await committee.getByTestId("event-start").fill("00:00");
  await committee.getByTestId("event-end").fill("23:59");
  await expect(committee.getByTestId("event-geo-trust")).toHaveCount(0);
  await committee.getByTestId("event-geo").check();
  await expect(committee.getByTestId("event-geo-trust")).toContainText("可能不准或被伪造");
  await committee.getByTestId("event-lat").fill("30");
  await committee.getByTestId("event-lng").fill("120");
  await committee.getByTestId("event-radius").fill("500");
  await committee.getByTestId("event-submit").click();
  await committee.waitForURL("**/c/events");
  const card = committee.getByTestId("event-card").filter({ hasText: title });
  await expect(card.getByTestId("event-geo-trust")).toContainText("可能被伪造");
  await card.getByTestId("event-kiosk").click();
  const qr = committee.getByTestId("kiosk-qr");
  await expect(qr).toBeVisible();
  writeFileSync(VIDEO, y4m((await qr.getAttribute("data-token"))!));

  // 马秀兰 (household 002) stands at the place, but her phone reports an accuracy of 800 m
  const villager = await signIn(browser, "13800000011", { latitude: 30.0005, longitude: 120, accuracy: 800 });
  await villager.goto("/v/events/scan");
  await villager.getByTestId("camera-open").click();
  await villager.getByTestId("checkin-share-location").click({ timeout: 20_000 });
  await expect(villager.getByTestId("checkin-result")).toHaveAttribute("data-outcome", "CHECKED_IN", { timeout: 20_000 });

  await committee.goto("/c/events");
  await committee.getByTestId("event-card").filter({ hasText: title }).getByTestId("event-roster").click();
  await expect(committee.getByTestId("roster-geo-trust")).toContainText("1 户的签到位置存疑");
  await committee.getByTestId("roster-search").fill("002");
  const row = committee.locator('[data-testid="roster-household"][data-number="002"]');
  await expect(row).toHaveAttribute("data-position-flagged", "1");
  await expect(row.getByTestId("roster-position-flag")).toHaveText("⚠ 位置存疑：精度约 800 米");
  // a phone-width page: nothing wider than the screen
  expect(await committee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await row.scrollIntoViewIfNeeded();
  await committee.screenshot({ path: shotPath("committee-roster-position-flag.png") });
});
