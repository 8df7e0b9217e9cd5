/**
 * 人民调解 on a 360×740 phone, on the demo data: the grid worker (13800000004, 第一网格, so a mediator of
 * a case with household 001) opens a case between households 001 and 002 → schedules a session → records
 * it and the agreement → 王建国 (001) and 马秀兰 (002) each confirm on their 调解 page → the case is
 * 调解成功, the committee sees it in its list, and the town (13800000006) sees the village's count and
 * success rate with no names. (The demo committee account is no member of a 人民调解委员会, so it may
 * read but not mediate: the grid worker mediates here.)
 */
import { expect, test, type Page } from "@playwright/test";
import { shotPath } from "./shot-path";

async function signInAs(page: Page, phone: string, home: string) {
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => u.pathname === home || u.pathname.startsWith(`${home}/`), { timeout: 30_000 });
}

const narrow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test("a case between two households: opened, a session, an agreement both parties confirm, and the town's count", async ({ page }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString().slice(-6);
  const summary = `两户排水沟堵塞纠纷 ${run}`;
  const agreement = `001户清理排水沟，002户承担一半费用 ${run}`;

  await signInAs(page, "13800000004", "/g");
  await page.getByTestId("go-mediation").click();
  await page.waitForURL("**/g/mediation");
  await page.getByTestId("mediation-type").selectOption("NEIGHBOR");
  await page.getByTestId("mediation-summary").fill(summary);
  await page.getByTestId("mediation-party-001").check();
  await page.getByTestId("mediation-party-002").check();
  await page.getByTestId("mediation-open").click();
  const card = page.getByTestId("mediation-case").filter({ hasText: summary });
  await expect(card).toContainText("调解中");
  await expect(card).toContainText("赵秀英");
  await narrow(page);
  await page.screenshot({ path: shotPath("grid-mediation.png"), fullPage: true });

  await card.getByTestId("mediation-case-link").click();
  await page.waitForURL("**/g/mediation/**");
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByTestId("session-day").fill(tomorrow);
  await page.getByTestId("session-time").fill("09:30");
  await page.getByTestId("session-place").fill("村委会调解室");
  await page.getByTestId("session-schedule").click();
  await expect(page.getByTestId("mediation-session")).toContainText("村委会调解室");
  await page.getByTestId("session-notes").fill("双方到场，各自陈述，同意协商解决");
  await page.getByTestId("session-record").click();
  await expect(page.getByTestId("mediation-session")).toContainText("同意协商解决");
  await page.getByTestId("mediation-agree-text").fill(agreement);
  await page.getByTestId("mediation-agree").click();
  await expect(page.getByTestId("mediation-agreement")).toContainText(agreement);
  await expect(page.getByTestId("mediation-status")).toContainText("等待当事户确认");
  await narrow(page);
  await page.screenshot({ path: shotPath("grid-mediation-case.png"), fullPage: true });

  for (const phone of ["13800000001", "13800000011"]) {
    await signInAs(page, phone, "/v");
    await page.goto("/v/affairs");
    await page.getByTestId("go-mediation").click();
    await page.waitForURL("**/v/affairs/mediation");
    const mine = page.getByTestId("mediation-case").filter({ hasText: summary });
    await expect(mine.getByTestId("mediation-agreement")).toContainText(agreement);
    await expect(mine).not.toContainText(/1[3-9]\d{9}/);
    if (phone === "13800000001") {
      await narrow(page);
      await page.screenshot({ path: shotPath("villager-mediation.png"), fullPage: true });
    }
    await mine.getByTestId("mediation-confirm").click();
    await expect(mine.getByTestId("mediation-confirmed")).toBeVisible();
  }
  await expect(page.getByTestId("mediation-case").filter({ hasText: summary }).getByTestId("mediation-status")).toContainText("调解成功");

  await signInAs(page, "13800000002", "/c");
  await page.getByTestId("go-mediation").click();
  await page.waitForURL("**/c/mediation");
  await expect(page.getByTestId("mediation-case").filter({ hasText: summary })).toContainText("调解成功");
  await narrow(page);
  await page.screenshot({ path: shotPath("committee-mediation.png"), fullPage: true });

  await signInAs(page, "13800000006", "/a");
  await page.getByTestId("go-mediation").click();
  await page.waitForURL("**/a/mediation");
  const village = page.getByTestId("mediation-stats-village").filter({ hasText: "桃源村" });
  await expect(village.getByTestId("stat-resolved")).not.toHaveText("0");
  await expect(village.getByTestId("stat-rate")).toHaveText("100%");
  await expect(page.locator("body")).not.toContainText(summary);
  await expect(page.locator("body")).not.toContainText("王建国");
  await narrow(page);
  await page.screenshot({ path: shotPath("town-mediation.png"), fullPage: true });
});
