/**
 * Meetings on a 360×740 phone: the committee (13800000002) creates a 村民议事会 with 王建国 as 主任,
 * schedules its meeting for tomorrow with a 会议通知, marks 王建国 present from his card, sees
 * 应到 1 / 实到 1 and 会议有效, publishes the minutes, and the meeting shows as held with a link to
 * the 会议纪要. Names are unique per run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fakeCameraArgs, y4m } from "./fake-camera";
import { shotPath } from "./shot-path";

const VIDEO = path.resolve("test-results/e2e-meeting-qr.y4m");
mkdirSync(path.dirname(VIDEO), { recursive: true });
// Chromium reads the file when the camera starts, so the test writes the kiosk's token before the member scans.
writeFileSync(VIDEO, y4m("MBX0.placeholder"));

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: fakeCameraArgs(VIDEO),
  },
});

const COMMITTEE = "13800000002";
const VILLAGER = "13800000001";

async function signInAs(page: Page, phone: string, home: string) {
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => u.pathname === home || u.pathname.startsWith(`${home}/`), { timeout: 30_000 });
}

test("the committee schedules a body's meeting, marks attendance and publishes the minutes", async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString().slice(-6);
  const council = `村民议事会 ${run}`;
  const title = `议定村道修缮 ${run}`;

  await signInAs(page, COMMITTEE, "/c");
  await page.goto("/c/bodies");
  await page.getByTestId("body-kind").selectOption("DELIBERATION");
  await page.getByTestId("body-name").fill(council);
  await page.getByTestId("body-create").click();
  const card = page.getByTestId("body").filter({ hasText: council });
  await card.getByTestId("body-add-open").click();
  await card.getByTestId("body-person-search").fill("王建国");
  const option = card.getByTestId("body-person").locator("option", { hasText: "王建国" }).first();
  await expect(option).toBeAttached();
  await card.getByTestId("body-person").selectOption({ value: (await option.getAttribute("value"))! });
  await card.getByTestId("body-role").selectOption("CHAIR");
  await card.getByTestId("body-term-start").fill("2026-01-01");
  await card.getByTestId("body-add").click();
  await expect(card.getByTestId("body-term").filter({ hasText: "王建国" })).toBeVisible();

  await page.goto("/c");
  await page.getByTestId("go-meetings").click();
  await page.waitForURL("**/c/meetings");
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByTestId("meeting-body").selectOption({ label: council });
  await page.getByTestId("meeting-title").fill(title);
  await page.getByTestId("meeting-day").fill(tomorrow);
  await page.getByTestId("meeting-time").fill("19:30");
  await page.getByTestId("meeting-place").fill("村委会议室");
  await page.getByTestId("meeting-agenda").fill("村道修缮方案\n红白事简办");
  await page.getByTestId("meeting-schedule").click();

  const meeting = page.getByTestId("meeting").filter({ hasText: title });
  await expect(meeting).toContainText("待召开");
  await expect(meeting.getByTestId("meeting-figures")).toContainText("应到 1 人，实到 0 人");
  await expect(meeting.getByTestId("meeting-figures")).toContainText("未达到法定人数");
  await meeting.getByRole("combobox", { name: "登记方式" }).selectOption("CARD");
  await meeting.getByTestId("meeting-attend").click();
  await expect(meeting.getByTestId("meeting-figures")).toContainText("应到 1 人，实到 1 人");
  await expect(meeting.getByTestId("meeting-figures")).toContainText("会议有效");
  await expect(meeting).toContainText("已到会（凭参会卡）");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shotPath("committee-meetings.png"), fullPage: true });

  await meeting.getByTestId("meeting-minutes-open").click();
  await meeting.getByTestId("meeting-minutes-text").fill("会议一致同意村道修缮方案。");
  await meeting.getByTestId("meeting-minutes-publish").click();
  await expect(meeting).toContainText("已召开，纪要已发布");
  await meeting.getByTestId("meeting-minutes-link").click();
  await page.waitForURL("**/c/notices/**");
  await expect(page.locator("body")).toContainText("应到 1 人，实到 1 人");
  await expect(page.locator("body")).toContainText("会议一致同意村道修缮方案。");
  await expect(page.locator("body")).not.toContainText(/1[3-9]\d{9}/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

async function signInContext(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(["camera"], { origin: test.info().project.use.baseURL! });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
  if (page.url().includes("/choose")) await page.locator("form button").first().click();
  return page;
}

test("the secretary's kiosk QR scanned by a member on their phone raises 实到; the member finds the meeting under 村务", async ({ browser }) => {
  test.setTimeout(150_000);
  const run = Date.now().toString().slice(-6);
  const council = `扫码议事会 ${run}`;
  const title = `扫码签到例会 ${run}`;
  const committee = await signInContext(browser, COMMITTEE);
  await committee.goto("/c/bodies");
  await committee.getByTestId("body-kind").selectOption("DELIBERATION");
  await committee.getByTestId("body-name").fill(council);
  await committee.getByTestId("body-create").click();
  const body = committee.getByTestId("body").filter({ hasText: council });
  await body.getByTestId("body-add-open").click();
  await body.getByTestId("body-person-search").fill("王建国");
  const option = body.getByTestId("body-person").locator("option", { hasText: "王建国" }).first();
  await expect(option).toBeAttached();
  await body.getByTestId("body-person").selectOption({ value: (await option.getAttribute("value"))! });
  await body.getByTestId("body-role").selectOption("MEMBER");
  await body.getByTestId("body-term-start").fill("2026-01-01");
  await body.getByTestId("body-add").click();
  await expect(body.getByTestId("body-term").filter({ hasText: "王建国" })).toBeVisible();

  await committee.goto("/c/meetings");
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await committee.getByTestId("meeting-body").selectOption({ label: council });
  await committee.getByTestId("meeting-title").fill(title);
  await committee.getByTestId("meeting-day").fill(tomorrow);
  await committee.getByTestId("meeting-time").fill("19:30");
  await committee.getByTestId("meeting-place").fill("村委会议室");
  await committee.getByTestId("meeting-agenda").fill("村道修缮方案\n红白事简办");
  await committee.getByTestId("meeting-schedule").click();
  const meeting = committee.getByTestId("meeting").filter({ hasText: title });
  // the agenda is rows: add one, move it to the top
  await meeting.getByTestId("agenda-text").fill("人居环境整治");
  await meeting.getByTestId("agenda-add").click();
  await expect(meeting.getByTestId("agenda-item")).toHaveCount(3);
  await meeting.getByTestId("agenda-up").nth(2).click();
  await expect(meeting.getByTestId("agenda-item").nth(1)).toContainText("人居环境整治");

  await meeting.getByTestId("meeting-kiosk-link").click();
  await committee.waitForURL("**/kiosk");
  const qr = committee.getByTestId("meeting-kiosk-qr");
  await expect(qr).toBeVisible();
  await expect(committee.getByTestId("meeting-kiosk-present")).toContainText("0");
  const token = (await qr.getAttribute("data-token"))!;
  expect(token).toMatch(/^MBM1\./);
  writeFileSync(VIDEO, y4m(token));
  expect(await committee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await committee.screenshot({ path: shotPath("meeting-kiosk.png"), fullPage: true });

  const villager = await signInContext(browser, VILLAGER);
  await villager.goto("/v/affairs");
  await villager.getByTestId("go-meetings").click();
  await villager.waitForURL("**/v/affairs/meetings");
  await expect(villager.getByTestId("meetings-upcoming").getByTestId("meeting").filter({ hasText: title })).toContainText("人居环境整治");
  await villager.getByTestId("go-meeting-scan").click();
  await villager.getByTestId("camera-open").click();
  const result = villager.getByTestId("meeting-checkin-result");
  await expect(result).toHaveAttribute("data-outcome", "PRESENT", { timeout: 20_000 });
  await expect(result).toContainText("会议到会已登记");
  await expect(result).toContainText(title);

  // the kiosk's 实到 rises within a few seconds and names him
  await expect(committee.getByTestId("meeting-kiosk-present")).toContainText("1", { timeout: 15_000 });
  await expect(committee.getByTestId("meeting-kiosk-recent")).toContainText("王建国");
  await expect(committee.getByTestId("meeting-kiosk-recent")).toContainText("扫码签到");

  await villager.goto("/v/affairs/meetings");
  expect(await villager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await villager.screenshot({ path: shotPath("villager-meetings.png"), fullPage: true });

  await committee.goto(`/c/meetings`);
  await committee.getByTestId("meeting").filter({ hasText: title }).getByTestId("meeting-card-link").click();
  await committee.waitForURL("**/card");
  await committee.getByTestId("meeting-card-text").fill("MBH1:nothing-here");
  await committee.getByTestId("meeting-card-lookup").click();
  await expect(committee.locator("body")).toContainText("这张户卡不是本村的");
  await committee.screenshot({ path: shotPath("meeting-card.png"), fullPage: true });
});

test("the town opens a village's meetings from the village page, read-only", async ({ page }) => {
  await signInAs(page, "13800000006", "/a");
  await page.getByTestId("village-row").filter({ hasText: "桃源村" }).getByTestId("village-supervisors-link").click();
  await page.getByTestId("go-meetings").click();
  await page.waitForURL("**/meetings");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("桃源村 · 会议");
  await expect(page.locator("body")).toContainText("只读");
  await expect(page.locator("body")).not.toContainText(/1[3-9]\d{9}/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shotPath("admin-village-meetings.png"), fullPage: true });
});
