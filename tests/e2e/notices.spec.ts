/**
 * Village notices on a 360×740 phone: the committee writes a 议事公告 in Markdown, previews and
 * publishes it → villager 13800000001 (household 001) sees it first on the 村务 board, marked unread,
 * opens it (server-rendered text) → it is read, and the committee sees 已读 1 / M 户. The title is
 * unique per run, so the spec can run beside others on the same data.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COMMITTEE = "13800000002";
const VILLAGER = "13800000001";

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

test("the committee publishes a 议事公告 and a villager finds it unread first and reads it", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `关于硬化村东道路的议事公告 ${Date.now().toString().slice(-6)}`;

  // 1. The committee drafts it, sees what villagers will see (no script), and publishes.
  await signInAs(page, COMMITTEE, "/c");
  await page.getByTestId("go-notices").click();
  await page.waitForURL("**/c/notices");
  await page.getByTestId("notice-new").click();
  await page.waitForURL("**/c/notices/new");
  await page.getByTestId("notice-kind").selectOption("DELIBERATION");
  await page.getByTestId("notice-title").fill(title);
  await page.getByTestId("notice-body").fill(
    "## 议题\n\n村东道路硬化，约 **800 米**，经费来自一事一议。\n\n- 时间：3 月 5 日上午 9 点\n- 地点：村委会议室\n\n<script>alert(1)</script>\n\n[县交通局文件](https://www.example.gov.cn/road)",
  );
  await page.getByTestId("notice-save").click();
  await page.waitForURL(/\/c\/notices\/[^/]+$/);
  const preview = page.getByTestId("notice-preview");
  await expect(preview.locator("strong")).toHaveText("800 米");
  await expect(preview).toContainText("<script>alert(1)</script>"); // shown as text, never run
  await expect(preview.locator("script")).toHaveCount(0);
  await page.getByTestId("notice-publish").click();
  await page.getByTestId("notice-publish-confirm").click();
  await expect(page.getByTestId("read-count")).toContainText("已读 0 /");
  await page.screenshot({ path: shotPath("committee-notice.png"), fullPage: true });
  const noticeUrl = page.url();
  await signOut(page, "/c/me");

  // 2. The villager sees it on 村务 with an unread badge, first on the board.
  await signInAs(page, VILLAGER, "/v");
  await page.getByRole("navigation").getByRole("link", { name: "村务", exact: true }).click();
  await page.waitForURL("**/v/affairs");
  await expect(page.getByTestId("go-notices-badge")).toBeVisible();
  await page.getByTestId("go-notices").click();
  await page.waitForURL("**/v/affairs/notices");
  const first = page.getByTestId("notice-item").first();
  await expect(first).toContainText(title);
  await expect(first).toHaveAttribute("data-unread", "1");
  await expect(first).toContainText("议事公告");
  await page.screenshot({ path: shotPath("villager-notices.png"), fullPage: true });

  // 3. Opens it: the text is there, large; back on the board it is read.
  await first.click();
  await page.waitForURL(/\/v\/affairs\/notices\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("notice-text")).toContainText("村委会议室");
  await expect(page.getByTestId("notice-text").getByRole("link", { name: "县交通局文件" })).toHaveAttribute("href", "https://www.example.gov.cn/road");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shotPath("villager-notice.png"), fullPage: true });
  await page.getByTestId("notice-back").click();
  await page.waitForURL("**/v/affairs/notices");
  await expect(page.getByTestId("notice-item").filter({ hasText: title })).toHaveAttribute("data-unread", "0");
  await signOut(page, "/v/me");

  // 4. The committee sees the household counted.
  await signInAs(page, COMMITTEE, "/c");
  await page.goto(noticeUrl);
  await expect(page.getByTestId("read-count")).toContainText("已读 1 /");
});
