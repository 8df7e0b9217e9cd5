/**
 * Paper ballots on a 360×740 phone: the committee opens a motion, goes to 录入纸质票 from its card,
 * enters one household's paper ballot (同意), sees it on the roll as a paper vote, and a second entry
 * for the same household is refused with how and when it voted. Unique title per run.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COMMITTEE = "13800000002";

async function signInAs(page: Page, phone: string, home: string) {
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => u.pathname === home || u.pathname.startsWith(`${home}/`), { timeout: 30_000 });
}

test("the committee enters a household's paper ballot once; a second entry is refused", async ({ page }) => {
  test.setTimeout(150_000);
  const title = `纸质票表决 ${Date.now().toString().slice(-6)}`;
  await signInAs(page, COMMITTEE, "/c");
  await page.goto("/c/motions/new");
  await page.getByTestId("motion-title").fill(title);
  await page.getByTestId("motion-question").fill("是否同意在村委会东侧修建文化广场？");
  await page.getByTestId("motion-day").fill(new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10));
  await page.getByTestId("motion-save").click();
  await page.waitForURL("**/c/motions");
  const mine = page.getByTestId("staff-motion").filter({ hasText: title });
  await mine.getByTestId("motion-open").click();
  await mine.getByTestId("motion-open-confirm").click();
  await expect(mine.getByTestId("motion-turnout")).toContainText("已投票 0 /");

  await mine.getByTestId("motion-paper").click();
  await page.waitForURL("**/paper");
  await expect(page.getByTestId("paper-motion")).toHaveText(title);
  const voter = page.getByTestId("paper-voter");
  const first = await voter.locator("option").nth(1).getAttribute("value");
  const firstLabel = (await voter.locator("option").nth(1).textContent())!.trim();
  await voter.selectOption(first!);
  await page.getByTestId("paper-option").first().check();
  await page.screenshot({ path: shotPath("committee-paper-entry.png"), fullPage: true });
  await page.getByTestId("paper-save").click();
  await expect(page.getByTestId("paper-saved")).toContainText(`已录入：${firstLabel} — 同意`);
  await expect(page.getByTestId("paper-turnout")).toContainText("已投 1 /");
  await expect(page.getByTestId("paper-roll").locator("li").filter({ hasText: firstLabel })).toContainText("纸质票");

  // the same household again: refused, naming the paper vote
  await voter.selectOption(first!);
  await page.getByTestId("paper-option").nth(1).check();
  await page.getByTestId("paper-save").click();
  await expect(page.getByText("投了纸质票（已录入），首次投票有效")).toBeVisible();
  await page.screenshot({ path: shotPath("committee-paper-refused.png"), fullPage: true });
});
