/**
 * The golden path of an award with due process, on a 360×740 phone against the production build:
 * the committee proposes points for household 001 → the supervisor approves it from the queue →
 * the committee publishes the notice (公示) → household 001 sees it pending → a neighbour
 * (13800000011, household 002) objects on the notice board → the supervisor dismisses the objection
 * with an answer → the test moves the server's clock past the notice window (POST /api/test/clock,
 * only served with E2E_TEST_HOOKS=1) → villager 13800000001 finds the entry in the statement and
 * opens its full trail: rule book version, proposer, approver, the objection and its answer, the
 * ledger entry. Screenshots of the villager's screens go to docs/screenshots.
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

const COMMITTEE = "13800000002";
const SUPERVISOR = "13800000003";
const VILLAGER = "13800000001"; // 王建国, household 001
const NEIGHBOUR = "13800000011"; // 马秀兰, household 002
const RULE = "D03"; // 文明祭祀 +10: no cap, no photo needed, so the test can run on any demo day

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

// The first test moves the server's clock a week ahead; put it back so later specs see today.
test.afterAll(async ({ request }) => {
  await request.delete("/api/test/clock");
});

test("an award goes from proposal through review, notice and an objection to the household's statement", async ({ page }) => {
  test.setTimeout(180_000);
  const reason = `清明节采用鲜花文明祭扫（E2E ${Date.now().toString().slice(-6)}）`;
  const objection = "那天我看到他家还是烧了纸钱，请核实。";
  const answer = "经网格员核实，当天采用鲜花祭扫，维持该条。";

  // 1. The committee proposes +10 for household 001 on a phone.
  await signInAs(page, COMMITTEE, "/c");
  const awaiting = Number(await page.getByTestId("count-proposed").innerText());
  await page.getByTestId("go-propose").click();
  await page.waitForURL("**/c/awards/new");
  await page.getByTestId("household-search").fill("001");
  await page.locator('[data-testid="household-option"][data-number="001"]').click();
  await expect(page.getByTestId("picked-household")).toContainText("001");
  const ruleValue = await page.locator(`[data-testid="rule-select"] option[data-code="${RULE}"]`).getAttribute("value");
  await page.getByTestId("rule-select").selectOption(ruleValue!);
  await expect(page.getByTestId("picked-rule")).toContainText("文明祭祀");
  await page.getByTestId("propose-reason").fill(reason);
  await expect(page.getByTestId("propose-submit")).toHaveText("提交申报（+10 分）");
  await page.getByTestId("propose-submit").click();
  await expect(page.getByTestId("propose-done")).toContainText("等待监督委员会审核");
  await page.goto("/c");
  await expect(page.getByTestId("count-proposed")).toHaveText(String(awaiting + 1));
  await signOut(page, "/c/me");

  // 2. The supervisor approves it from the queue, in one tap.
  await signInAs(page, SUPERVISOR, "/s");
  const queued = page.getByTestId("queue-item").filter({ hasText: reason });
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText("001 王建国");
  await expect(queued).toContainText("+10");
  const approved = page.waitForResponse((r) => r.url().includes("award.approve") && r.request().method() === "POST");
  await queued.getByTestId("approve").click();
  await expect(queued).toHaveCount(0);
  expect((await approved).ok()).toBe(true);
  await page.reload();
  await expect(page.getByTestId("queue-item").filter({ hasText: reason })).toHaveCount(0);
  await signOut(page, "/s/me");

  // 3. The committee publishes everything approved in one notice batch.
  await signInAs(page, COMMITTEE, "/c");
  await page.getByTestId("go-publicity").first().click();
  await page.waitForURL("**/c/publicity");
  await expect(page.getByTestId("publish-count")).toContainText("公示 7 天");
  await page.getByTestId("publish").click();
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByTestId("publish-done")).toContainText("已发布");
  await signOut(page, "/c/me");

  // 4. Household 001 sees it on its way (公示中), not yet in the balance.
  await signInAs(page, VILLAGER, "/v");
  await expect(page.getByTestId("pending-item").filter({ hasText: reason })).toContainText("公示中");
  await expect(page.getByTestId("statement-line").filter({ hasText: reason })).toHaveCount(0);
  await signOut(page, "/v/me");

  // 5. A neighbour objects on the notice board (once per household).
  await signInAs(page, NEIGHBOUR, "/v");
  await page.getByRole("navigation").getByRole("link", { name: "村务", exact: true }).click();
  await page.waitForURL("**/v/affairs");
  await page.getByTestId("go-publicity").click();
  await page.waitForURL("**/v/affairs/publicity");
  const entry = page.getByTestId("notice-entry").filter({ hasText: reason });
  await expect(entry).toContainText("001 王建国");
  await expect(entry).toContainText("公示截止");
  await entry.getByTestId("object-open").click();
  await expect(entry.getByTestId("objection-submit")).toBeDisabled();
  await entry.getByTestId("objection-reason").fill(objection);
  await entry.getByTestId("objection-submit").click();
  await expect(entry.getByTestId("objection-sent")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("notice-entry").filter({ hasText: reason }).getByTestId("objected")).toHaveText("已提异议");
  await expect(page.getByTestId("my-objection").filter({ hasText: objection })).toContainText("待处理");
  await signOut(page, "/v/me");

  // 6. The supervisor dismisses the objection with an answer.
  await signInAs(page, SUPERVISOR, "/s");
  await expect(page.getByTestId("go-objections")).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "异议", exact: true }).click();
  await page.waitForURL("**/s/objections");
  const open = page.getByTestId("objection-item").filter({ hasText: objection });
  await expect(open).toContainText("马秀兰（002 户）");
  await expect(open.getByTestId("objection-dismiss")).toBeDisabled();
  await open.getByTestId("objection-answer").fill(answer);
  await open.getByTestId("objection-dismiss").click();
  // the entry moves to the ruled list with the answer (the transient "ruled" notice may already be gone)
  await expect(page.getByRole("listitem").filter({ hasText: objection }).filter({ hasText: answer })).toContainText("异议不成立");
  await signOut(page, "/s/me");

  // 7. The notice window closes: the test moves the server's clock 8 days on and the job runs.
  const moved = await page.request.post("/api/test/clock", { data: { advanceDays: 8 } });
  expect(moved.ok()).toBe(true);
  const report = (await moved.json()) as { finalized: number; failed: number };
  expect(report.failed).toBe(0);
  expect(report.finalized).toBeGreaterThan(0);

  // 8. Household 001: the entry is in the statement; its trail tells the whole story.
  await signInAs(page, VILLAGER, "/v");
  await expect(page.getByTestId("pending-item").filter({ hasText: reason })).toHaveCount(0);
  const line = page.getByTestId("statement-line").filter({ hasText: reason });
  await expect(line).toContainText("文明祭祀");
  await expect(line).toContainText("移风易俗");
  await expect(line).toContainText("+10");
  await page.screenshot({ path: shotPath("villager-points.png") });
  await line.getByTestId("statement-link").click();
  await page.waitForURL("**/v/points/**");
  await expect(page.getByTestId("trail-rule-title")).toHaveText("文明祭祀");
  await expect(page.getByTestId("trail-rulebook")).toContainText("第 1 版");
  await expect(page.getByTestId("trail-proposed")).toContainText("李春梅");
  await expect(page.getByTestId("trail-reviewed")).toContainText("张德明");
  await expect(page.getByTestId("trail-objection")).toContainText(objection);
  // who objected is not shown to the household
  await expect(page.getByTestId("trail-objection")).toContainText("村民异议");
  await expect(page.getByTestId("trail-objection")).not.toContainText("马秀兰");
  await expect(page.getByTestId("trail-objection-answer")).toContainText(answer);
  await expect(page.getByTestId("trail-objection")).toContainText("异议不成立");
  await expect(page.getByTestId("trail-final")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("trail-ledger")).toContainText("校验码");
  // the review, the notice with the objection and its answer, and the ledger entry on one screen
  await page.getByTestId("trail-reviewed").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
  await page.screenshot({ path: shotPath("villager-trail.png") });
});

test("a batch for two households, one rejected from the queue with a note, and a final entry reversed", async ({ page }) => {
  test.setTimeout(120_000);
  const reason = `参加清明文明祭扫宣传（E2E ${Date.now().toString().slice(-6)}）`;

  // The committee ticks households 004 and 005 in the register and proposes one rule for both.
  await signInAs(page, COMMITTEE, "/c");
  await page.getByTestId("go-batch").click();
  await page.waitForURL("**/c/awards/batch");
  const ruleValue = await page.locator(`[data-testid="rule-select"] option[data-code="${RULE}"]`).getAttribute("value");
  await page.getByTestId("rule-select").selectOption(ruleValue!);
  for (const n of ["004", "005"]) {
    await page.getByTestId("batch-search").fill(n);
    const row = page.locator("label").filter({ hasText: new RegExp(`^${n}\\s`) });
    await expect(row).toHaveCount(1);
    await row.getByTestId("batch-household").check();
  }
  await expect(page.getByTestId("batch-picked")).toHaveText("已选 2 户");
  await page.getByTestId("batch-reason").fill(reason);
  await page.getByTestId("batch-submit").click();
  await expect(page.getByRole("alertdialog")).toContainText("为 2 户申报「D03 文明祭祀」，每户 +10 分？");
  await page.getByTestId("batch-submit-confirm").click();
  await expect(page.getByTestId("batch-done")).toContainText("已为 2 户提交申报");
  await signOut(page, "/c/me");

  // The supervisor rejects 004's entry with a note, straight from the queue.
  await signInAs(page, SUPERVISOR, "/s");
  const item = page.getByTestId("queue-item").filter({ hasText: reason }).filter({ hasText: "004 " });
  await item.getByTestId("reject").click();
  await expect(item.getByTestId("reject-note-submit")).toBeDisabled();
  await item.getByTestId("reject-note-text").fill("当天没有参加宣传活动");
  // The entry leaves the queue at once (optimistic); wait for the server's answer before moving on.
  const rejected = page.waitForResponse((r) => r.url().includes("award.reject") && r.request().method() === "POST");
  await item.getByTestId("reject-note-submit").click();
  await expect(page.getByTestId("queue-item").filter({ hasText: reason })).toHaveCount(1);
  expect((await rejected).ok()).toBe(true);
  await page.goto("/s/awards?status=REJECTED");
  await page.getByTestId("award-item").filter({ hasText: reason }).click();
  await expect(page.getByTestId("trail-reviewed")).toContainText("当天没有参加宣传活动");
  await expect(page.getByTestId("award-status")).toHaveText("未通过");

  // …and reverses a final entry of the demo history, with a reason, after confirming.
  await page.goto("/s/awards?status=FINAL");
  await page.getByTestId("award-item").first().click();
  await page.waitForURL(/\/s\/awards\/[^/?]+$/);
  await page.getByTestId("reverse").click();
  await page.getByTestId("reverse-reason-text").fill("重复登记，予以撤销");
  await page.getByTestId("reverse-reason-submit").click();
  await page.getByTestId("reverse-confirm").click();
  await expect(page.getByTestId("award-status")).toHaveText("已撤销");
  await expect(page.getByTestId("trail-reversal")).toContainText("重复登记，予以撤销");
});

test("the committee changes a village setting in the open, and a rule book is adopted only by a supervisor's countersign", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString().slice(-6);

  // 1. /c/settings: the largest rule item goes from 100 to 80, with a reason; the history shows it.
  await signInAs(page, COMMITTEE, "/c");
  await page.getByTestId("go-settings").click();
  await page.waitForURL("**/c/settings");
  await expect(page.getByTestId("setting-notice-days")).toHaveValue("7");
  const before = await page.getByTestId("setting-max-rule-points").inputValue();
  await page.getByTestId("setting-max-rule-points").fill("80");
  await page.getByTestId("setting-reason").fill(`村民代表会议决定（E2E ${tag}）`);
  await page.getByTestId("settings-save").click();
  await expect(page.getByTestId("settings-saved")).toContainText("1 项设置有变化");
  await expect(page.getByTestId("settings-history").getByTestId("setting-change").first()).toContainText(`细则单项分值上限：${before} → 80`);
  await page.screenshot({ path: shotPath("committee-settings.png"), fullPage: true });

  // 2. The committee puts a copy of the rules in force forward: it is waiting, not in force.
  await page.goto("/c/rules");
  await page.getByTestId("draft-title").fill(`《桃源村积分管理细则》（E2E ${tag}）`);
  await page.getByTestId("draft-create").click();
  await page.waitForURL(/\/c\/rules\/[^/]+$/);
  const bookUrl = new URL(page.url()).pathname;
  await page.getByTestId("adopt-by").fill(`村民代表会议表决通过（E2E ${tag}）`);
  await page.getByTestId("adopt").click();
  await page.getByTestId("adopt-confirm").click();
  await expect(page.getByTestId("book-readonly")).toContainText("已提请监督委员会会签");
  await expect(page.getByTestId("book-status")).toHaveText("待会签");
  await signOut(page, "/c/me");

  // 3. A villager sees the setting change on the 公示 board.
  await signInAs(page, VILLAGER, "/v");
  await page.goto("/v/affairs/publicity");
  await expect(page.getByTestId("board-setting-changes")).toContainText(`细则单项分值上限：${before} → 80`);
  await expect(page.getByTestId("board-setting-changes")).toContainText(`E2E ${tag}`);
  await signOut(page, "/v/me");

  // 4. The supervisor finds it on their home, refuses it once with a reason…
  await signInAs(page, SUPERVISOR, "/s");
  await page.getByTestId("go-countersign").first().click();
  await page.waitForURL(/\/s\/rules\/[^/]+$/);
  await expect(page.getByTestId("countersign-card")).toBeVisible();
  await page.getByTestId("refuse-reason").fill("会议记录缺少到会人数，请补充");
  await page.getByTestId("refuse").click();
  await expect(page.getByTestId("countersign-done")).toHaveText("已退回村委会。");
  await signOut(page, "/s/me");

  // …the committee sees why, and puts it forward again with the attendance…
  await signInAs(page, COMMITTEE, "/c");
  await page.goto(bookUrl);
  await expect(page.getByTestId("book-refused")).toContainText("会议记录缺少到会人数，请补充");
  await page.getByTestId("adopt-by").fill(`村民代表会议表决通过（到会32人，同意30人，E2E ${tag}）`);
  await page.getByTestId("adopt").click();
  await page.getByTestId("adopt-confirm").click();
  await expect(page.getByTestId("book-status")).toHaveText("待会签");
  // (the setting goes back, so the other flows see the demo's value)
  await page.goto("/c/settings");
  await page.getByTestId("setting-max-rule-points").fill(before);
  await page.getByTestId("setting-reason").fill(`恢复原设置（E2E ${tag}）`);
  await page.getByTestId("settings-save").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await signOut(page, "/c/me");

  // …and the supervisor countersigns: the new version is in force.
  await signInAs(page, SUPERVISOR, "/s");
  await page.goto(bookUrl.replace(/^\/c\//, "/s/"));
  await expect(page.getByTestId("countersign-card")).toBeVisible();
  await expect(page.getByTestId("book-status")).toHaveText("待会签");
  await page.getByTestId("book-readonly").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
  await page.screenshot({ path: shotPath("supervisor-countersign.png") });
  await page.getByTestId("countersign").click();
  await page.getByTestId("countersign-confirm").click();
  await expect(page.getByTestId("countersign-done")).toContainText("已生效");
  await page.reload();
  await expect(page.getByTestId("book-status")).toHaveText("现行");
  await expect(page.getByTestId("book-countersigned-by")).toBeVisible();
});

test("a supervisor's 我的 shows the village's supervisors and the town's changes, and declares a relative's household", async ({ page }) => {
  test.setTimeout(90_000);
  // 030 is used by no other spec: declaring it changes nobody else's queue (declaring twice only rewrites the wording)
  const RELATIVE = "030";
  await signInAs(page, SUPERVISOR, "/s");
  await page.goto("/s/me");
  await expect(page.getByTestId("supervisor-name").filter({ hasText: "张德明" })).toContainText("（您）");
  await expect(page.getByTestId("supervisor-history")).toBeVisible();
  const form = page.getByTestId("declare-relation");
  await form.getByTestId("household-search").fill(RELATIVE);
  await form.locator(`[data-testid="household-option"][data-number="${RELATIVE}"]`).click();
  await form.getByTestId("relation-text").fill("表兄弟");
  await form.getByTestId("relation-submit").click();
  await expect(form.getByTestId("relation-declared")).toContainText(RELATIVE);
  const row = page.locator(`[data-testid="relation-row"][data-number="${RELATIVE}"]`);
  await expect(row).toContainText("表兄弟");
  await expect(row).toContainText("本人申报");
  // the phone layout holds: nothing wider than the 360 px screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath("supervisor-me-relations.png") });
});
