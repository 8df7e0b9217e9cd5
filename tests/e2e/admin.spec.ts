/**
 * Town/county staff and account keeping, on a 360×740 phone against the production build:
 * the county admin sees the towns and villages of 清河县 and creates a village with its first committee
 * account, which then signs in with phone + password and lands on the committee desk; and the
 * committee of 桃源村 opens an account for a new grid worker, who then lands on their grid.
 */
import { expect, test, type Page } from "@playwright/test";

/** A phone number no demo account uses (demo numbers are 138000000xx). */
const freshPhone = () => `139${String(Date.now()).slice(-8)}`;
const suffix = () => Date.now().toString(36).slice(-4);

async function signInWithDemo(page: Page, phone: string, home: string) {
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => u.pathname === home, { timeout: 30_000 });
}

async function signInWithPassword(page: Page, phone: string, password: string) {
  await page.goto("/signin");
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function signOut(page: Page, mePath: string) {
  await page.getByRole("navigation").last().getByRole("link", { name: "我的", exact: true }).click();
  await page.waitForURL((u) => u.pathname === mePath);
  await page.getByTestId("sign-out").click();
  await page.waitForURL((u) => u.pathname === "/signin");
}

test("county admin sees towns and villages, creates a village whose committee then signs in", async ({ page }) => {
  await signInWithDemo(page, "13800000007", "/a");
  await expect(page.getByTestId("whoami")).toContainText("清河县 · 县级管理员");

  // the county's towns and villages, with counts
  await expect(page.getByTestId("town-name")).toHaveText(["柳林镇", "石桥镇"]);
  const rows = page.getByTestId("village-row");
  await expect(rows.filter({ hasText: "桃源村" })).toContainText("户");
  await expect(rows.filter({ hasText: "杨柳村" })).toBeVisible();
  await expect(rows.filter({ hasText: "石桥社区" })).toBeVisible();

  // a duplicate name in the same town is refused with a clear message
  const form = page.getByTestId("create-village-form");
  await page.getByTestId("village-town").selectOption({ label: "柳林镇" });
  await page.getByTestId("village-name").fill("桃源村");
  await page.getByTestId("committee-name").fill("郑新民");
  await page.getByTestId("committee-phone").fill(freshPhone());
  await page.getByTestId("committee-password").fill("newvillage1");
  await page.getByTestId("village-submit").click();
  await expect(form.getByRole("alert")).toHaveText("同一乡镇下已有名为「桃源村」的村（社区）。");

  // create a new village under 石桥镇 with two grids and its first committee account
  const name = `新村${suffix()}`;
  const phone = freshPhone();
  await page.getByTestId("village-town").selectOption({ label: "石桥镇" });
  await page.getByTestId("village-name").fill(name);
  await page.getByTestId("village-notice-days").fill("5");
  await page.getByTestId("village-grids").fill("第一网格、第二网格");
  await page.getByTestId("committee-phone").fill(phone);
  await page.getByTestId("village-submit").click();
  await expect(page.getByTestId("village-created")).toContainText(name);
  await expect(rows.filter({ hasText: name })).toContainText("0 户");
  await expect(rows.filter({ hasText: name })).toContainText("公示 5 天");
  await page.screenshot({ path: "test-results/admin-village-created.png", fullPage: true });

  // the audit trail records who created it
  await page.getByRole("navigation").last().getByRole("link", { name: "审计", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/a/audit");
  const first = page.getByTestId("audit-entry").first();
  await expect(first).toContainText("新建村（社区）");
  await expect(first).toContainText("孙立平（县级管理员）");
  await expect(first).toContainText(name);

  await signOut(page, "/a/me");

  // the new committee account signs in with the phone + password form and lands on the committee desk
  await signInWithPassword(page, phone, "newvillage1");
  await page.waitForURL((u) => u.pathname === "/c", { timeout: 30_000 });
  await expect(page.getByTestId("whoami")).toContainText(`${name} · 村委会`);
  await expect(page.getByTestId("stat-households")).toHaveText("0");
  await expect(page.getByTestId("stat-grids")).toHaveText("2");
});

test("committee opens an account for a new grid worker, who lands on their grid", async ({ page }) => {
  await signInWithDemo(page, "13800000002", "/c");
  await page.getByRole("navigation").last().getByRole("link", { name: "账号", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/c/accounts");
  await expect(page.getByTestId("account-row").first()).toBeVisible();

  const name = `网格${suffix()}`;
  const phone = freshPhone();
  await page.getByTestId("account-new").click();
  await page.getByTestId("account-name").fill(name);
  await page.getByTestId("account-phone").fill(phone);
  await page.getByTestId("account-password").fill("gridwork1");
  await page.getByTestId("account-role").selectOption("GRID_WORKER");
  await page.getByTestId("account-grid").selectOption({ label: "第二网格" });
  await page.getByTestId("account-submit").click();
  await expect(page.getByTestId("account-created")).toContainText(name);

  // listed with a masked phone and the role with its grid
  await page.getByTestId("account-search").fill(name);
  const row = page.getByTestId("account-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("网格员 · 第二网格");
  await expect(row).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await expect(row).not.toContainText(phone);

  // the same phone again is refused with a translated message
  await page.getByTestId("account-name").fill(`${name}二`);
  await page.getByTestId("account-phone").fill(phone);
  await page.getByTestId("account-password").fill("gridwork1");
  await page.getByTestId("account-submit").click();
  await expect(page.getByTestId("account-form").getByRole("alert")).toContainText("已被其他账号使用");
  await page.screenshot({ path: "test-results/accounts-grid-worker.png", fullPage: true });

  await signOut(page, "/c/me");
  await signInWithPassword(page, phone, "gridwork1");
  await page.waitForURL((u) => u.pathname === "/g", { timeout: 30_000 });
  await expect(page.getByTestId("whoami")).toContainText("桃源村 · 网格员");
  await expect(page.getByTestId("grid-name")).toHaveText("第二网格");
});

test("the town opens a village's supervisors: the current one is listed, a committee member cannot be appointed", async ({ page }) => {
  await signInWithDemo(page, "13800000006", "/a");
  await page.getByTestId("village-row").filter({ hasText: "桃源村" }).getByTestId("village-supervisors-link").click();
  await page.waitForURL(/\/a\/villages\/[^/]+$/);
  await expect(page.getByTestId("current-supervisor").filter({ hasText: "张德明" })).toHaveCount(1);
  await expect(page.getByTestId("current-supervisor").filter({ hasText: "张德明" })).not.toContainText("138000");
  await page.getByTestId("supervisor-search").fill("李春梅");
  const committee = page.getByTestId("supervisor-candidate").filter({ hasText: "李春梅" });
  await expect(committee).toContainText("村委会或商户，不能任命");
  await expect(committee.getByTestId("appoint-supervisor")).toHaveCount(0);
  // the town sees the village's record of appointments and removals (not only the village's own staff)
  const history = page.getByTestId("supervisor-history");
  await expect(history).toContainText("监督委员会任免记录");
  await expect(history.getByRole("alert")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("the committee keeps only its own people's accounts: a household member can be reset, staff it did not open cannot", async ({ page }) => {
  await signInWithDemo(page, "13800000002", "/c");
  await page.goto("/c/accounts");
  // 王建国 is the head of household 001: the committee may reset the password and give roles
  await page.getByTestId("account-search").fill("王建国");
  const member = page.getByTestId("account-row").filter({ hasText: "王建国" });
  await member.getByTestId("account-manage").click();
  await expect(member.getByTestId("reset-password")).toBeVisible();
  await expect(member.getByTestId("account-not-kept")).toHaveCount(0);
  // 刘红 keeps the shop but is in none of the village's households: only her role here can be taken away
  await page.getByTestId("account-search").fill("刘红");
  const shopkeeper = page.getByTestId("account-row").filter({ hasText: "刘红" });
  await shopkeeper.getByTestId("account-manage").click();
  await expect(shopkeeper.getByTestId("account-not-kept")).toContainText("此账号不由本村管理");
  await expect(shopkeeper.getByTestId("reset-password")).toHaveCount(0);
  await expect(shopkeeper.getByTestId("grant-COMMITTEE")).toHaveCount(0);
  await expect(shopkeeper.getByTestId("revoke-SHOPKEEPER")).toBeVisible();
  await page.screenshot({ path: "test-results/accounts-not-kept.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
