/**
 * A rule book adopted by the villagers' vote, the whole path on 360×740 phones:
 * the county admin opens a new village (unique name per run) with its committee account → the committee
 * registers three households, each head with a phone account (set up over tRPC as the register page
 * does), posts a 议事公告, writes a draft rule book with one item and puts it forward, and opens a
 * village-wide vote on it → the three households vote on their own phones (同意, 同意, 不同意); the
 * second household tries again from a page it left open and is told it already voted and that this
 * try was not counted → the server's clock passes the closing time (test hook POST /api/test/clock,
 * which runs the jobs: the motion closes) → the 结果公告 is first on a villager's notices and the book
 * is in force, its page citing the vote: "经村民会议表决通过 …，同意 2 / 参会 3 户".
 * A new village keeps the electorate at three, so the two-thirds turnout is reachable and nothing of
 * the demo village (its rule book, its households) changes: the spec can run beside the others.
 */
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COUNTY_ADMIN = "13800000007"; // 孙立平, 清河县 (demo)
const PASSWORD = "vote-journey-1";
const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh 11-digit mobile number per account of this run (demo numbers are 138000000xx). */
const base = String(Date.now()).slice(-7);
const phoneOf = (i: number) => `137${base}${i}`;

/** A phone of its own for each person: a 360×740 context with the project's settings. */
async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    ...devices["Pixel 5"],
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    locale: "zh-CN",
    baseURL: test.info().project.use.baseURL,
  });
  return ctx.newPage();
}

async function signInWithPassword(page: Page, phoneNo: string, home: string) {
  await page.goto("/signin");
  await page.locator('input[name="phone"]').fill(phoneNo);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((u) => u.pathname === home || u.pathname.startsWith(`${home}/`), { timeout: 30_000 });
}

/** A tRPC call with the page's session, as households.spec.ts sets up register data. */
async function trpc<T>(page: Page, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const res =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The village's calendar day (Asia/Shanghai) `days` from now, as the date input wants it. */
const villageDay = (days: number) => new Date(Date.now() + 8 * 60 * 60 * 1000 + days * DAY_MS).toISOString().slice(0, 10);

test.afterAll(async ({ request }) => {
  // the clock was moved past the closing time: back to real time for the next spec
  await request.delete("/api/test/clock");
});

test("a rule book put to the vote: three households vote on their phones, the vote closes and the book is in force citing it", async ({ browser }) => {
  test.setTimeout(240_000);
  const tag = Date.now().toString(36).slice(-5);
  const villageName = `表决村${tag}`;
  const bookTitle = `《${villageName}村规民约》（2027年版）`;
  const motionTitle = `表决村规民约 ${tag}`;
  const noticeTitle = `关于表决村规民约的议事公告 ${tag}`;

  // 0. The county admin opens the village with its first committee account.
  const admin = await phone(browser);
  await admin.goto("/signin");
  await admin.getByTestId(`demo-${COUNTY_ADMIN}`).click();
  await admin.waitForURL((u) => u.pathname === "/a", { timeout: 30_000 });
  await admin.getByTestId("village-town").selectOption({ label: "柳林镇" });
  await admin.getByTestId("village-name").fill(villageName);
  await admin.getByTestId("village-grids").fill("第一网格");
  await admin.getByTestId("committee-name").fill("郑新民");
  await admin.getByTestId("committee-phone").fill(phoneOf(0));
  await admin.getByTestId("committee-password").fill(PASSWORD);
  await admin.getByTestId("village-submit").click();
  await expect(admin.getByTestId("village-created")).toContainText(villageName);
  await admin.context().close();

  // 1. The committee registers three households, each head with a phone account.
  const committee = await phone(browser);
  await signInWithPassword(committee, phoneOf(0), "/c");
  const heads = [
    { number: "001", name: "王大山" },
    { number: "002", name: "李桂兰" },
    { number: "003", name: "赵永福" },
  ];
  for (const [i, h] of heads.entries()) {
    const { id } = await trpc<{ id: string }>(committee, "household.create", { number: h.number, headName: h.name });
    const head = (await trpc<{ members: { id: string }[] }>(committee, "household.get", { id }, "query")).members[0]!;
    await trpc(committee, "household.linkMember", { memberId: head.id, phone: phoneOf(i + 1), password: PASSWORD });
  }

  // 2. The committee posts the 议事公告 calling the vote.
  await committee.goto("/c/notices/new");
  await committee.getByTestId("notice-kind").selectOption("DELIBERATION");
  await committee.getByTestId("notice-title").fill(noticeTitle);
  await committee.getByTestId("notice-body").fill(`## 议题\n\n表决 **${bookTitle}**。\n\n- 方式：每户一票，在手机上投票\n- 截止：${villageDay(2)} 18:00`);
  await committee.getByTestId("notice-save").click();
  await committee.waitForURL(/\/c\/notices\/[^/]+$/);
  await committee.getByTestId("notice-publish").click();
  await committee.getByTestId("notice-publish-confirm").click();
  await expect(committee.getByTestId("read-count")).toContainText("已读 0 / 3 户");
  await committee.screenshot({ path: shotPath("journey-1-committee-notice.png"), fullPage: true });

  // 3. The committee writes a draft rule book with one item and puts it forward.
  await committee.goto("/c/rules");
  await committee.getByTestId("draft-title").fill(bookTitle);
  await committee.getByTestId("draft-create").click();
  await committee.waitForURL(/\/c\/rules\/[^/]+$/);
  const bookPath = new URL(committee.url()).pathname;
  await committee.getByTestId("rule-add").click();
  const sheet = committee.getByTestId("rule-sheet");
  await sheet.getByTestId("rule-category").selectOption({ label: "环境卫生" });
  await sheet.getByTestId("rule-code").fill("E01");
  await sheet.getByTestId("rule-title").fill("参加村庄环境整治义务劳动");
  await sheet.getByTestId("rule-points-input").fill("5");
  await sheet.getByTestId("rule-save").click();
  await expect(sheet).toHaveCount(0);
  await expect(committee.getByTestId("rule-item")).toHaveCount(1);
  await committee.getByTestId("adopt-by").fill("提请村民会议表决");
  await committee.getByTestId("adopt").click();
  await committee.getByTestId("adopt-confirm").click();
  await expect(committee.getByTestId("book-status")).toHaveText("待会签");
  await committee.screenshot({ path: shotPath("journey-2-committee-draft-book.png"), fullPage: true });

  // 4. …and opens a village-wide vote on it, closing the day after tomorrow at 18:00.
  await committee.goto("/c/motions/new");
  await committee.getByTestId("motion-title").fill(motionTitle);
  await committee.getByTestId("motion-question").fill(`是否同意通过${bookTitle}？`);
  await committee.getByTestId("motion-rulebook").selectOption({ label: `第1版 ${bookTitle}` });
  await committee.getByTestId("motion-day").fill(villageDay(2));
  await committee.getByTestId("motion-time").fill("18:00");
  await committee.getByTestId("motion-save").click();
  await committee.waitForURL("**/c/motions");
  const row = committee.getByTestId("staff-motion").filter({ hasText: motionTitle });
  await row.getByTestId("motion-open").click();
  await row.getByTestId("motion-open-confirm").click();
  await expect(row.getByTestId("motion-turnout")).toContainText("已投票 0 / 3 户");
  await committee.screenshot({ path: shotPath("journey-3-committee-motion-open.png"), fullPage: true });

  // 5. Each household votes on its own phone; the 议事公告 is waiting for them on 村务.
  const choices = ["同意", "同意", "不同意"];
  const villagers: Page[] = [];
  for (const [i, choice] of choices.entries()) {
    const v = await phone(browser);
    villagers.push(v);
    await signInWithPassword(v, phoneOf(i + 1), "/v");
    if (i === 0) {
      await v.goto("/v/affairs/notices");
      await expect(v.getByTestId("notice-item").first()).toContainText(noticeTitle);
      await v.screenshot({ path: shotPath("journey-4-villager-notice.png"), fullPage: true });
    }
    await v.goto("/v/affairs/votes");
    const item = v.getByTestId("vote-item").filter({ hasText: motionTitle });
    await expect(item).toContainText(bookTitle);
    await expect(item.getByTestId("vote-time-left")).toBeVisible();
    if (i === 0) await v.screenshot({ path: shotPath("journey-5-villager-ballot.png"), fullPage: true });
    // the second household leaves the page open in another tab before voting
    const stale = i === 1 ? await v.context().newPage() : null;
    if (stale) {
      await stale.goto("/v/affairs/votes");
      await expect(stale.getByTestId("vote-item").filter({ hasText: motionTitle }).getByTestId("ballot")).toBeVisible();
    }
    await item.getByTestId("ballot-option").filter({ hasText: new RegExp(`^${choice}$`) }).click();
    await item.getByTestId("ballot-confirm").click();
    await expect(item.getByTestId("vote-done")).toContainText(`您家已投票：${choice}`);
    await expect(item.getByTestId("ballot")).toHaveCount(0);
    if (stale) {
      // …and tries again there with the other choice: told it already voted, nothing counted
      const again = stale.getByTestId("vote-item").filter({ hasText: motionTitle });
      await again.getByTestId("ballot-option").filter({ hasText: /^不同意$/ }).click();
      await again.getByTestId("ballot-confirm").click();
      await expect(again.getByTestId("ballot-already")).toHaveText("您家已经投过票了：同意。每户只能投一次，这次没有计入。");
      await expect(again.getByTestId("ballot")).toHaveCount(0);
      await stale.screenshot({ path: shotPath("journey-6-villager-already-voted.png"), fullPage: true });
      await stale.reload();
      await expect(stale.getByTestId("vote-item").filter({ hasText: motionTitle }).getByTestId("vote-done")).toContainText("您家已投票：同意");
      await stale.close();
    }
  }
  await committee.reload();
  await expect(committee.getByTestId("staff-motion").filter({ hasText: motionTitle }).getByTestId("motion-turnout")).toContainText("已投票 3 / 3 户");

  // 6. The closing time passes: the test moves the server's clock three days on and the jobs run.
  const moved = await committee.request.post("/api/test/clock", { data: { advanceDays: 3 } });
  expect(moved.ok(), await moved.text()).toBe(true);
  expect(((await moved.json()) as { motions: { closed: number; failed: number } }).motions.failed).toBe(0);

  // 7. The 结果公告 is first on the villager's notices, with the counts and the book in force.
  const v1 = villagers[0]!;
  await v1.goto("/v/affairs/notices");
  const first = v1.getByTestId("notice-item").first();
  await expect(first).toContainText(`表决结果公告：${motionTitle}`);
  await expect(first).toHaveAttribute("data-unread", "1");
  await first.click();
  await v1.waitForURL(/\/v\/affairs\/notices\/[^/]+$/);
  const text = v1.getByTestId("notice-text");
  await expect(text).toContainText("应参加：3 户；实际投票：3 户");
  await expect(text).toContainText("同意：2 户");
  await expect(text).toContainText("不同意：1 户");
  await expect(text).toContainText(`${bookTitle}（第1版）经本次表决通过，即日起施行。`);
  expect(await v1.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await v1.screenshot({ path: shotPath("journey-7-villager-result-notice.png"), fullPage: true });

  // 8. The book is in force; the villager's 村规民约 page and the committee's book page cite the vote.
  const cites = /^经村民会议表决通过 \S.*，同意 2 \/ 参会 3 户$/;
  await v1.goto("/v/affairs/rules");
  await expect(v1.getByTestId("rules-title")).toHaveText(bookTitle);
  await expect(v1.getByTestId("rules-vote")).toHaveText(cites);
  await v1.screenshot({ path: shotPath("journey-8-villager-rules-in-force.png"), fullPage: true });
  await committee.goto(bookPath);
  await expect(committee.getByTestId("book-status")).toHaveText("现行");
  await expect(committee.getByTestId("book-vote")).toHaveText(cites);
  await committee.screenshot({ path: shotPath("journey-9-committee-book-in-force.png"), fullPage: true });

  for (const v of villagers) await v.context().close();
  await committee.context().close();
});
