/**
 * Meetings on a 360×740 phone: the committee (13800000002) creates a 村民议事会 with 王建国 as 主任,
 * schedules its meeting for tomorrow with a 会议通知, marks 王建国 present from his card, sees
 * 应到 1 / 实到 1 and 会议有效, publishes the minutes, and the meeting shows as held with a link to
 * the 会议纪要. Names are unique per run.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COMMITTEE = "13800000002";

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
