/**
 * Votes on a 360×740 phone: the committee drafts a motion and opens it → villager 13800000001
 * (household 001) sees it on 村务 with the time left and a big ballot, votes 同意, and a second
 * try shows the household's vote instead of a ballot → the committee sees the turnout and, with
 * households still to vote, requests an early close with a reason → a supervisor confirms it on
 * /s/motions and the result is shown, saying it closed early. The title is unique per run, so the spec can run beside others.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COMMITTEE = "13800000002";
const VILLAGER = "13800000001";
const SUPERVISOR = "13800000003";

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

test("the committee opens a motion and a villager votes once on the phone", async ({ page }) => {
  test.setTimeout(150_000);
  const title = `硬化村东道路 ${Date.now().toString().slice(-6)}`;

  // 1. The committee drafts the motion and opens it.
  await signInAs(page, COMMITTEE, "/c");
  await page.getByTestId("go-motions").click();
  await page.waitForURL("**/c/motions");
  await page.getByTestId("motion-new").click();
  await page.waitForURL("**/c/motions/new");
  await page.getByTestId("motion-title").fill(title);
  await page.getByTestId("motion-question").fill("是否同意用村集体资金硬化村东道路约 800 米？");
  const inThreeDays = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await page.getByTestId("motion-day").fill(inThreeDays);
  await page.getByTestId("motion-save").click();
  await page.waitForURL("**/c/motions");
  const mine = page.getByTestId("staff-motion").filter({ hasText: title });
  await mine.getByTestId("motion-open").click();
  await mine.getByTestId("motion-open-confirm").click();
  await expect(mine.getByTestId("motion-turnout")).toContainText("已投票 0 /");
  await page.screenshot({ path: shotPath("committee-motions.png"), fullPage: true });
  await signOut(page, "/c/me");

  // 2. The villager finds it on 村务 and votes.
  await signInAs(page, VILLAGER, "/v");
  await page.getByRole("navigation").getByRole("link", { name: "村务", exact: true }).click();
  await page.waitForURL("**/v/affairs");
  await expect(page.getByTestId("go-votes-badge")).toBeVisible();
  await page.getByTestId("go-votes").click();
  await page.waitForURL("**/v/affairs/votes");
  const item = page.getByTestId("vote-item").filter({ hasText: title });
  await expect(item.getByTestId("vote-time-left")).toContainText("还剩 2 天");
  await page.screenshot({ path: shotPath("villager-ballot.png"), fullPage: true });
  await item.getByTestId("ballot-option").filter({ hasText: /^同意$/ }).click();
  await item.getByTestId("ballot-confirm").click();
  await expect(item.getByTestId("vote-done")).toContainText("您家已投票：同意");
  await expect(item.getByTestId("ballot")).toHaveCount(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // 3. Trying again (a reload) shows the first vote, not a ballot.
  await page.reload();
  await expect(page.getByTestId("vote-item").filter({ hasText: title }).getByTestId("vote-done")).toContainText("同意");
  await page.screenshot({ path: shotPath("villager-voted.png"), fullPage: true });
  await signOut(page, "/v/me");

  // 4. The committee sees one household voted; with households still to vote it cannot close alone,
  //    so it requests an early close with a reason.
  await signInAs(page, COMMITTEE, "/c");
  await page.goto("/c/motions");
  const row = page.getByTestId("staff-motion").filter({ hasText: title });
  await expect(row.getByTestId("motion-turnout")).toContainText("已投票 1 /");
  await expect(row.getByTestId("motion-close")).toHaveCount(0);
  await row.getByTestId("motion-request-early").click();
  await row.getByTestId("motion-request-reason").fill("村民会议已当场举手表决，网上投票提前结束");
  await row.getByTestId("motion-request-send").click();
  await expect(row.getByTestId("motion-pending")).toContainText("等监督委员会确认");
  await signOut(page, "/c/me");

  // 5. A supervisor confirms it on /s/motions at 360 px; the vote closes and the result is shown.
  await signInAs(page, SUPERVISOR, "/s");
  await page.getByTestId("go-motions").click();
  await page.waitForURL("**/s/motions");
  const req = page.getByTestId("motion-request").filter({ hasText: title });
  await expect(req).toContainText("村民会议已当场举手表决");
  await expect(req.getByTestId("request-turnout")).toContainText("已投票 1 /");
  await page.screenshot({ path: shotPath("supervisor-motion-request.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await req.getByTestId("request-confirm").click();
  await req.getByTestId("request-confirm-confirm").click();
  const done = page.getByTestId("supervise-motion").filter({ hasText: title });
  await expect(done.getByTestId("supervise-result")).toContainText("结果：");
  await expect(done).toContainText("提前结束");
  await expect(page.getByTestId("motion-request").filter({ hasText: title })).toHaveCount(0);
  await page.screenshot({ path: shotPath("supervisor-motion-closed.png"), fullPage: true });
});
