/**
 * Demo points store for 桃源村, after the points history (households need balances):
 *  - the shop 「桃源村积分超市」 with shopkeepers 13800000005 (刘红) and 13800000008 (周桂兰);
 *  - about fifteen everyday items with stock (one running low), created through the item service;
 *  - a few redemptions over the past three weeks, made through the real redeem service on a past
 *    clock (each paid with a payment code of its time), one of them partly refunded;
 *  - one settlement by the committee (13800000002) for part of what the village owed;
 *  - household 001 (13800000001) gets the card PIN 260518, so the card + PIN path can be shown.
 * Idempotent: skipped when the shop exists.
 */
import { loadActor } from "../server/auth/actor.repo";
import type { Db } from "../server/db/client";
import { issueCode, paymentKey } from "../server/lib/payment-code";
import { saveItem } from "../server/modules/store/item.service";
import { setOwnPin } from "../server/modules/households/pin.service";
import { redeem, refund } from "../server/modules/store/redeem.service";
import { record } from "../server/modules/store/settlement.service";
import { DEMO_POINTS_VILLAGE } from "./demo-points";

export const DEMO_SHOP = "桃源村积分超市";
const KEEPER_PHONES = ["13800000005", "13800000008"];
const COMMITTEE_PHONE = "13800000002";
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const SHANGHAI = 8 * HOUR;

const ITEMS: { name: string; category: string; pricePoints: number; stock: number }[] = [
  { name: "食用油 5L", category: "粮油", pricePoints: 50, stock: 12 },
  { name: "大米 10kg", category: "粮油", pricePoints: 40, stock: 15 },
  { name: "挂面 1kg", category: "粮油", pricePoints: 6, stock: 30 },
  { name: "鸡蛋一盒", category: "粮油", pricePoints: 12, stock: 20 },
  { name: "酱油 500ml", category: "调味品", pricePoints: 6, stock: 24 },
  { name: "食醋 500ml", category: "调味品", pricePoints: 5, stock: 18 },
  { name: "食盐 400g", category: "调味品", pricePoints: 2, stock: 40 },
  { name: "洗衣粉 1kg", category: "日用品", pricePoints: 8, stock: 25 },
  { name: "洗洁精", category: "日用品", pricePoints: 6, stock: 20 },
  { name: "香皂", category: "日用品", pricePoints: 3, stock: 30 },
  { name: "牙膏", category: "日用品", pricePoints: 6, stock: 16 },
  { name: "毛巾", category: "日用品", pricePoints: 5, stock: 4 },
  { name: "卷纸 10卷", category: "日用品", pricePoints: 10, stock: 20 },
  { name: "暖水瓶", category: "家居", pricePoints: 25, stock: 6 },
  { name: "手电筒", category: "家居", pricePoints: 15, stock: 8 },
];

/** Past sales: days ago, hour (China time), household number, items by name and quantity. */
const SALES: { daysAgo: number; hour: number; household: string; lines: [string, number][]; refund?: [string, number] }[] = [
  { daysAgo: 20, hour: 9, household: "037", lines: [["酱油 500ml", 1], ["香皂", 2]] },
  { daysAgo: 16, hour: 15, household: "056", lines: [["鸡蛋一盒", 1]] },
  { daysAgo: 12, hour: 10, household: "001", lines: [["香皂", 2]] },
  { daysAgo: 9, hour: 16, household: "002", lines: [["挂面 1kg", 2]], refund: ["挂面 1kg", 1] },
  { daysAgo: 4, hour: 11, household: "031", lines: [["卷纸 10卷", 1]] },
  { daysAgo: 1, hour: 17, household: "042", lines: [["洗衣粉 1kg", 1]] },
];

export async function seedDemoStore(db: Db, now = new Date()): Promise<{ seeded: boolean; sales: number; reason?: string }> {
  const village = await db.region.findFirst({ where: { kind: "VILLAGE", name: DEMO_POINTS_VILLAGE }, select: { id: true } });
  if (!village) return { seeded: false, sales: 0, reason: "no village" };
  const villageId = village.id;
  if (await db.shop.findFirst({ where: { villageId, name: DEMO_SHOP }, select: { id: true } })) return { seeded: false, sales: 0 };

  const membership = (phone: string, role: "SHOPKEEPER" | "COMMITTEE" | "VILLAGER") =>
    db.membership.findFirst({ where: { regionId: villageId, role, active: true, user: { phone } }, select: { id: true, userId: true } });
  const keeperMs = (await Promise.all(KEEPER_PHONES.map((p) => membership(p, "SHOPKEEPER")))).filter((m): m is { id: string; userId: string } => !!m);
  const cm = await membership(COMMITTEE_PHONE, "COMMITTEE");
  if (!keeperMs.length || !cm) return { seeded: false, sales: 0, reason: "demo accounts missing" };

  const shop = await db.shop.create({ data: { villageId, name: DEMO_SHOP, lowStockThreshold: 5 }, select: { id: true } });
  for (const m of keeperMs) await db.shopKeeper.create({ data: { shopId: shop.id, userId: m.userId, villageId }, select: { id: true } });
  const keeper = (await loadActor(db, keeperMs[0]!.userId, keeperMs[0]!.id))!;
  const committee = (await loadActor(db, cm.userId, cm.id))!;

  const localMidnight = Math.floor((now.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const at = (daysAgo: number, hour: number) => new Date(localMidnight - daysAgo * DAY + hour * HOUR);
  const clock = (d: Date) => ({ db, now: () => d });

  const opened = at(30, 9);
  const items = new Map<string, { id: string; pricePoints: number }>();
  for (const it of ITEMS) {
    const saved = await saveItem(clock(opened), keeper, { ...it, active: true });
    items.set(it.name, { id: saved.id, pricePoints: saved.pricePoints });
  }

  const key = await paymentKey();
  let sales = 0;
  for (const [i, sale] of SALES.entries()) {
    const h = await db.household.findFirst({ where: { villageId, number: sale.household }, select: { id: true, number: true, villageId: true } });
    if (!h) continue;
    const when = at(sale.daysAgo, sale.hour);
    const lines = sale.lines.map(([name, quantity]) => ({ itemId: items.get(name)!.id, quantity }));
    const total = sale.lines.reduce((s, [name, q]) => s + items.get(name)!.pricePoints * q, 0);
    const balance = (await db.ledgerAccount.findUnique({ where: { householdId: h.id }, select: { balance: true } }))?.balance ?? 0;
    if (balance < total) continue; // the demo history may differ; never force a sale
    const receipt = await redeem(clock(when), keeper, {
      payer: { method: "QR", token: issueCode(key, h, when).token },
      lines,
      expectedTotal: total,
      idempotencyKey: `demo_sale_${String(i).padStart(3, "0")}`,
    });
    sales++;
    if (sale.refund) {
      const line = receipt.lines.find((l) => l.name === sale.refund![0])!;
      await refund(clock(new Date(when.getTime() + HOUR)), keeper, {
        redemptionId: receipt.id,
        lines: [{ lineId: line.id, quantity: sale.refund[1] }],
        reason: "多拿了一包，当场退回",
        idempotencyKey: `demo_refund_${String(i).padStart(3, "0")}`,
      });
    }
  }

  // the village paid for what was redeemed up to a week ago
  const paidDay = at(6, 10);
  const owedThen = await db.ledgerPosting.aggregate({
    where: { account: { shopId: shop.id }, createdAt: { lt: paidDay } },
    _sum: { points: true },
  });
  const points = owedThen._sum.points ?? 0;
  if (points > 0) {
    const local = new Date(paidDay.getTime() + SHANGHAI).toISOString().slice(0, 10);
    await record(clock(paidDay), committee, {
      shopId: shop.id,
      points,
      paidOn: local,
      reference: `村集体账户转账 ${local.replaceAll("-", "")}-01`,
      idempotencyKey: "demo_settlement_001",
    });
  }

  // the household sets its own PIN (the committee cannot)
  const vm = await membership("13800000001", "VILLAGER");
  const villager = vm ? await loadActor(db, vm.userId, vm.id) : null;
  if (villager) await setOwnPin(clock(opened), villager, { pin: "260518" });
  return { seeded: true, sales };
}
