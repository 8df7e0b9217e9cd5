/**
 * Golden paths of signing in, on a 360×740 phone in Debian's Chromium against the production build:
 * Chinese by default with an English switch that sticks, a translated error for a wrong password,
 * one tap per demo role to its own home (with a screenshot for docs/screenshots), choosing between
 * memberships, and signing out. Also: the web app manifest and its icons.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const DEMO_PASSWORD = "demo1234";

const ROLES = [
  { phone: "13800000001", role: "villager", home: "/v", who: "村民" },
  { phone: "13800000002", role: "committee", home: "/c", who: "村委会" },
  { phone: "13800000003", role: "supervisor", home: "/s", who: "监督委员会" },
  { phone: "13800000004", role: "grid-worker", home: "/g", who: "网格员" },
  { phone: "13800000005", role: "shopkeeper", home: "/shop", who: "积分超市" },
  { phone: "13800000006", role: "town-admin", home: "/a", who: "乡镇管理员" },
  { phone: "13800000007", role: "county-admin", home: "/a", who: "县级管理员" },
] as const;

async function signInAs(page: Page, phone: string) {
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
}

/** What a small phone must get right on every page: no sideways scrolling, readable body text. */
async function expectPhoneFriendly(page: Page) {
  const { scrollWidth, fontSize } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    fontSize: parseFloat(getComputedStyle(document.body).fontSize),
  }));
  expect(scrollWidth, "no horizontal scroll at 360 px").toBeLessThanOrEqual(360);
  expect(fontSize, "body text at least 16 px").toBeGreaterThanOrEqual(16);
}

test.describe("sign-in page", () => {
  test("is in Chinese by default and lists the demo accounts", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "登录", exact: true })).toBeVisible();
    await expect(page.getByText("演示账号")).toBeVisible();
    for (const r of ROLES) await expect(page.getByTestId(`demo-${r.phone}`)).toBeVisible();
    await expect(page.getByTestId("demo-13800000008")).toContainText("积分超市");
    await expectPhoneFriendly(page);
    await page.screenshot({ path: shotPath("signin.png") });
  });

  test("the English switch persists across a reload, and switches back", async ({ page }) => {
    await page.goto("/signin");
    await page.getByTestId("lang-switch").click();
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByText("Demo accounts")).toBeVisible();
    await expectPhoneFriendly(page);
    await page.screenshot({ path: shotPath("signin-en.png") });
    await page.getByTestId("lang-switch").click();
    await expect(page.getByRole("heading", { name: "登录", exact: true })).toBeVisible();
  });

  test("a wrong password shows the translated error and stays on the page", async ({ page }) => {
    await page.goto("/signin");
    await page.locator('input[name="phone"]').fill("13800000011");
    await page.locator('input[name="password"]').fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByText("手机号或密码不正确，请检查后重试。")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);

    await page.getByTestId("lang-switch").click();
    await expect(page.getByRole("heading", { name: "Sign in", exact: true })).toBeVisible();
    await page.locator('input[name="phone"]').fill("13800000011");
    await page.locator('input[name="password"]').fill("still-wrong");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText(/Wrong phone number or password/)).toBeVisible();
  });

  test("the right password typed in signs in", async ({ page }) => {
    await page.goto("/signin");
    await page.locator('input[name="phone"]').fill("13800000011");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/v");
  });
});

test.describe("each role lands on its own home", () => {
  for (const r of ROLES) {
    test(`${r.role} (${r.phone}) → ${r.home}`, async ({ page }) => {
      await signInAs(page, r.phone);
      await expect(page).toHaveURL((u) => u.pathname === r.home);
      await expect(page.getByTestId("whoami")).toContainText(r.who);
      const nav = page.getByRole("navigation").last();
      await expect(nav).toBeVisible();
      expect((await nav.getByRole("link").count()) >= 3).toBe(true);
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
      await expectPhoneFriendly(page);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: shotPath(`${r.role}.png`) });
    });
  }

  test("a signed-in villager is sent home from another role's pages", async ({ page }) => {
    await signInAs(page, "13800000001");
    await page.goto("/c/me");
    await expect(page).toHaveURL((u) => u.pathname === "/v");
    await page.goto("/a/me");
    await expect(page).toHaveURL((u) => u.pathname === "/v");
  });

  test("signed out, a role's home sends to sign-in", async ({ page }) => {
    await page.goto("/v");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test("a person with two memberships chooses, switches from 我的, and signs out", async ({ page }) => {
  await signInAs(page, "13800000008");
  await expect(page).toHaveURL((u) => u.pathname === "/choose");
  await expectPhoneFriendly(page);
  await page.screenshot({ path: shotPath("choose.png") });

  await page.getByRole("button", { name: /积分超市/ }).click();
  await page.waitForURL((u) => u.pathname === "/shop");
  await expect(page.getByTestId("whoami")).toContainText("桃源村 · 积分超市");

  await page.getByRole("navigation").last().getByRole("link", { name: "我的", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/shop/me");
  await page.getByTestId("switch-role").click();
  await page.waitForURL((u) => u.pathname === "/choose");
  await page.getByRole("button", { name: /村民/ }).click();
  await page.waitForURL((u) => u.pathname === "/v");
  await expect(page.getByTestId("whoami")).toContainText("杨柳村 · 村民");

  // the choice survives a reload
  await page.reload();
  await expect(page).toHaveURL((u) => u.pathname === "/v");

  await page.getByRole("navigation").last().getByRole("link", { name: "我的", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/v/me");
  await page.getByTestId("sign-out").click();
  await page.waitForURL((u) => u.pathname === "/signin");
  await page.goto("/v");
  await expect(page).toHaveURL(/\/signin/);
});

test("the web app manifest is served with its icons", async ({ page, request }) => {
  await page.goto("/signin");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  const manifest = JSON.parse(await res.text());
  expect(manifest).toMatchObject({ name: "道德银行", start_url: "/", display: "standalone", theme_color: "#b91c1c", background_color: "#f6f3ee" });
  expect(typeof manifest.short_name).toBe("string");
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const r = await request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()["content-type"]).toContain("image/png");
  }
});
