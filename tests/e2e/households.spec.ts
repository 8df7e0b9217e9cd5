/**
 * The committee's household register on a 360×740 phone: find a household, register a new one,
 * open it and add a member, then import the sample register file and see it counted.
 * Runs on a fresh demo database (桃源村, households 001–060), so the sample's 101–110 are free.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const SAMPLE = path.resolve("tests/fixtures/households-sample.csv");

async function signInAsCommittee(page: Page) {
  await page.goto("/signin");
  await page.getByTestId("demo-13800000002").click();
  await page.waitForURL((u) => u.pathname === "/c" || u.pathname.startsWith("/c/"), { timeout: 30_000 });
}

async function openRegister(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "农户", exact: true }).click();
  await page.waitForURL("**/c/households");
  await expect(page.getByRole("heading", { name: "农户", exact: true })).toBeVisible();
}

/** Types into the search box and waits until every listed household matches. */
async function search(page: Page, text: string) {
  await page.getByTestId("household-search").fill(text);
  await page.getByTestId("household-search").press("Enter");
  const items = page.getByTestId("household-item");
  await expect
    .poll(async () => {
      const texts = await items.allInnerTexts();
      return texts.length > 0 && texts.every((x) => x.includes(text));
    })
    .toBe(true);
  return items;
}

test("committee finds, registers and edits households, and imports a register file", async ({ page }) => {
  await signInAsCommittee(page);
  await openRegister(page);
  await expect(page.getByTestId("household-item").first()).toBeVisible();

  // find a demo household by its head's name
  const found = await search(page, "王建国");
  await expect(found.first()).toContainText("户号 001");

  // register a new household
  const number = `E${Date.now().toString().slice(-7)}`;
  await page.getByTestId("household-search").fill("");
  await page.getByTestId("household-add").click();
  await page.waitForURL("**/c/households/new");
  await page.getByTestId("household-number").fill(number);
  await page.getByTestId("household-head").fill("孔繁星");
  await page.getByTestId("household-address").fill("学堂路8号");
  await page.getByTestId("household-grid").selectOption({ label: "第一网格" });
  await page.getByTestId("household-save").click();
  await page.waitForURL(/\/c\/households\/(?!new)[^/]+$/);
  await expect(page.getByTestId("household-title")).toHaveText("孔繁星");

  // back to the register, find it by 户号 and open it
  await page.getByTestId("household-back").click();
  await page.waitForURL("**/c/households");
  const mine = await search(page, number);
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText("孔繁星");
  await expect(mine.first()).toContainText("第一网格");
  await mine.first().click();
  await expect(page.getByTestId("household-title")).toHaveText("孔繁星");
  await expect(page.getByText(`户号 ${number}`)).toBeVisible();

  // add a member
  await page.getByTestId("member-name").fill("孔小花");
  await page.getByTestId("member-relation").selectOption({ label: "子女" });
  await page.getByTestId("member-add").click();
  const members = page.getByTestId("member-item");
  await expect(members).toHaveCount(2);
  await expect(members.nth(0)).toContainText("孔繁星");
  await expect(members.nth(0)).toContainText("户主");
  await expect(members.nth(1)).toContainText("孔小花");
  await expect(members.nth(1)).toContainText("子女");
  await expect(page.getByText("家庭成员（2 人）")).toBeVisible();

  // import the sample register: check first, then import
  await page.getByTestId("household-back").click();
  await page.waitForURL("**/c/households");
  await page.getByTestId("household-import").click();
  await page.waitForURL("**/c/households/import");
  await page.getByTestId("import-file").setInputFiles(SAMPLE);
  await expect(page.getByTestId("import-chosen")).toContainText("households-sample.csv");
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-check-ok")).toContainText("共 10 户、30 人");
  await page.getByTestId("import-run").click();
  await expect(page.getByTestId("import-done")).toContainText("已导入 10 户、30 人");
  await page.screenshot({ path: shotPath("committee-household-import.png") });

  // the imported households are in the register
  await page.getByRole("link", { name: "查看农户名册" }).click();
  await page.waitForURL("**/c/households");
  const imported = await search(page, "张桂芳");
  await expect(imported.first()).toContainText("户号 102");
  await expect(imported.first()).toContainText("4 人");
});
