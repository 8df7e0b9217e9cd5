/**
 * The points store on 360×740 phones, on the demo data of 桃源村:
 * - the villager (13800000001, household 001) opens 付款码; the shopkeeper (13800000005) scans it with
 *   the POS camera (Chromium's fake camera plays a video made here of the QR shown on the villager's
 *   page), adds two items and confirms; both see the same receipt number, the villager in their history;
 * - the printed household card: the camera reads the card, the household types the PIN (a wrong one
 *   first: attempts left), the sale goes through;
 * - the shopkeeper refunds part of a receipt with a reason and the villager's balance goes back up;
 *   the supervisor finds the household's receipts on 退货 and refunds a line too.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { fakeCameraArgs, y4m } from "./fake-camera";
import { shotPath } from "./shot-path";

const VIDEO = path.resolve("test-results/e2e-store-pay.y4m");
mkdirSync(path.dirname(VIDEO), { recursive: true });
// Chromium reads the file when a page starts the camera, so each test writes it before the scan
writeFileSync(VIDEO, y4m("MBX0.placeholder"));

test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: fakeCameraArgs(VIDEO) } });

const VILLAGER = "13800000001";
const KEEPER = "13800000005";
const SUPERVISOR = "13800000003";
const HOUSEHOLD = "001";

async function signIn(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext();
  await context.grantPermissions(["camera"], { origin: test.info().project.use.baseURL! });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByTestId(`demo-${phone}`).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 30_000 });
  if (page.url().includes("/choose")) await page.locator("form button").first().click();
  return page;
}

const points = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/[^\d-]/g, ""));

/** Finds each item with the till's search box and taps it `times` times; returns the total the till shows. */
async function addItems(pos: Page, picks: [name: string, times: number][]): Promise<number> {
  const search = pos.getByPlaceholder("搜索商品");
  for (const [name, times] of picks) {
    await search.fill(name);
    const item = pos.getByTestId("pos-item").filter({ hasText: name });
    await expect(item).toHaveCount(1);
    for (let i = 0; i < times; i++) await item.click();
  }
  await search.fill("");
  return Number(await pos.getByTestId("pos-total").innerText());
}

test("the villager's payment code scanned by the POS camera: two items, one receipt on both phones", async ({ browser }) => {
  test.setTimeout(120_000);
  const villager = await signIn(browser, VILLAGER);
  await villager.goto("/v/store");
  const before = await points(villager, "store-balance");
  await villager.getByTestId("go-pay").click();
  const qr = villager.getByTestId("pay-qr");
  await expect(qr).toBeVisible();
  await expect(villager.getByTestId("pay-household")).toHaveText(HOUSEHOLD);
  const token = (await qr.getAttribute("data-token"))!;
  expect(token).toMatch(/^MB1\./);
  await villager.screenshot({ path: shotPath("store-pay-code.png"), fullPage: true });
  writeFileSync(VIDEO, y4m(token));

  const pos = await signIn(browser, KEEPER);
  await pos.goto("/shop/pos");
  await pos.getByTestId("pos-camera").click();
  await expect(pos.getByTestId("camera")).toBeVisible();
  await expect(pos.getByTestId("pos-payer")).toContainText(`${HOUSEHOLD} 王建国`, { timeout: 20_000 });
  await expect(pos.getByText(`可用 ${before} 分`)).toBeVisible();
  let total = await addItems(pos, [
    ["酱油", 1],
    ["食盐", 1],
  ]);
  expect(total).toBe(8);
  await expect(pos.getByTestId("pos-confirm")).toHaveText(`确认兑换 ${total} 分`);
  await pos.screenshot({ path: shotPath("store-pos-cart.png"), fullPage: true });

  // meanwhile, on the shop's other phone: 酱油 gets a photo and its price drops from 6 to 5
  const shelf = await pos.context().newPage();
  await shelf.goto("/shop/items");
  const row = shelf.getByTestId("item-row").filter({ hasText: "酱油" });
  await row.getByRole("button", { name: "修改" }).click();
  await row.getByTestId("item-price").fill("5");
  const photo = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: "#7a3b12" } }).jpeg().toBuffer();
  await row.getByTestId("item-photo").setInputFiles({ name: "jiangyou.jpg", mimeType: "image/jpeg", buffer: photo });
  await row.getByTestId("item-save").click();
  await expect(row).toContainText("5 分");
  const img = row.locator("img");
  await expect(img).toHaveJSProperty("naturalWidth", 600);
  await shelf.close();

  // the till's confirm is refused with the new total and asks again
  await pos.getByTestId("pos-confirm").click();
  await expect(pos.getByTestId("pos-price-changed")).toContainText("现在合计 7 分");
  await expect(pos.getByTestId("pos-confirm")).toHaveText("确认兑换 7 分");
  await expect(pos.getByTestId("pos-total")).toHaveText("7");
  await pos.screenshot({ path: shotPath("store-pos-price-changed.png"), fullPage: true });
  await pos.getByTestId("pos-confirm").click();
  total = 7;
  const receiptNo = (await pos.getByTestId("pos-receipt-no").innerText()).trim();
  expect(receiptNo).toMatch(/^R\d{8}-\d{6}$/);
  await expect(pos.getByTestId("pos-receipt")).toContainText(`剩余积分 ${before - total} 分`);
  await pos.screenshot({ path: shotPath("store-pos-receipt.png"), fullPage: true });

  // the villager's phone: the same receipt in their history, the balance down by the total
  await villager.goto("/v/store");
  await expect(villager.getByTestId("receipt").first()).toContainText(receiptNo);
  expect(await points(villager, "store-balance")).toBe(before - total);
  await villager.screenshot({ path: shotPath("store-villager-history.png"), fullPage: true });

  // the same code cannot pay twice: scanning it again is refused with a clear message
  await pos.getByTestId("pos-next").click();
  await pos.getByTestId("pos-camera").click();
  await expect(pos.getByRole("main").getByRole("alert")).toContainText("这个付款码已经付过款了", { timeout: 20_000 });
});

test("an elderly household pays with the printed card and its PIN; a partial refund gives points back", async ({ browser }) => {
  test.setTimeout(120_000);
  const supervisor = await signIn(browser, SUPERVISOR);
  // the household's id, as its printed card's QR holds it
  await supervisor.goto("/s/households");
  await supervisor.getByTestId("household-search").fill(HOUSEHOLD);
  await supervisor.getByTestId("household-search").press("Enter");
  const item = supervisor.getByTestId("household-item").filter({ hasText: "王建国" }).first();
  await expect(item).toBeVisible();
  const id = (await item.getAttribute("href"))!.split("/").pop()!;
  writeFileSync(VIDEO, y4m(`MBH1:${id}`));

  const villager = await signIn(browser, VILLAGER);
  await villager.goto("/v/store");
  const before = await points(villager, "store-balance");

  const pos = await signIn(browser, KEEPER);
  await pos.goto("/shop/pos");
  await pos.getByTestId("pos-camera").click();
  await expect(pos.getByTestId("pos-card")).toContainText(`${HOUSEHOLD} 王建国`, { timeout: 20_000 });
  // no balance is shown before the PIN; a wrong PIN says how many attempts are left
  await expect(pos.getByText(/可用 \d+ 分/)).toHaveCount(0);
  await pos.getByTestId("pos-secret").fill("000000");
  await pos.getByTestId("pos-lookup").click();
  await expect(pos.getByRole("main").getByRole("alert")).toHaveText("密码不对，还可以再试 4 次。");
  await pos.screenshot({ path: shotPath("store-pos-card-pin.png"), fullPage: true });
  await pos.getByTestId("pos-secret").fill("260518");
  await pos.getByTestId("pos-lookup").click();
  await expect(pos.getByTestId("pos-payer")).toContainText(`${HOUSEHOLD} 王建国`);
  await expect(pos.getByText(`可用 ${before} 分`)).toBeVisible();
  // the demo household has 13 points: 7 went on the first sale
  const total = await addItems(pos, [
    ["香皂", 1],
    ["食盐", 1],
  ]);
  expect(total).toBe(5);
  await pos.getByTestId("pos-confirm").click();
  const receiptNo = (await pos.getByTestId("pos-receipt-no").innerText()).trim();
  await expect(pos.getByTestId("pos-receipt")).toContainText(`剩余积分 ${before - total} 分`);

  // the shop refunds the first line, the same day, with a reason
  await pos.goto("/shop");
  const receipt = pos.getByTestId("receipt").filter({ hasText: receiptNo });
  await receipt.getByTestId("refund-open").click();
  const line = receipt.getByTestId("refund-line").first();
  const unit = Number((await line.innerText()).match(/每件 (\d+) 分/)![1]);
  await line.getByRole("button", { name: /^多退一件/ }).click();
  await expect(line.getByTestId("refund-qty")).toHaveText("1");
  await receipt.getByTestId("refund-reason").fill("包装破了");
  await expect(receipt.getByTestId("refund-submit")).toHaveText(`退回 ${unit} 分`);
  await pos.screenshot({ path: shotPath("store-refund-partial.png"), fullPage: true });
  await receipt.getByTestId("refund-submit").click();
  await expect(receipt.getByTestId("refund-done")).toContainText(`${unit} 分已退回`);
  await expect(receipt.getByTestId("receipt-refunds")).toContainText("包装破了");

  await villager.goto("/v/store");
  expect(await points(villager, "store-balance")).toBe(before - total + unit);
  await expect(villager.getByTestId("receipt").filter({ hasText: receiptNo })).toContainText(`已退 ${unit} 分`);

  // the supervisor: 退货 in the bottom navigation, the household's receipts, refund the second line
  await supervisor.goto("/s");
  await supervisor.getByRole("navigation").getByRole("link", { name: "退货", exact: true }).click();
  await supervisor.waitForURL("**/s/store");
  await supervisor.getByTestId("find-household").fill(HOUSEHOLD);
  await supervisor.getByTestId("find-submit").click();
  await supervisor.waitForURL("**/s/store?**");
  const found = supervisor.getByTestId("receipt").filter({ hasText: receiptNo });
  await expect(found).toContainText("包装破了");
  await found.getByTestId("refund-open").click();
  // what is left to refund: the other line
  await expect(found.getByTestId("refund-line")).toHaveCount(1);
  const second = found.getByTestId("refund-line").first();
  const unit2 = Number((await second.innerText()).match(/每件 (\d+) 分/)![1]);
  await second.getByRole("button", { name: /^多退一件/ }).click();
  await found.getByTestId("refund-reason").fill("顾客第二天来退，监委会同意");
  await found.getByTestId("refund-submit").click();
  // the receipt now says everything went back (the refund form itself goes once nothing is left to refund,
  // so its short-lived "done" line is not waited for)
  await expect(found.getByTestId("receipt-refunds")).toContainText("监委会同意");
  await expect(found).toContainText(`已退 ${unit + unit2} 分`);
  await expect(found.getByTestId("refund-open")).toHaveCount(0);
  await supervisor.screenshot({ path: shotPath("store-supervisor-refunds.png"), fullPage: true });

  await villager.reload();
  expect(await points(villager, "store-balance")).toBe(before - total + unit + unit2);
});
