/**
 * Printed household cards on a 360×740 phone: the committee picks two households (001 王建国 and
 * 002 马秀兰), sees their two cards with QR images that decode (zbarimg, installed by
 * scripts/ensure-chromium.sh) to their MBH1:<id>, downloads the PDF; printed (Chromium's own PDF of
 * the print layout) all active households take one A4 page per 8 cards, without the app's header.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { getDocumentProxy } from "unpdf";
import { shotPath } from "./shot-path";

async function signInAsCommittee(page: Page) {
  await page.goto("/signin");
  await page.getByTestId("demo-13800000002").click();
  await page.waitForURL((u) => u.pathname === "/c" || u.pathname.startsWith("/c/"), { timeout: 30_000 });
}

/** Searches the picker by 户号 and ticks the one household listed. */
async function pick(page: Page, number: string) {
  await page.getByTestId("cards-search").fill(number);
  await page.getByTestId("cards-search").press("Enter");
  const items = page.getByTestId("cards-item");
  await expect.poll(async () => (await items.allInnerTexts()).join("|")).toMatch(new RegExp(`^[^|]*户号 ${number}[^|]*$`));
  await items.first().getByRole("checkbox").check();
}

test("committee picks two households and gets their cards, on screen, as PDF and on A4", async ({ page }) => {
  await signInAsCommittee(page);
  await page.goto("/c/households");
  await page.getByTestId("household-cards").click();
  await page.waitForURL("**/c/households/cards");
  await expect(page.getByRole("heading", { name: "打印户卡" })).toBeVisible();

  await pick(page, "001");
  await pick(page, "002");
  await expect(page.getByTestId("cards-selected")).toHaveText("已选 2 户");
  await page.getByTestId("cards-make").click();
  await page.waitForURL("**/c/households/cards/print?ids=*");

  const cards = page.getByTestId("household-card");
  await expect(cards).toHaveCount(2);
  await expect(page.getByTestId("cards-summary")).toHaveText("2 张户卡，共 1 页 A4（每页 8 张）");
  await expect(cards.nth(0)).toContainText("桃源村");
  await expect(cards.nth(0).getByTestId("card-number")).toHaveText("001");
  await expect(cards.nth(0).getByTestId("card-head")).toHaveText("王建国");
  await expect(cards.nth(1).getByTestId("card-number")).toHaveText("002");
  await expect(cards.nth(0)).toContainText("兑换付款还需输入本户密码");
  // both QR images show, and what Chromium draws decodes (zbarimg) to MBH1:<id> of the picked households
  const ids = new URL(page.url()).searchParams.get("ids")!.split(",");
  const decoded: string[] = [];
  for (const [i, qr] of (await page.getByTestId("card-qr").all()).entries()) {
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const file = path.resolve(`test-results/card-qr-${i}.png`);
    mkdirSync(path.dirname(file), { recursive: true });
    await qr.screenshot({ path: file });
    decoded.push(execFileSync("zbarimg", ["--raw", "-q", file], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim());
  }
  expect(decoded.sort()).toEqual(ids.map((id) => `MBH1:${id}`).sort());
  // nothing wider than the phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shotPath("committee-cards.png"), fullPage: true });

  // the PDF link answers with a PDF of one A4 page
  const href = await page.getByTestId("cards-pdf").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(await res.body()));
  expect(pdf.numPages).toBe(1);

  // printing: no header or buttons, 8 cards to an A4 page
  await page.goto("/c/households/cards/print?all=1");
  const summary = await page.getByTestId("cards-summary").innerText();
  const count = Number(/^(\d+)/.exec(summary)![1]);
  expect(count).toBeGreaterThanOrEqual(60);
  await page.emulateMedia({ media: "print" });
  // the whole sheet, not a loading state, is what gets printed
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("household-card")).toHaveCount(count);
  await expect(page.getByTestId("whoami")).toBeHidden();
  await expect(page.getByTestId("cards-print")).toBeHidden();
  // Chromium's PDF of the print layout, kept for a person to look at (pdftoppm turns it into pictures)
  const printedPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync("test-results/cards-print.pdf", printedPdf);
  const printed = await getDocumentProxy(new Uint8Array(printedPdf));
  expect(printed.numPages).toBe(Math.ceil(count / 8));
  const [, , w, h] = (await printed.getPage(1)).view;
  expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
});
