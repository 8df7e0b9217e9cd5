/**
 * 村民说事 on a 360×740 phone: the grid worker 赵秀英 (13800000004) raises a matter for household 004
 * of her grid; 王建国 (001) and 马秀兰 (002) support it; the committee (13800000002) schedules a
 * meeting, puts the matter on it, records the decision and what was done; 王建国 rates the result.
 * The household sees 由网格员 赵秀英 代办. Titles are unique per run.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COMMITTEE = "13800000002";
const GRID_WORKER = "13800000004";
const WANG = "13800000001";
const MA = "13800000011";

async function signInAs(page: Page, phone: string, home: string) {
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => u.pathname === home || u.pathname.startsWith(`${home}/`), { timeout: 30_000 });
}

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("a grid worker raises a matter for a household, two villagers support it, the committee takes it to a meeting and records the outcome, a villager rates it", async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString().slice(-6);
  const title = `村口排水沟堵了 ${run}`;

  // the grid worker raises it for household 004 of her grid
  await signInAs(page, GRID_WORKER, "/g");
  await page.getByTestId("go-matters").click();
  await page.waitForURL("**/g/matters");
  await page.getByTestId("go-raise").click();
  await page.waitForURL("**/g/matters/new");
  const option = page.getByTestId("raise-household").locator("option", { hasText: /^004 / });
  await page.getByTestId("raise-household").selectOption({ value: (await option.getAttribute("value"))! });
  await page.getByTestId("raise-category").selectOption("WATER");
  await page.getByTestId("raise-title").fill(title);
  await page.getByTestId("raise-body").fill("村口排水沟被垃圾堵住，下雨天水漫到路上，老人出门不方便。");
  await fitsPhone(page);
  await page.screenshot({ path: shotPath("grid-matter-raise.png"), fullPage: true });
  await page.getByTestId("raise-submit").click();
  await page.waitForURL(/\/g\/matters\/[^/]+$/);
  await expect(page.getByTestId("matter-title")).toHaveText(title);
  await expect(page.getByTestId("matter-proxy")).toHaveText("由网格员 赵秀英 代办");
  await page.goto("/g/matters");
  await expect(page.getByTestId("matter-item").filter({ hasText: title })).toContainText("待答复");
  await fitsPhone(page);
  await page.screenshot({ path: shotPath("grid-matters.png"), fullPage: true });

  // two villagers support it
  for (const [phone, n] of [[WANG, 1], [MA, 2]] as const) {
    await signInAs(page, phone, "/v");
    await page.goto("/v/affairs");
    await page.getByTestId("go-matters").click();
    await page.waitForURL("**/v/affairs/matters");
    const item = page.getByTestId("matter-item").filter({ hasText: title });
    if (n === 1) {
      await fitsPhone(page);
      await page.screenshot({ path: shotPath("villager-matters.png"), fullPage: true });
    }
    await item.getByRole("link").click();
    await page.waitForURL(/\/v\/affairs\/matters\/[^/]+$/);
    await page.getByTestId("matter-support").click();
    await expect(page.getByTestId("matter-my-support")).toContainText("本户已于");
    await expect(page.getByTestId("matter-support-count")).toHaveText(`${n} 户支持`);
    if (n === 2) {
      await fitsPhone(page);
      await page.screenshot({ path: shotPath("villager-matter.png"), fullPage: true });
    }
  }

  // the committee schedules a meeting and puts the matter on it
  await signInAs(page, COMMITTEE, "/c");
  const council = `村民议事会 ${run}`;
  await page.goto("/c/bodies");
  await page.getByTestId("body-kind").selectOption("DELIBERATION");
  await page.getByTestId("body-name").fill(council);
  await page.getByTestId("body-create").click();
  await expect(page.getByTestId("body").filter({ hasText: council })).toBeVisible();
  await page.goto("/c/meetings");
  const meetingTitle = `议事会 ${run}`;
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByTestId("meeting-body").selectOption({ label: council });
  await page.getByTestId("meeting-title").fill(meetingTitle);
  await page.getByTestId("meeting-day").fill(tomorrow);
  await page.getByTestId("meeting-time").fill("19:30");
  await page.getByTestId("meeting-place").fill("村委会议室");
  await page.getByTestId("meeting-agenda").fill("村民说事");
  await page.getByTestId("meeting-schedule").click();
  await expect(page.getByTestId("meeting").filter({ hasText: meetingTitle })).toBeVisible();

  await page.goto("/c");
  await expect(page.getByTestId("count-matters-overdue")).toBeVisible();
  await page.getByTestId("go-matters").click();
  await page.waitForURL("**/c/matters");
  await fitsPhone(page);
  await page.screenshot({ path: shotPath("committee-matters.png"), fullPage: true });
  await page.getByTestId("matter-item").filter({ hasText: title }).getByRole("link").click();
  await page.waitForURL(/\/c\/matters\/[^/]+$/);
  await expect(page.getByTestId("matter-raiser")).toContainText("004");
  await page.getByTestId("mode-agenda").click();
  const meetingOption = page.getByTestId("agenda-meeting").locator("option", { hasText: meetingTitle });
  await page.getByTestId("agenda-meeting").selectOption({ value: (await meetingOption.getAttribute("value"))! });
  await fitsPhone(page);
  await page.screenshot({ path: shotPath("committee-matter.png"), fullPage: true });
  await page.getByTestId("respond-submit").click();
  await expect(page.getByTestId("matter-meeting")).toContainText(meetingTitle);
  await page.getByTestId("complete-decision").fill("由村里组织清淤，并加装排水沟盖板。");
  await page.getByTestId("complete-outcome").fill("12月6日已清淤完毕，盖板已装好。");
  await page.getByTestId("complete-submit").click();
  await expect(page.getByTestId("matter-outcome")).toContainText("12月6日已清淤完毕");

  // 王建国 (a supporter) rates it
  await signInAs(page, WANG, "/v");
  await page.goto("/v/affairs/matters");
  const done = page.getByTestId("matter-item").filter({ hasText: title });
  await expect(done).toContainText("已办结");
  await done.getByRole("link").click();
  await page.waitForURL(/\/v\/affairs\/matters\/[^/]+$/);
  await expect(page.getByTestId("matter-decision")).toContainText("由村里组织清淤");
  await page.getByTestId("rate-SATISFIED").click();
  await expect(page.getByTestId("matter-my-rating")).toHaveText("本户的评价：满意");
  await expect(page.getByTestId("matter-ratings")).toContainText("满意 1");
  await expect(page.locator("body")).not.toContainText(/1[3-9]\d{9}/);
  await fitsPhone(page);
  await page.screenshot({ path: shotPath("villager-matter-rated.png"), fullPage: true });
});
