/**
 * `npm run bench:ledger`: how fast the ledger (server/ledger) writes and reads.
 *   1. Throughput: AWARD transactions (2 postings) through `post` inside `db.$transaction`, N concurrent
 *      clients, on 1 village (every write waits for the village's hash-chain lock) and on N villages
 *      (one client per village), against raw SQL on plain pg with the same clients, in the same run:
 *      - the same rows (the goal's baseline): BEGIN, the village's advisory lock, the balance UPDATE, the
 *        previous hash, INSERT transaction (its seq and a real sha256 chained to the previous hash) and
 *        its 2 postings, COMMIT;
 *      - the floor, without the chain: the same INSERTs and UPDATE with a dummy hash and seq from a
 *        counter, no lock (rows the ledger could not accept: informative, to show what the chain costs).
 *      The three take turns for --rounds rounds; ratios are the medians of the rounds'.
 *   2. Scale: H households and P postings loaded with set-based SQL (triggers in place), balances set
 *      from the postings, VACUUM ANALYZE; then householdBalance, householdStatement (first page and the
 *      deepest page by cursor) over random households, and sequential `post`s on the loaded database.
 *   3. EXPLAIN ANALYZE of the exact SQL Prisma sent for each read (always one line; the full plan when
 *      a read misses its goal or with --explain).
 * Runs on a fresh database `mb_bench_<timestamp>` of the real PostgreSQL (dropped unless --keep);
 * --pglite also runs the small parts (throughput, a smaller scale) on an embedded PGlite for comparison.
 * Prints a summary table against the goals; never fails on timing.
 *   node --import tsx bench/ledger.ts [--households 10000] [--postings 1000000] [--villages 10]
 *     [--clients 8] [--seconds 3] [--rounds 3] [--samples 2000] [--posts 500] [--pglite] [--pglite-households 1000]
 *     [--pglite-postings 100000] [--explain] [--keep] [--url postgresql://postgres@127.0.0.1:5432/postgres]
 */
import { createHash, randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { createPrisma, type Db } from "@/server/db/client";
import { startEmbeddedDb } from "@/server/db/embedded-db";
import { PrismaClient } from "@/server/db/generated/client";
import { applyMigrationFiles } from "@/server/db/migrate";
import { SafePrismaPg, pgConfig } from "@/server/db/pg-adapter";
import { post, villageAccount } from "@/server/ledger/ledger";
import { householdBalance, householdStatement } from "@/server/ledger/read";

// ───────────── options ─────────────
const argv = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const str = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? String(argv[i + 1]) : fallback;
};
const OPT = {
  households: num("households", 10_000),
  postings: num("postings", 1_000_000),
  villages: num("villages", 10),
  clients: num("clients", 8),
  seconds: num("seconds", 3),
  rounds: num("rounds", 3),
  samples: num("samples", 2000),
  posts: num("posts", 500),
  pglite: argv.includes("--pglite"),
  pgliteHouseholds: num("pglite-households", 1000),
  pglitePostings: num("pglite-postings", 100_000),
  pgliteSeconds: num("pglite-seconds", 3),
  explain: argv.includes("--explain"),
  keep: argv.includes("--keep"),
  url: str("url", process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
};
const GOAL = { ratio: 0.5, balanceP95: 5, statementP95: 20 };
const TP_HOUSEHOLDS = 200; // households per throughput village
const ACTOR = "bench_actor";
const RUN = Date.now().toString(36);

// ───────────── helpers ─────────────
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
/** Other work on the machine skews every figure: print the load next to them. */
const load = () => `load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores`;
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const int = (x: number) => Math.round(x).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const points = () => 1 + Math.floor(Math.random() * 20);

type Row = { metric: string; value: string; goal: string; verdict: string };

type Target = {
  kind: "postgres" | "pglite";
  url: string;
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
};

async function openPostgres(): Promise<Target> {
  const name = `mb_bench_${Date.now()}`;
  const admin = new pg.Client(pgConfig(OPT.url));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(OPT.url);
  u.pathname = `/${name}`;
  const url = u.toString();
  await applyMigrationFiles(url);
  const db = createPrisma(url, { max: OPT.clients });
  const pool = new pg.Pool({ ...pgConfig(url), max: OPT.clients });
  log(`PostgreSQL: fresh database ${name}, migrations applied`);
  return {
    kind: "postgres",
    url,
    db,
    pool,
    async close() {
      await db.$disconnect();
      await pool.end();
      if (OPT.keep) {
        log(`--keep: database ${name} left in place (${url})`);
        return;
      }
      const a = new pg.Client(pgConfig(OPT.url));
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
      log(`dropped database ${name}`);
    },
  };
}

async function openPglite(): Promise<Target> {
  const embedded = await startEmbeddedDb({ maxConnections: 2 * OPT.clients + 10 });
  await applyMigrationFiles(embedded.url);
  const db = createPrisma(embedded.url, { max: OPT.clients });
  const pool = new pg.Pool({ ...pgConfig(embedded.url), max: OPT.clients });
  log(`PGlite: in-memory database on ${embedded.url}, migrations applied`);
  return {
    kind: "pglite",
    url: embedded.url,
    db,
    pool,
    async close() {
      await db.$disconnect();
      await pool.end();
      await embedded.stop();
    },
  };
}

// ───────────── fixtures ─────────────
type Village = { id: string; issuance: string; households: string[]; accounts: string[] };

async function baseRows(pool: pg.Pool) {
  await pool.query(`
    INSERT INTO "Region" ("id", "kind", "name", "parentId") VALUES
      ('bench_county', 'COUNTY', '基准县', NULL), ('bench_town', 'TOWN', '基准镇', 'bench_county');
    INSERT INTO "User" ("id", "phone", "name", "passwordHash", "updatedAt") VALUES ('${ACTOR}', '15900000000', '基准', 'x', now());`);
}

/** Villages with `households` households each; accounts use the ids householdAccount/villageAccount would. */
async function makeVillages(t: Target, prefix: string, count: number, households: number): Promise<Village[]> {
  const out: Village[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}_${i}`;
    await t.pool.query(`INSERT INTO "Region" ("id", "kind", "name", "parentId") VALUES ($1, 'VILLAGE', $1, 'bench_town')`, [id]);
    await t.pool.query(
      `INSERT INTO "Household" ("id", "villageId", "number", "headName", "updatedAt")
       SELECT $1 || '_h' || g, $1, lpad(g::text, 6, '0'), '户主' || g, now() FROM generate_series(1, $2::int) g`,
      [id, households],
    );
    await t.pool.query(
      `INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "householdId", "balance")
       SELECT 'acc_hh_' || h."id", h."villageId", 'HOUSEHOLD', h."id", 0 FROM "Household" h WHERE h."villageId" = $1`,
      [id],
    );
    const issuance = await t.db.$transaction((tx) => villageAccount(tx, id, "ISSUANCE"));
    const hs = Array.from({ length: households }, (_, g) => `${id}_h${g + 1}`);
    out.push({ id, issuance, households: hs, accounts: hs.map((h) => `acc_hh_${h}`) });
  }
  return out;
}

// ───────────── 1. throughput ─────────────
type Load = { tps: number; pps: number; p50: number; p95: number; count: number; errors: number; cpu: number };

/** Runs `op` in `clients` loops; counts what completes inside the measured window after a warm-up. */
async function runLoad(clients: number, seconds: number, op: (client: number, i: number) => Promise<void>): Promise<Load> {
  let stop = false;
  let counting = false;
  let errors = 0;
  const lat: number[] = [];
  const workers = Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; !stop; i++) {
      const s = performance.now();
      try {
        await op(c, i);
        if (counting) lat.push(performance.now() - s);
      } catch (e) {
        if (errors++ < 3) console.error("  op failed:", (e as Error).message);
      }
    }
  });
  await sleep(Math.min(1000, seconds * 200)); // warm-up: pools filled, plans cached
  counting = true;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await sleep(seconds * 1000);
  counting = false;
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(workers);
  const tps = lat.length / elapsed;
  // CPU of this Node process (Prisma's query engine runs here) as a share of one core
  const cpuShare = (cpu.user + cpu.system) / 1e6 / elapsed;
  return { tps, pps: tps * 2, p50: pct(lat, 50), p95: pct(lat, 95), count: lat.length, errors, cpu: cpuShare };
}

function serviceOp(t: Target, villages: Village[], tag: string) {
  return async (c: number, i: number) => {
    const v = villages[c % villages.length]!;
    const p = points();
    await t.db.$transaction((tx) =>
      post(tx, new Date(), {
        villageId: v.id,
        kind: "AWARD",
        idempotencyKey: `svc_${RUN}_${tag}_${v.id}_${c}_${i}`,
        postings: [
          { accountId: v.issuance, points: -p },
          { accountId: pick(v.accounts), points: p },
        ],
        actorUserId: ACTOR,
        reason: "好人好事：帮邻居抢收小麦",
        source: { type: "award", id: `bench_${c}_${i}` },
        scoring: true,
      }),
    );
  };
}

const INSERT_TX = `INSERT INTO "LedgerTransaction" ("id", "villageId", "seq", "kind", "idempotencyKey", "sourceType", "sourceId",
  "actorUserId", "reason", "scoring", "createdAt", "prevHash", "hash") VALUES ($1, $2, $3, 'AWARD', $4, 'award', $5, $6, $7, true, $8, $9, $10)`;
const INSERT_POSTINGS = `INSERT INTO "LedgerPosting" ("id", "transactionId", "accountId", "villageId", "points", "createdAt")
  VALUES ($1, $2, $3, $4, $5, $6), ($7, $2, $8, $4, $9, $6)`;
const UPDATE_BALANCE = `UPDATE "LedgerAccount" SET "balance" = "balance" + $1 WHERE "id" = $2`;

/** The minimum the database needs for the same rows: no chain lock, seq from a counter, dummy hash. */
function rawOp(t: Target, villages: Village[], tag: string, seq: Map<string, number>) {
  return async (c: number, i: number) => {
    const v = villages[c % villages.length]!;
    const s = (seq.get(v.id) ?? 0) + 1;
    seq.set(v.id, s);
    const p = points();
    const hh = pick(v.accounts);
    const id = randomUUID();
    const now = new Date();
    const hash = createHash("sha256").update(id).digest("hex");
    const client = await t.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(INSERT_TX, [id, v.id, s, `raw_${RUN}_${tag}_${v.id}_${c}_${i}`, `bench_${c}_${i}`, ACTOR, "好人好事：帮邻居抢收小麦", now, "dummy", hash]);
      await client.query(INSERT_POSTINGS, [randomUUID(), id, v.issuance, v.id, -p, now, randomUUID(), hh, p]);
      await client.query(UPDATE_BALANCE, [p, hh]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  };
}

/** Informative: raw SQL doing what the hash chain needs (lock, previous hash, real sha256). */
function rawChainOp(t: Target, villages: Village[], tag: string) {
  return async (c: number, i: number) => {
    const v = villages[c % villages.length]!;
    const p = points();
    const hh = pick(v.accounts);
    const id = randomUUID();
    const now = new Date();
    const client = await t.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT pg_advisory_xact_lock(7001, hashtext($1))`, [v.id]);
      await client.query(UPDATE_BALANCE, [p, hh]);
      const prev = await client.query<{ seq: number; hash: string }>(
        `SELECT "seq", "hash" FROM "LedgerTransaction" WHERE "villageId" = $1 ORDER BY "seq" DESC LIMIT 1`,
        [v.id],
      );
      const s = (prev.rows[0]?.seq ?? 0) + 1;
      const prevHash = prev.rows[0]?.hash ?? "GENESIS";
      const hash = createHash("sha256").update(JSON.stringify([prevHash, id, s, hh, p, now.toISOString()])).digest("hex");
      await client.query(INSERT_TX, [id, v.id, s, `rawc_${RUN}_${tag}_${v.id}_${c}_${i}`, `bench_${c}_${i}`, ACTOR, "好人好事：帮邻居抢收小麦", now, prevHash, hash]);
      await client.query(INSERT_POSTINGS, [randomUUID(), id, v.issuance, v.id, -p, now, randomUUID(), hh, p]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  };
}

async function sequentialPosts(t: Target, villages: Village[], n: number, tag: string) {
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await serviceOp(t, [villages[i % villages.length]!], tag)(0, i);
    lat.push(performance.now() - s);
  }
  return lat;
}

/** Node CPU spent per transaction (Prisma's query engine runs in this process). */
const cpuPerTx = (l: Load) => (l.cpu * 1000) / l.tps;

async function throughput(t: Target, seconds: number): Promise<Row[]> {
  const n = OPT.clients;
  const svc = await makeVillages(t, "bench_svc", n, TP_HOUSEHOLDS);
  const raw = await makeVillages(t, "bench_raw", n, TP_HOUSEHOLDS);
  const chain = await makeVillages(t, "bench_chain", n, TP_HOUSEHOLDS);
  log(`throughput: ${n} clients, ${OPT.rounds} rounds of ${seconds} s per variant, AWARD with 2 postings, ${TP_HOUSEHOLDS} households per village`);

  // what one post sends to the database (every statement runs while the village's chain lock is held,
  // except BEGIN and the lock itself)
  const rec = recordingClient(t.url);
  try {
    await serviceOp({ ...t, db: rec.db }, [svc[0]!], "probe")(0, 0);
    const brief = (q: string) => {
      const sql = q.replace(/"public"\./g, "");
      const table = /(?:FROM|INTO|UPDATE)\s+("?\w+"?)/i.exec(sql)?.[1] ?? /SELECT\s+(\w+)/i.exec(sql)?.[1] ?? "";
      return `${/^\s*(\w+)/.exec(sql)?.[1] ?? "?"} ${table}`;
    };
    const names = rec.captured.map((q) => brief(q.query));
    log(`  one post = ${rec.captured.length} statements: ${names.join("; ")}`);
  } finally {
    await rec.db.$disconnect();
  }
  // the floor of a write: one autocommit INSERT waits for the WAL flush (and the chain lock is held through it)
  await t.pool.query(`CREATE TABLE bench_commit (x int)`);
  const commit: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    await t.pool.query(`INSERT INTO bench_commit VALUES ($1)`, [i]);
    commit.push(performance.now() - s);
  }
  await t.pool.query(`DROP TABLE bench_commit`);
  log(`  one-row INSERT + COMMIT (WAL flush), plain pg: p50 ${ms(pct(commit, 50))}, p95 ${ms(pct(commit, 95))}`);
  const single = await sequentialPosts(t, [svc[0]!], 200, "fresh");
  log(`  sequential post, fresh database: p50 ${ms(pct(single, 50))}, p95 ${ms(pct(single, 95))}`);

  const rows: Row[] = [];
  const line = (label: string, l: Load) =>
    log(`  ${label.padEnd(34)} ${int(l.tps).padStart(6)} tx/s  ${int(l.pps).padStart(6)} postings/s  latency p50 ${ms(l.p50)} p95 ${ms(l.p95)}  node CPU ${(l.cpu * 100).toFixed(0)} % = ${cpuPerTx(l).toFixed(2)} ms/tx${l.errors ? `  errors ${l.errors}` : ""}`);
  const rawSeq = new Map<string, number>();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [label, nv] of [["1 village", 1], [`${n} villages`, n]] as const) {
    // The three variants take turns, OPT.rounds times, each round starting with another one, so that a
    // slow moment of the shared machine falls on all of them; the ratios are the medians of the rounds'.
    const variants = [
      { key: "service", name: `service, ${label}`, op: (tag: string) => serviceOp(t, svc.slice(0, nv), tag) },
      { key: "same", name: `raw SQL, same rows, ${label}`, op: (tag: string) => rawChainOp(t, chain.slice(0, nv), tag) },
      { key: "floor", name: `raw SQL, no chain, ${label}`, op: (tag: string) => rawOp(t, raw.slice(0, nv), tag, rawSeq) },
    ] as const;
    const runs: Record<string, Load[]> = { service: [], same: [], floor: [] };
    for (let round = 0; round < OPT.rounds; round++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(round + k) % variants.length]!;
        const l = await runLoad(n, seconds, v.op(`v${nv}r${round}`));
        line(`${v.name} (round ${round + 1})`, l);
        runs[v.key]!.push(l);
      }
    }
    const tps = (key: string) => median(runs[key]!.map((l) => l.tps));
    const ratio = (key: string) => median(runs.service!.map((l, i) => l.tps / runs[key]![i]!.tps));
    const cpu = (key: string) => median(runs[key]!.map(cpuPerTx));
    const same = ratio("same");
    const floor = ratio("floor");
    log(`  (${load()})`);
    log(`  → medians of ${OPT.rounds} rounds: service / raw SQL of the same rows ${same.toFixed(2)}×, service / raw SQL without the chain ${floor.toFixed(2)}×`);
    rows.push(
      { metric: `service tx/s (postings/s), ${label}`, value: `${int(tps("service"))} (${int(tps("service") * 2)})`, goal: "", verdict: "" },
      { metric: `raw SQL of the same rows tx/s, ${label}`, value: `${int(tps("same"))} (${int(tps("same") * 2)})`, goal: "", verdict: "" },
      { metric: `raw SQL without the chain tx/s, ${label} (floor)`, value: `${int(tps("floor"))} (${int(tps("floor") * 2)})`, goal: "", verdict: "" },
      { metric: `node CPU per tx: service / same rows / no chain, ${label}`, value: `${cpu("service").toFixed(2)} / ${cpu("same").toFixed(2)} / ${cpu("floor").toFixed(2)} ms`, goal: "", verdict: "" },
      { metric: `service / raw SQL of the same rows, ${label}`, value: `${same.toFixed(2)}×`, goal: `≥ ${GOAL.ratio}×`, verdict: same >= GOAL.ratio ? "PASS" : "MISS" },
      { metric: `service / raw SQL without the chain, ${label} (floor)`, value: `${floor.toFixed(2)}×`, goal: "", verdict: "" },
    );
  }
  rows.push(
    { metric: "post p50 / p95, fresh DB, sequential", value: `${ms(pct(single, 50))} / ${ms(pct(single, 95))}`, goal: "", verdict: "" },
    { metric: "INSERT+COMMIT p50 (WAL flush), plain pg", value: ms(pct(commit, 50)), goal: "", verdict: "" },
  );
  return rows;
}

// ───────────── 2. scale ─────────────
async function bulkLoad(t: Target, households: number, postings: number, nVillages: number) {
  const txCount = Math.floor(postings / 2);
  const villages = Array.from({ length: nVillages }, (_, i) => `bench_scale_${i}`);
  const t0 = performance.now();
  await t.pool.query(
    `INSERT INTO "Region" ("id", "kind", "name", "parentId") SELECT v, 'VILLAGE', v, 'bench_town' FROM unnest($1::text[]) v`,
    [villages],
  );
  // household g belongs to village g % V
  await t.pool.query(
    `INSERT INTO "Household" ("id", "villageId", "number", "headName", "updatedAt")
     SELECT 'bsh_' || g, 'bench_scale_' || (g % $2), lpad(g::text, 8, '0'), '户主' || g, now() FROM generate_series(0, $1::int - 1) g`,
    [households, nVillages],
  );
  await t.pool.query(
    `INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "householdId", "balance")
     SELECT 'acc_hh_' || h."id", h."villageId", 'HOUSEHOLD', h."id", 0 FROM "Household" h WHERE h."id" LIKE 'bsh\\_%'`,
  );
  await t.pool.query(
    `INSERT INTO "LedgerAccount" ("id", "villageId", "kind") SELECT 'acc_issuance_' || v, v, 'ISSUANCE' FROM unnest($1::text[]) v`,
    [villages],
  );
  // The plan of every transaction: village g % V, seq g / V + 1 (a gap-free chain per village), a random
  // household of that village, createdAt spread over three years in seq order, 8 % deductions.
  await t.pool.query(`
    CREATE UNLOGGED TABLE bench_gen AS
    SELECT g, (g % ${nVillages}) AS v, (g / ${nVillages}) + 1 AS seq,
           'bsh_' || ((g % ${nVillages}) + ${nVillages} * floor(random() * ((${households} - (g % ${nVillages}) + ${nVillages} - 1) / ${nVillages}))::int) AS hh,
           (CASE WHEN random() < 0.08 THEN -1 ELSE 1 END) * (1 + floor(random() * 20)::int) AS pts,
           now() - interval '3 years' + (g::float8 / ${Math.max(1, txCount)}) * interval '3 years' AS at
    FROM generate_series(0, ${txCount} - 1) g`);
  const prepMs = performance.now() - t0;
  log(`  households, accounts and the plan of ${int(txCount)} transactions: ${(prepMs / 1000).toFixed(1)} s`);

  // Chunks, two at a time (2 cores): each chunk is one transaction, so the deferred zero-sum trigger
  // and the foreign keys check every row at its COMMIT.
  const chunk = 50_000;
  const ranges: [number, number][] = [];
  for (let a = 0; a < txCount; a += chunk) ranges.push([a, Math.min(txCount, a + chunk)]);
  const t1 = performance.now();
  let next = 0;
  const worker = async () => {
    const client = await t.pool.connect();
    try {
      while (next < ranges.length) {
        const [a, b] = ranges[next++]!;
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO "LedgerTransaction" ("id", "villageId", "seq", "kind", "idempotencyKey", "sourceType", "sourceId",
             "actorUserId", "reason", "scoring", "createdAt", "prevHash", "hash")
           SELECT 'btx_' || g, 'bench_scale_' || v, seq, (CASE WHEN pts > 0 THEN 'AWARD' ELSE 'DEDUCTION' END)::"TxKind",
             'bulk_' || g, 'award', 'bulk_award_' || g, $3, CASE WHEN pts > 0 THEN '好人好事' ELSE '乱扔垃圾' END, true, at,
             'BULK-PLACEHOLDER', 'BULK-PLACEHOLDER'
           FROM bench_gen WHERE g >= $1 AND g < $2`,
          [a, b, ACTOR],
        );
        await client.query(
          `INSERT INTO "LedgerPosting" ("id", "transactionId", "accountId", "villageId", "points", "createdAt")
           SELECT 'bp_' || g || side.s, 'btx_' || g,
                  CASE WHEN side.s = 'i' THEN 'acc_issuance_bench_scale_' || v ELSE 'acc_hh_' || hh END,
                  'bench_scale_' || v, CASE WHEN side.s = 'i' THEN -pts ELSE pts END, at
           FROM bench_gen CROSS JOIN (VALUES ('i'), ('h')) AS side(s) WHERE g >= $1 AND g < $2`,
          [a, b],
        );
        await client.query("COMMIT");
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: t.kind === "postgres" ? 2 : 1 }, worker));
  const insertMs = performance.now() - t1;
  log(`  ${int(txCount)} transactions + ${int(txCount * 2)} postings inserted (triggers and foreign keys on): ${(insertMs / 1000).toFixed(1)} s`);

  const t2 = performance.now();
  await t.pool.query(`
    UPDATE "LedgerAccount" a SET "balance" = s.total
    FROM (SELECT "accountId", SUM("points")::int AS total FROM "LedgerPosting" WHERE "villageId" LIKE 'bench\\_scale\\_%' GROUP BY 1) s
    WHERE a."id" = s."accountId" AND a."kind" = 'HOUSEHOLD'`);
  await t.pool.query(`DROP TABLE bench_gen`);
  const balanceMs = performance.now() - t2;
  const t3 = performance.now();
  await t.pool.query(`VACUUM (ANALYZE) "LedgerPosting", "LedgerTransaction", "LedgerAccount", "Household"`);
  const vacuumMs = performance.now() - t3;
  log(`  balances from postings ${(balanceMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s`);

  const check = await t.pool.query<{ total: string; mismatched: string }>(`
    SELECT (SELECT COALESCE(SUM("points"), 0) FROM "LedgerPosting") AS total,
           (SELECT COUNT(*) FROM "LedgerAccount" a WHERE a."kind" = 'HOUSEHOLD' AND a."balance" <>
              (SELECT COALESCE(SUM(p."points"), 0) FROM "LedgerPosting" p WHERE p."accountId" = a."id")) AS mismatched`);
  log(`  check: sum of all postings ${check.rows[0]!.total}, household balances ≠ their postings: ${check.rows[0]!.mismatched}`);
  log(`  note: the bulk transactions carry placeholder hashes ('BULK-PLACEHOLDER'); ledger:verify would flag each as HASH_MISMATCH`);

  const sizes = await t.pool.query<{ rel: string; bytes: string; rows: string }>(`
    SELECT c.relname AS rel, pg_total_relation_size(c.oid) AS bytes, c.reltuples::bigint AS rows FROM pg_class c
    WHERE c.relname IN ('LedgerPosting', 'LedgerTransaction', 'LedgerAccount', 'Household') AND c.relkind = 'r' ORDER BY 2 DESC`);
  const dbSize = await t.pool.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`);
  for (const r of sizes.rows) log(`  ${r.rel.padEnd(18)} ${mb(Number(r.bytes)).padStart(10)}  (${int(Number(r.rows))} rows, with indexes)`);
  log(`  database total     ${mb(Number(dbSize.rows[0]!.bytes)).padStart(10)}`);
  return {
    villages,
    loadMs: performance.now() - t0,
    insertMs,
    vacuumMs,
    sizes: Object.fromEntries(sizes.rows.map((r) => [r.rel, Number(r.bytes)])),
    dbBytes: Number(dbSize.rows[0]!.bytes),
  };
}

const RAW_BALANCE = `SELECT "balance" FROM "LedgerAccount" WHERE "householdId" = $1`;
const RAW_STATEMENT = `SELECT p."id", p."points", p."createdAt", t."id" AS "transactionId", t."kind", t."reason", t."ruleId", t."ruleBookId",
    t."sourceType", t."sourceId", t."reversesId", t."memberId"
  FROM "LedgerPosting" p JOIN "LedgerTransaction" t ON t."id" = p."transactionId"
  WHERE p."accountId" = (SELECT "id" FROM "LedgerAccount" WHERE "householdId" = $1)
  ORDER BY p."createdAt" DESC, p."id" DESC LIMIT 21`;

type Captured = { query: string; params: string };

/** A Prisma client that records the SQL it sends, so EXPLAIN runs on exactly what a read runs. */
function recordingClient(url: string) {
  const captured: Captured[] = [];
  const db = new PrismaClient({ adapter: new SafePrismaPg(pgConfig(url), { max: 1 }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  return { db: db as unknown as Db, captured };
}

async function explain(t: Target, label: string, run: (db: Db) => Promise<unknown>, full: boolean) {
  const rec = recordingClient(t.url);
  try {
    await run(rec.db); // warm
    rec.captured.length = 0;
    await run(rec.db);
    for (const [i, q] of rec.captured.entries()) {
      const params = JSON.parse(q.params) as unknown[];
      const plan = await t.pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, params);
      const lines = plan.rows.map((r) => r["QUERY PLAN"]);
      const exec = lines.find((l) => l.startsWith("Execution Time")) ?? "";
      const scans = lines.filter((l) => /Scan|Sort|Limit/.test(l)).map((l) => l.trim().replace(/\s+\(cost=.*?\)/, "").replace(/^->\s*/, ""));
      log(`  EXPLAIN ${label} [query ${i + 1}/${rec.captured.length}]: ${scans.slice(0, 3).join(" | ")} | ${exec}`);
      if (full) {
        console.log(`    ${q.query}\n    params ${q.params}`);
        for (const l of lines) console.log(`    ${l}`);
      }
    }
  } finally {
    await rec.db.$disconnect();
  }
}

async function reads(t: Target, scale: Awaited<ReturnType<typeof bulkLoad>>, households: number): Promise<Row[]> {
  const n = Math.min(OPT.samples, households);
  const ids = new Set<string>();
  while (ids.size < n) ids.add(`bsh_${Math.floor(Math.random() * households)}`);
  const sample = [...ids];
  // the cursor of the deepest page: 20 rows from the household's oldest posting
  const deep = new Map<string, string>();
  const c = await t.pool.query<{ householdId: string; id: string }>(
    `SELECT x."householdId", x."id" FROM (
       SELECT a."householdId", p."id", row_number() OVER (PARTITION BY p."accountId" ORDER BY p."createdAt" ASC, p."id" ASC) AS rn
       FROM "LedgerPosting" p JOIN "LedgerAccount" a ON a."id" = p."accountId" WHERE a."householdId" = ANY($1::text[])) x
     WHERE x.rn = 21`,
    [sample],
  );
  for (const r of c.rows) deep.set(r.householdId, r.id);
  const perHh = await t.pool.query<{ avg: string; max: string }>(
    `SELECT AVG(n) AS avg, MAX(n) AS max FROM (SELECT COUNT(*) n FROM "LedgerPosting" p JOIN "LedgerAccount" a ON a."id" = p."accountId"
       WHERE a."kind" = 'HOUSEHOLD' AND a."villageId" LIKE 'bench\\_scale\\_%' GROUP BY p."accountId") s`,
  );
  log(`reads over ${n} random households (postings per household: avg ${Number(perHh.rows[0]!.avg).toFixed(1)}, max ${perHh.rows[0]!.max}); deep page = cursor 20 rows above the oldest posting (${deep.size} households have one)`);

  // warm-up on other households
  for (let i = 0; i < 100; i++) {
    const h = `bsh_${Math.floor(Math.random() * households)}`;
    await householdBalance(t.db, h);
    await householdStatement(t.db, h, { take: 20 });
  }
  const bal: number[] = [];
  const first: number[] = [];
  const deepLat: number[] = [];
  const rawBal: number[] = [];
  const rawFirst: number[] = [];
  let wrong = 0;
  for (const h of sample) {
    // the database's share: the same reads as one plain pg query each
    let r = performance.now();
    await t.pool.query(RAW_BALANCE, [h]);
    rawBal.push(performance.now() - r);
    r = performance.now();
    await t.pool.query(RAW_STATEMENT, [h]);
    rawFirst.push(performance.now() - r);
    let s = performance.now();
    await householdBalance(t.db, h);
    bal.push(performance.now() - s);
    s = performance.now();
    const page = await householdStatement(t.db, h, { take: 20 });
    first.push(performance.now() - s);
    if (page.items.length === 0) wrong++;
    const cursor = deep.get(h);
    if (cursor) {
      s = performance.now();
      const dp = await householdStatement(t.db, h, { take: 20, cursor });
      deepLat.push(performance.now() - s);
      if (dp.items.length !== 20) wrong++;
    }
  }
  if (wrong) log(`  WARNING: ${wrong} statement pages had an unexpected number of rows`);
  const show = (label: string, xs: number[]) =>
    log(`  ${label.padEnd(26)} p50 ${ms(pct(xs, 50))}  p95 ${ms(pct(xs, 95))}  p99 ${ms(pct(xs, 99))}  (n=${xs.length})`);
  show("householdBalance", bal);
  show("householdStatement page 1", first);
  show("householdStatement deep", deepLat);
  show("raw SQL balance", rawBal);
  show("raw SQL statement page 1", rawFirst);

  const h0 = sample[0]!;
  await explain(t, "balance", (db) => householdBalance(db, h0), OPT.explain || pct(bal, 95) >= GOAL.balanceP95);
  await explain(t, "statement p1", (db) => householdStatement(db, h0, { take: 20 }), OPT.explain || pct(first, 95) >= GOAL.statementP95);
  const [hDeep, cursorDeep] = [...deep.entries()][0] ?? [];
  if (hDeep && cursorDeep) {
    await explain(t, "statement deep", (db) => householdStatement(db, hDeep, { take: 20, cursor: cursorDeep }), OPT.explain || pct(deepLat, 95) >= GOAL.statementP95);
  }

  // post on the loaded database: the previous-hash lookup (ORDER BY seq DESC LIMIT 1 on (villageId, seq))
  const vs: Village[] = scale.villages.map((id, vi) => ({
    id,
    issuance: `acc_issuance_${id}`,
    households: [],
    accounts: Array.from({ length: 50 }, () => `acc_hh_bsh_${vi + scale.villages.length * Math.floor(Math.random() * Math.floor(households / scale.villages.length))}`),
  }));
  const postLat = await sequentialPosts(t, vs, OPT.posts, "loaded");
  log(`  ${OPT.posts} sequential posts on the loaded DB: p50 ${ms(pct(postLat, 50))}  p95 ${ms(pct(postLat, 95))}  p99 ${ms(pct(postLat, 99))}`);
  const prev = await t.pool.query<{ "QUERY PLAN": string }>(
    `EXPLAIN ANALYZE SELECT "seq", "hash" FROM "LedgerTransaction" WHERE "villageId" = $1 ORDER BY "seq" DESC LIMIT 1`,
    [scale.villages[0]],
  );
  const pl = prev.rows.map((r) => r["QUERY PLAN"]);
  log(`  EXPLAIN previous-hash lookup: ${pl.find((l) => /Scan/.test(l))?.trim().replace(/\s+\(cost=.*?\)/, "").replace(/^->\s*/, "")} | ${pl.find((l) => l.startsWith("Execution Time"))}`);

  const verdict = (x: number, goal: number) => (x < goal ? "PASS" : "MISS");
  const three = (xs: number[]) => `${pct(xs, 50).toFixed(2)} / ${pct(xs, 95).toFixed(2)} / ${pct(xs, 99).toFixed(2)} ms`;
  return [
    { metric: "householdBalance p50 / p95 / p99", value: three(bal), goal: `p95 < ${GOAL.balanceP95} ms`, verdict: verdict(pct(bal, 95), GOAL.balanceP95) },
    { metric: "householdStatement page 1 (20) p50/p95/p99", value: three(first), goal: `p95 < ${GOAL.statementP95} ms`, verdict: verdict(pct(first, 95), GOAL.statementP95) },
    { metric: "householdStatement deepest page p50/p95/p99", value: three(deepLat), goal: `p95 < ${GOAL.statementP95} ms`, verdict: verdict(pct(deepLat, 95), GOAL.statementP95) },
    { metric: "raw SQL balance p50/p95/p99 (info)", value: three(rawBal), goal: "", verdict: "" },
    { metric: "raw SQL statement page 1 p50/p95/p99 (info)", value: three(rawFirst), goal: "", verdict: "" },
    { metric: "post p50 / p95, loaded DB, sequential", value: `${ms(pct(postLat, 50))} / ${ms(pct(postLat, 95))}`, goal: "", verdict: "" },
  ];
}

async function scale(t: Target, households: number, postings: number): Promise<Row[]> {
  log(`scale: ${int(households)} households, ${int(postings)} postings in ${OPT.villages} villages, set-based SQL`);
  const s = await bulkLoad(t, households, postings, OPT.villages);
  const rows: Row[] = [
    { metric: `bulk load (${int(households)} hh, ${int(postings)} postings)`, value: `${(s.loadMs / 1000).toFixed(1)} s (inserts ${(s.insertMs / 1000).toFixed(1)} s, vacuum ${(s.vacuumMs / 1000).toFixed(1)} s)`, goal: "", verdict: "" },
    { metric: "size LedgerPosting / LedgerTransaction", value: `${mb(s.sizes.LedgerPosting ?? 0)} / ${mb(s.sizes.LedgerTransaction ?? 0)}`, goal: "", verdict: "" },
    { metric: "size database", value: mb(s.dbBytes), goal: "", verdict: "" },
  ];
  return [...rows, ...(await reads(t, s, households))];
}

function table(title: string, rows: Row[]) {
  const w = [Math.max(6, ...rows.map((r) => r.metric.length)), Math.max(5, ...rows.map((r) => r.value.length)), Math.max(4, ...rows.map((r) => r.goal.length)), 7];
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(["metric", "value", "goal", "result"]));
  console.log(line(w.map((n) => "-".repeat(n))));
  for (const r of rows) console.log(line([r.metric, r.value, r.goal, r.verdict]));
}

async function bench(t: Target, households: number, postings: number, seconds: number) {
  await baseRows(t.pool);
  const rows = await throughput(t, seconds);
  rows.push(...(await scale(t, households, postings)));
  return rows;
}

async function main() {
  log(`options: ${JSON.stringify(OPT)}; ${load()}`);
  const results: [string, Row[]][] = [];
  const pgT = await openPostgres();
  try {
    const v = await pgT.pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    results.push([`PostgreSQL ${v.rows[0]!.v} (127.0.0.1, ${OPT.clients} clients)`, await bench(pgT, OPT.households, OPT.postings, OPT.seconds)]);
  } finally {
    await pgT.close();
  }
  if (OPT.pglite) {
    const lite = await openPglite();
    try {
      results.push([`PGlite (embedded, in memory; ${OPT.clients} clients share one backend)`, await bench(lite, OPT.pgliteHouseholds, OPT.pglitePostings, OPT.pgliteSeconds)]);
    } finally {
      await lite.close();
    }
  }
  for (const [title, rows] of results) table(title, rows);
  console.log(`\nAt the end: ${load()}.`);
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s. Figures only: this benchmark never fails on timing.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
