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

/** A tRPC call over HTTP with the page's session (setting up data the next steps use). */
async function trpc<T>(page: Page, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const res =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

test("the household sets its own card PIN on 我的", async ({ page }) => {
  await page.goto("/signin");
  await page.getByTestId("demo-13800000001").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
  await page.goto("/v/me");
  await expect(page.getByTestId("pin-status")).toBeVisible();
  await expect(page.getByTestId("notifications")).toBeVisible();
  // the demo PIN again, so the store spec's card payment running alongside is unaffected
  await page.getByLabel("新密码（6 位数字）").fill("260518");
  await page.getByRole("button", { name: "设置密码", exact: true }).click();
  await expect(page.getByText("密码已设置。")).toBeVisible();
  await expect(page.getByTestId("pin-status")).toHaveText("本户已设置积分卡密码。重新设置会替换旧密码。");
  await page.screenshot({ path: shotPath("me-card-pin.png"), fullPage: true });
});

test("linking an existing account waits until its holder accepts on 我的", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsCommittee(page);
  const tag = Date.now().toString(36).toUpperCase();
  const phone = `139${String(Date.now()).slice(-8)}`;
  const password = "e2e-pass-2026";
  // an existing account: made for one household's head, then unlinked again (it stays a villager)
  const first = await trpc<{ id: string }>(page, "household.create", { number: `E${tag}A`, headName: "临时户" });
  const firstHead = (await trpc<{ members: { id: string }[] }>(page, "household.get", { id: first.id }, "query")).members[0]!;
  await trpc(page, "household.linkMember", { memberId: firstHead.id, phone, password });
  await trpc(page, "household.linkMember", { memberId: firstHead.id, phone: null });
  const second = await trpc<{ id: string }>(page, "household.create", { number: `E${tag}B`, headName: "孙老汉" });
  await trpc(page, "household.addMember", { householdId: second.id, name: "孙小梅", relation: "CHILD" });

  // the committee links the member to that phone: a request, no name shown
  await page.goto(`/c/households/${second.id}`);
  const member = page.getByTestId("member-item").filter({ hasText: "孙小梅" });
  await member.getByTestId("member-link").click();
  await member.getByLabel("手机号").fill(phone);
  await member.getByRole("button", { name: "关联", exact: true }).click();
  await expect(member).toContainText("已发出关联邀请，等待本人在「我的」里接受");
  await page.screenshot({ path: shotPath("household-link-pending.png"), fullPage: true });

  // the holder signs in and accepts
  const holder = await (await browser.newContext()).newPage();
  await holder.goto("/signin");
  await holder.locator('input[name="phone"]').fill(phone);
  await holder.locator('input[name="password"]').fill(password);
  await holder.getByRole("button", { name: "登录", exact: true }).click();
  await holder.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
  await holder.goto("/v/me");
  const request = holder.getByTestId("link-request");
  await expect(request).toContainText(`E${tag}B`);
  await expect(request).toContainText("孙小梅");
  await expect(holder.getByTestId("notifications-unread")).toBeVisible();
  await expect(holder.getByTestId("notification-item").first()).toContainText(`村委会请求把您的账号关联到 E${tag}B 户的成员「孙小梅」`);
  await holder.screenshot({ path: shotPath("me-link-request.png"), fullPage: true });
  await request.getByTestId("link-accept").click();
  await expect(holder.getByText("已接受，您的账号已关联到该户。")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("member-item").filter({ hasText: "孙小梅" })).toContainText("已关联手机账号");
});
