/**
 * Village bodies on a 360×740 phone: the committee (13800000002) creates a 村民议事会 and adds 王建国
 * (household 001) as 主任 with a term, creates the 村务监督委员会 and sees it compared with the town's
 * supervisors (张德明 is appointed but not in the body) → villager 13800000001 finds the 议事会 with its
 * chair under 村务 → 村级组织, names and roles only. Body names are unique per run.
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

async function createBody(page: Page, kind: string, name: string) {
  await page.getByTestId("body-kind").selectOption(kind);
  await page.getByTestId("body-name").fill(name);
  await page.getByTestId("body-create").click();
  await expect(page.getByTestId("body").filter({ hasText: name })).toBeVisible();
}

test("the committee records a council and its chair, and a villager sees who serves", async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString().slice(-6);
  const council = `村民议事会 ${run}`;
  const supervisory = `村务监督委员会 ${run}`;

  await signInAs(page, COMMITTEE, "/c");
  await page.getByTestId("go-bodies").click();
  await page.waitForURL("**/c/bodies");
  await createBody(page, "DELIBERATION", council);

  const card = page.getByTestId("body").filter({ hasText: council });
  await card.getByTestId("body-add-open").click();
  await card.getByTestId("body-person-search").fill("王建国");
  const option = card.getByTestId("body-person").locator("option", { hasText: "王建国" }).first();
  await expect(option).toBeAttached();
  await card.getByTestId("body-person").selectOption({ value: (await option.getAttribute("value"))! });
  await card.getByTestId("body-role").selectOption("CHAIR");
  await card.getByTestId("body-term-start").fill("2026-01-01");
  await card.getByTestId("body-term-end").fill("2028-12-31");
  await card.getByTestId("body-add").click();
  await expect(card.getByTestId("body-term").filter({ hasText: "王建国" })).toContainText("主任");
  await expect(card.getByTestId("body-term").filter({ hasText: "王建国" })).toContainText("2026-01-01 至 2028-12-31");

  // the supervisory body stands beside the town's supervisors: 张德明 is appointed but not in it
  await createBody(page, "SUPERVISORY", supervisory);
  const sup = page.getByTestId("body").filter({ hasText: supervisory });
  await expect(sup.getByTestId("body-supervisors-mismatch")).toContainText("张德明");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shotPath("committee-bodies.png"), fullPage: true });
  await signOut(page, "/c/me");

  await signInAs(page, VILLAGER, "/v");
  await page.getByRole("navigation").getByRole("link", { name: "村务", exact: true }).click();
  await page.waitForURL("**/v/affairs");
  await page.getByTestId("go-bodies").click();
  await page.waitForURL("**/v/affairs/bodies");
  const mine = page.getByTestId("body").filter({ hasText: council });
  await expect(mine.getByTestId("body-member").filter({ hasText: "王建国" })).toContainText("主任");
  await expect(page.locator("body")).not.toContainText(/1[3-9]\d{9}/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shotPath("villager-bodies.png"), fullPage: true });
});
