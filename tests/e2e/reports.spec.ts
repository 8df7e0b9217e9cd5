/**
 * 随手拍 on a 360×740 phone against the production build: villager 13800000001 (household 001) takes
 * a photo (a file set on the picker's input), uses the phone's position and sends it → grid worker
 * 13800000004 accepts it under a 随手拍 rule of the book in force → the supervisor approves the
 * proposal → the committee publishes → the test moves the clock past the 公示 window → the points are
 * on the villager's statement and the award's trail (/v/points/[awardId]) shows the report's photo.
 */
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const VILLAGER = "13800000001";
const GRID = "13800000004";
const SUPERVISOR = "13800000003";
const COMMITTEE = "13800000002";

async function signInAs(page: Page, phone: string, home: string) {
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => u.pathname === home || u.pathname.startsWith(`${home}/`), { timeout: 30_000 });
}
async function signOut(page: Page, mePath: string) {
  await page.goto(mePath);
  await page.getByTestId("sign-out").click();
  await page.waitForURL("**/signin**");
}

test.afterAll(async ({ request }) => {
  await request.delete("/api/test/clock");
});

test("a 随手拍 photo becomes points on the villager's statement with the photo in the award's trail", async ({ page, context }) => {
  test.setTimeout(180_000);
  const text = `村口路灯坏了，晚上很黑（E2E ${Date.now().toString().slice(-6)}）`;
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg().toBuffer();
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ latitude: 30.25, longitude: 120.16, accuracy: 15 });

  // 1. The villager files the report from 村务 → 随手拍.
  await signInAs(page, VILLAGER, "/v");
  await page.goto("/v/affairs");
  await page.getByTestId("go-report").click();
  await page.waitForURL("**/v/report");
  await page.getByTestId("report-photo").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByRole("img", { name: /1/ })).toBeVisible();
  await page.getByTestId("report-text").fill(text);
  await page.getByTestId("report-category").selectOption("SAFETY");
  await page.getByTestId("report-gps").click();
  await expect(page.getByTestId("report-gps-ok")).toContainText("15");
  await page.screenshot({ path: shotPath("villager-report.png") });
  await page.getByTestId("report-send").click();
  await expect(page.getByTestId("report-sent")).toBeVisible();
  const mine = page.getByTestId("report-card").filter({ hasText: text });
  await expect(mine.getByTestId("report-status")).toHaveText("待核实");
  await signOut(page, "/v/me");

  // 2. The grid worker of the household's grid accepts it under a 随手拍 rule.
  await signInAs(page, GRID, "/g");
  await page.getByTestId("go-reports").click();
  await page.waitForURL("**/g/reports");
  const item = page.getByTestId("report-card").filter({ hasText: text });
  await expect(item.getByTestId("report-photo-img")).toBeVisible();
  await page.screenshot({ path: shotPath("grid-reports.png") });
  await item.getByTestId("report-accept").click();
  await expect(page.getByTestId("report-card").filter({ hasText: text })).toHaveCount(0);
  await signOut(page, "/g/me");

  // 3. The supervisor approves the proposal (the grid worker proposed it, so cannot).
  await signInAs(page, SUPERVISOR, "/s");
  const queued = page.getByTestId("queue-item").filter({ hasText: text });
  await expect(queued).toHaveCount(1);
  await queued.getByTestId("approve").click();
  await expect(queued).toHaveCount(0);
  await signOut(page, "/s/me");

  // 4. The committee publishes; the clock moves past the 公示 window and the job finalizes.
  await signInAs(page, COMMITTEE, "/c");
  await page.goto("/c/publicity");
  await page.getByTestId("publish").click();
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByTestId("publish-done")).toContainText("已发布");
  await signOut(page, "/c/me");
  const moved = await page.request.post("/api/test/clock", { data: { advanceDays: 8 } });
  expect(moved.ok()).toBe(true);

  // 5. The villager's statement has the points; the trail shows the report's photo.
  await signInAs(page, VILLAGER, "/v");
  const line = page.getByTestId("statement-line").filter({ hasText: text });
  await expect(line).toBeVisible();
  await line.getByTestId("statement-link").click();
  await page.waitForURL("**/v/points/**");
  await expect(page.getByTestId("trail-report")).toContainText(text);
  const img = page.getByTestId("trail-report-photo").first();
  await expect(img).toBeVisible();
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(800);
  await page.screenshot({ path: shotPath("villager-report-trail.png"), fullPage: true });
});
