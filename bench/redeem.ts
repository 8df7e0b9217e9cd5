/**
 * `npm run bench:redeem`: 50 POS clients redeem concurrently over HTTP against the production build on
 * the real PostgreSQL: goal p99 < 300 ms with zero lost or doubled receipts.
 *
 * Set-up: a fresh database `mb_bench_rd_<timestamp>` on the server of --url (dropped unless --keep);
 * `npm start` on it (migrations by `prisma migrate deploy`, as production); one village (every
 * redemption of a village takes its ledger chain lock, the hard case) with --shops shops, one shopkeeper
 * account per POS client (--clients, spread over the shops), 6 items per shop with ample stock, and
 * clients × sales households, each with a villager account and credited through the ledger, so each
 * household pays once (a typed code pays once per minute by design).
 * Sessions: every shopkeeper signs in through next-auth for real; the villagers' sessions are minted
 * with the server's NEXTAUTH_SECRET (next-auth/jwt `encode`, the same cookie).
 *
 * One sale, as the app does it (tRPC over HTTP, superjson, batch of one, like httpBatchLink):
 *   1. the villager opens 付款码: `store.paymentCode` with their own session (QR token + typed code);
 *   2. the till looks the payer up: `store.lookupPayer` with the scanned QR token (even clients) or the
 *      typed 户号 + 8 digits (odd clients, the POS page's typed path), and gets the till session;
 *   3. the till confirms 1–3 random items: `store.redeem` with the session, the total it shows and a
 *      fresh idempotency key. A --retry share of sales is sent again with the same key: half as a double
 *      tap (two identical requests at once), half as a network retry (again after the reply).
 * Every client runs its sales back to back (closed loop), or with --think ms of random pause before each. Checks: client successes against Redemption
 * rows, REDEMPTION ledger transactions and used payment codes (counted by rows, never by parsing receipt
 * numbers); every retry answered with the same receipt; points and stock add up; the ledger sums to zero.
 * Prints latency p50/p95/p99, throughput and the checks; never fails on timing.
 *   node --import tsx bench/redeem.ts [--clients 50] [--sales 20] [--shops 5] [--retry 0.2] [--think 0] [--pool N] [--node-options "--max-old-space-size=512"]
 *     [--keep] [--url postgresql://postgres@127.0.0.1:5432/postgres]
 *     [--base http://127.0.0.1:3000 --db <that server's DATABASE_URL> --secret <its NEXTAUTH_SECRET>]
 */
import { randomUUID } from "node:crypto";
import { createPrisma, type Db } from "@/server/db/client";
import { householdAccount, post, villageAccount } from "@/server/ledger/ledger";
import {
  appCpuSeconds,
  appErrors,
  finishRun,
  flag,
  freePort,
  freshDatabase,
  load,
  log,
  ms,
  newId,
  num,
  pct,
  sampleActivity,
  seedHouseholds,
  seedPeople,
  seedVillage,
  sessionsFor,
  sleep,
  startApp,
  str,
  table,
  tally,
  three,
  trpc,
  verdict,
  type App,
  type BenchHousehold,
  type Call,
  type Row,
} from "./http-kit";

const OPT = {
  clients: num("clients", 50),
  sales: num("sales", 20),
  shops: num("shops", 5),
  retry: num("retry", 0.2),
  /** pause before each sale, uniformly random up to this many ms (a till's scan-and-pick time); 0 = back to back */
  think: num("think", 0),
  pool: num("pool", 0),
  nodeOptions: str("node-options", ""),
  keep: flag("keep"),
  url: str("url", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  base: str("base", ""),
  db: str("db", ""),
  secret: str("secret", process.env.NEXTAUTH_SECRET ?? "bench-redeem-secret-0123456789abcdef"),
};
const GOAL = { p99: 300 };
const CREDIT = 100_000;
const STOCK = 1_000_000;
const ITEMS = [
  { name: "食用油 5L", pricePoints: 50, category: "粮油" },
  { name: "大米 10kg", pricePoints: 40, category: "粮油" },
  { name: "洗衣粉", pricePoints: 8, category: "日用品" },
  { name: "毛巾", pricePoints: 5, category: "日用品" },
  { name: "牙膏", pricePoints: 4, category: "日用品" },
  { name: "酱油", pricePoints: 6, category: "调味品" },
];

type Receipt = { id: string; receiptNo: string; totalPoints: number; replayed: boolean; lines: { quantity: number }[] };
type Sale = {
  client: number;
  key: string;
  household: string;
  total: number;
  quantity: number;
  retry: "none" | "double" | "again";
  steps: { paymentCode: Call; lookup: Call | null; redeem: Call<Receipt> | null; extra: Call<Receipt>[] };
};

async function seedStore(db: Db, village: { id: string }, keepers: { userId: string }[]) {
  const shops: string[] = [];
  for (let s = 0; s < OPT.shops; s++) {
    const shop = await db.shop.create({ data: { villageId: village.id, name: `积分超市${s + 1}`, lowStockThreshold: 5 }, select: { id: true } });
    await db.shopItem.createMany({ data: ITEMS.map((i) => ({ id: newId(), shopId: shop.id, villageId: village.id, ...i, stock: STOCK })) });
    shops.push(shop.id);
  }
  await db.shopKeeper.createMany({ data: keepers.map((k, i) => ({ shopId: shops[i % shops.length]!, userId: k.userId, villageId: village.id })) });
  return shops;
}

/** Every household gets CREDIT points through the ledger (an AWARD, as finalize would post it). */
async function credit(db: Db, villageId: string, actorUserId: string, hs: BenchHousehold[]) {
  for (let i = 0; i < hs.length; i += 100) {
    await db.$transaction(
      async (tx) => {
        const issuance = await villageAccount(tx, villageId, "ISSUANCE");
        for (const h of hs.slice(i, i + 100)) {
          const acc = await householdAccount(tx, villageId, h.id);
          await post(tx, new Date(), {
            villageId,
            kind: "AWARD",
            idempotencyKey: `bench-credit:${h.id}`,
            postings: [
              { accountId: issuance, points: -CREDIT },
              { accountId: acc, points: CREDIT },
            ],
            actorUserId,
            reason: "压测积分",
            scoring: true,
          });
        }
      },
      { timeout: 120_000 },
    );
  }
}

async function main() {
  log(`options: ${JSON.stringify({ ...OPT, secret: OPT.base ? "(given)" : "(bench's own)" })}; ${load()}`);
  if (OPT.base && !OPT.db) throw new Error("--base needs --db (the DATABASE_URL of that server) and --secret (its NEXTAUTH_SECRET)");
  const fresh = OPT.base ? null : await freshDatabase(OPT.url, "mb_bench_rd", OPT.keep);
  const dbUrl = fresh?.url ?? OPT.db;
  let app: App | null = null;
  const db = createPrisma(dbUrl, { max: 4 });
  try {
    app = OPT.base ? { proc: null, base: OPT.base, log: [] } : await startApp({ databaseUrl: dbUrl, secret: OPT.secret, port: await freePort(), poolMax: OPT.pool || undefined, nodeOptions: OPT.nodeOptions || undefined });
    const base = app.base;

    // ── seed ──
    const t0 = performance.now();
    const village = await seedVillage(db, `兑换压测${Date.now().toString(36)}`);
    const [committee] = await seedPeople(db, village.id, "COMMITTEE", 1, "村委");
    const keepers = await seedPeople(db, village.id, "SHOPKEEPER", OPT.clients, "店员");
    const shops = await seedStore(db, village, keepers);
    const hs = await seedHouseholds(db, village, OPT.clients * OPT.sales, 0);
    await credit(db, village.id, committee!.userId, hs);
    log(`seeded ${shops.length} shops × ${ITEMS.length} items, ${keepers.length} shopkeepers, ${hs.length} households with ${CREDIT} points each in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    const keeperCookies = await sessionsFor(base, OPT.secret, keepers, keepers.length);
    const villagerCookies = await sessionsFor(base, OPT.secret, hs.map((h) => h.head), 0);
    log(`sessions: ${keepers.length} shopkeepers signed in for real, ${hs.length} villager sessions minted (${((performance.now() - t1) / 1000).toFixed(1)} s)`);

    // each till loads its item list once, as the POS page does (the prices it shows and confirms)
    const catalogs = await Promise.all(
      keepers.map(async (k) => {
        const r = await trpc<{ items: { id: string; pricePoints: number }[] }>(base, keeperCookies.get(k.userId)!, "item.list", { includeInactive: false }, "query");
        if (!r.ok) throw new Error(`item.list: ${r.code} ${r.message}`);
        return r.data.items;
      }),
    );
    // warm-up: a running server has loaded its route modules
    await Promise.all(hs.slice(0, 10).map((h) => trpc(base, villagerCookies.get(h.head.userId)!, "store.catalog", undefined, "query")));
    log(`tills loaded their item lists; warmed up; ${load()}`);

    // ── the run ──
    const sales: Sale[] = [];
    await db.$disconnect(); // its idle connections would blur the activity samples; it reconnects for the checks
    const activity = sampleActivity(dbUrl);
    const cpu0 = appCpuSeconds(app);
    log(`${OPT.clients} POS clients × ${OPT.sales} sales, ${OPT.think ? `pause up to ${OPT.think} ms before each` : "back to back"}; ${load()}`);
    const start = performance.now();
    await Promise.all(
      keepers.map(async (k, c) => {
        const till = keeperCookies.get(k.userId)!;
        const mine = hs.slice(c * OPT.sales, (c + 1) * OPT.sales);
        for (const h of mine) {
          if (OPT.think) await sleep(Math.random() * OPT.think);
          const villager = villagerCookies.get(h.head.userId)!;
          const paymentCode = await trpc<{ token: string; typed: string; householdNumber: string }>(base, villager, "store.paymentCode", undefined, "query");
          const sale: Sale = { client: c, key: randomUUID().replaceAll("-", ""), household: h.id, total: 0, quantity: 0, retry: "none", steps: { paymentCode, lookup: null, redeem: null, extra: [] } };
          sales.push(sale);
          if (!paymentCode.ok) continue;
          const payer =
            c % 2 === 0
              ? { method: "QR" as const, token: paymentCode.data.token }
              : { method: "TYPED" as const, householdNumber: paymentCode.data.householdNumber, code: paymentCode.data.typed };
          const lookup = await trpc<{ session: string | null }>(base, till, "store.lookupPayer", { payer }, "mutation");
          sale.steps.lookup = lookup;
          if (!lookup.ok || !lookup.data.session) continue;
          const items = [...catalogs[c]!].sort(() => Math.random() - 0.5).slice(0, 1 + Math.floor(Math.random() * 3));
          const lines = items.map((i) => ({ itemId: i.id, quantity: 1 + Math.floor(Math.random() * 3) }));
          sale.total = lines.reduce((s, l) => s + l.quantity * items.find((i) => i.id === l.itemId)!.pricePoints, 0);
          sale.quantity = lines.reduce((s, l) => s + l.quantity, 0);
          const input = { payer: { method: "SESSION" as const, token: lookup.data.session }, lines, expectedTotal: sale.total, idempotencyKey: sale.key };
          const send = () => trpc<Receipt>(base, till, "store.redeem", input, "mutation");
          const roll = Math.random();
          sale.retry = roll < OPT.retry / 2 ? "double" : roll < OPT.retry ? "again" : "none";
          if (sale.retry === "double") {
            // a double tap: the same request twice at once
            const [a, b] = await Promise.all([send(), send()]);
            sale.steps.redeem = a;
            sale.steps.extra.push(b);
          } else {
            sale.steps.redeem = await send();
            // the reply was lost on a weak network: the POS sends the same request again
            if (sale.retry === "again") sale.steps.extra.push(await send());
          }
        }
      }),
    );
    const span = performance.now() - start;
    const cpu1 = appCpuSeconds(app);
    const act = await activity.summary();
    log(`run done in ${(span / 1000).toFixed(2)} s; ${load()}`);

    // ── checks ──
    const firsts = sales.map((s) => s.steps.redeem).filter((r): r is Call<Receipt> => !!r);
    const all = sales.flatMap((s) => (s.steps.redeem ? [s.steps.redeem, ...s.steps.extra] : []));
    const okSales = sales.filter((s) => s.steps.redeem?.ok || s.steps.extra.some((e) => e.ok));
    const receiptOf = (s: Sale) => [s.steps.redeem, ...s.steps.extra].find((r) => r?.ok)?.data.id ?? null;
    const clientReceipts = new Set(okSales.map(receiptOf));
    // every reply to one sale names the same receipt, and exactly one of them is not a replay
    const retried = sales.filter((s) => s.retry !== "none" && s.steps.redeem);
    const retryMismatch = retried.filter((s) => {
      const replies = [s.steps.redeem!, ...s.steps.extra];
      const ids = new Set(replies.filter((r) => r.ok).map((r) => r.data.id));
      const fresh = replies.filter((r) => r.ok && !r.data.replayed).length;
      return ids.size !== 1 || fresh !== 1 || replies.some((r) => !r.ok);
    });
    const [dbReceipts, txCount, codeUses, sums, stock, ledgerSum, shopBalance] = await Promise.all([
      db.redemption.findMany({ where: { villageId: village.id }, select: { id: true, idempotencyKey: true, totalPoints: true, transactionId: true } }),
      db.ledgerTransaction.count({ where: { villageId: village.id, kind: "REDEMPTION" } }),
      db.paymentCodeUse.count({ where: { householdId: { in: hs.map((h) => h.id) } } }),
      db.ledgerAccount.aggregate({ where: { villageId: village.id, kind: "HOUSEHOLD" }, _sum: { balance: true } }),
      db.shopItem.aggregate({ where: { villageId: village.id }, _sum: { stock: true } }),
      db.$queryRaw<{ s: bigint | null }[]>`SELECT sum(p."points") AS s FROM "LedgerPosting" p JOIN "LedgerAccount" a ON a."id" = p."accountId" WHERE a."villageId" = ${village.id}`,
      db.ledgerAccount.aggregate({ where: { villageId: village.id, kind: "SHOP" }, _sum: { balance: true } }),
    ]);
    const dbIds = new Set(dbReceipts.map((r) => r.id));
    const lost = [...clientReceipts].filter((id) => !id || !dbIds.has(id)).length;
    const unacknowledged = dbReceipts.filter((r) => !clientReceipts.has(r.id)).length;
    const keysInDb = new Set(dbReceipts.map((r) => r.idempotencyKey.split(":").pop()));
    const doubled = dbReceipts.length - keysInDb.size;
    const pointsSold = okSales.reduce((s, x) => s + x.total, 0);
    const pointsInDb = dbReceipts.reduce((s, r) => s + r.totalPoints, 0);
    const qtySold = okSales.reduce((s, x) => s + x.quantity, 0);
    const stockDrop = OPT.shops * ITEMS.length * STOCK - Number(stock._sum.stock ?? 0);
    const householdDrop = hs.length * CREDIT - Number(sums._sum.balance ?? 0);

    const lat = (xs: (Call | null | undefined)[]) => xs.filter((x): x is Call => !!x).map((x) => x.ms);
    const redeemLat = lat(firsts);
    const replayLat = lat(sales.flatMap((s) => s.steps.extra));
    const errors = [...sales.map((s) => s.steps.paymentCode), ...sales.map((s) => s.steps.lookup), ...all].filter((r): r is Call => !!r && !r.ok);
    const cpu = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
    const p99 = pct(redeemLat, 99);
    const rows: Row[] = [
      { metric: "sales attempted / succeeded", value: `${sales.length} / ${okSales.length} (QR ${sales.filter((s) => s.client % 2 === 0).length}, typed ${sales.filter((s) => s.client % 2 === 1).length})`, goal: "", verdict: "" },
      { metric: "store.redeem p50 / p95 / p99 (first request of a sale)", value: three(redeemLat), goal: `p99 < ${GOAL.p99} ms`, verdict: verdict(p99 < GOAL.p99) },
      { metric: "store.redeem max", value: ms(Math.max(...redeemLat)), goal: "", verdict: "" },
      { metric: "store.redeem retries (same key) p50 / p95 / p99", value: `${three(replayLat)} (n=${replayLat.length})`, goal: "", verdict: "" },
      { metric: "store.lookupPayer p50 / p95 / p99", value: three(lat(sales.map((s) => s.steps.lookup))), goal: "", verdict: "" },
      { metric: "store.paymentCode (villager) p50 / p95 / p99", value: three(lat(sales.map((s) => s.steps.paymentCode))), goal: "", verdict: "" },
      { metric: "whole sale (code + lookup + redeem) p50 / p95 / p99", value: three(sales.filter((s) => s.steps.redeem).map((s) => s.steps.paymentCode.ms + s.steps.lookup!.ms + s.steps.redeem!.ms)), goal: "", verdict: "" },
      { metric: "throughput", value: `${(okSales.length / (span / 1000)).toFixed(1)} redemptions/s, ${(all.length / (span / 1000)).toFixed(1)} redeem requests/s (${(span / 1000).toFixed(1)} s)`, goal: "", verdict: "" },
      ...(cpu !== null ? [{ metric: "server CPU (launcher + next-server)", value: `${cpu.toFixed(1)} s CPU in ${(span / 1000).toFixed(1)} s = ${((cpu / span) * 100_000).toFixed(0)} % of one core`, goal: "", verdict: "" }] : []),
      { metric: "server's DB connections during the run (pg_stat_activity)", value: act.text, goal: "", verdict: "" },
      { metric: "errors (any step)", value: errors.length ? tally(errors.map((e) => e.code)) : "0", goal: "0", verdict: verdict(errors.length === 0) },
      { metric: "receipts: client successes / Redemption rows / REDEMPTION tx / codes used", value: `${clientReceipts.size} / ${dbReceipts.length} / ${txCount} / ${codeUses}`, goal: "all equal", verdict: verdict(clientReceipts.size === dbReceipts.length && txCount === dbReceipts.length && codeUses === dbReceipts.length) },
      { metric: "lost (client receipt not in DB) / unacknowledged (DB row no client saw)", value: `${lost} / ${unacknowledged}`, goal: "0 / 0", verdict: verdict(lost === 0 && unacknowledged === 0) },
      { metric: "doubled (rows beyond one per idempotency key)", value: String(doubled), goal: "0", verdict: verdict(doubled === 0) },
      { metric: `retried sales answered with one receipt, one fresh reply`, value: `${retried.length - retryMismatch.length} of ${retried.length} (double tap ${retried.filter((s) => s.retry === "double").length}, retry after reply ${retried.filter((s) => s.retry === "again").length})`, goal: "all", verdict: verdict(retryMismatch.length === 0) },
      { metric: "points: sold (client) = receipts = shop balances = households' drop", value: `${pointsSold} = ${pointsInDb} = ${shopBalance._sum.balance ?? 0} = ${householdDrop}`, goal: "equal", verdict: verdict(pointsSold === pointsInDb && pointsInDb === (shopBalance._sum.balance ?? 0) && pointsInDb === householdDrop) },
      { metric: "stock: items sold (client) = stock decrease", value: `${qtySold} = ${stockDrop}`, goal: "equal", verdict: verdict(qtySold === stockDrop) },
      { metric: "ledger postings of the village sum to", value: String(Number(ledgerSum[0]!.s ?? 0)), goal: "0", verdict: verdict(Number(ledgerSum[0]!.s ?? 0) === 0) },
    ];
    if (retryMismatch.length) {
      console.log("\nRetried sales with a mismatch (first 5):");
      for (const s of retryMismatch.slice(0, 5)) console.log(`  ${s.retry}: ${[s.steps.redeem!, ...s.steps.extra].map((r) => (r.ok ? `${r.data.id}${r.data.replayed ? " (replayed)" : ""}` : `${r.code} ${r.message}`)).join(" | ")}`);
    }
    if (errors.length) {
      console.log("\nErrors (first 5):");
      for (const e of errors.slice(0, 5)) console.log(`  ${e.status} ${e.code}: ${e.message}`);
    }
    const errs = appErrors(app);
    if (errs.length) {
      console.log(`\nThe server printed these error lines (count × line):`);
      for (const l of errs.slice(0, 10)) console.log(`  ${l.slice(0, 300)}`);
    }
    const v = await db.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
    table(
      `Redeem over HTTP: ${OPT.clients} POS clients in 1 village (${OPT.shops} shops) × ${OPT.sales} sales${OPT.think ? ` (pause up to ${OPT.think} ms before each)` : " back to back"}, retry share ${OPT.retry}, npm start on PostgreSQL ${v[0]!.v}, server pool ${OPT.pool || "default (5)"}`,
      rows,
    );
    console.log(`\nAt the end: ${load()}. Figures only: this benchmark never fails on timing.`);
  } finally {
    await finishRun(app, db, fresh);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
