/**
 * `npm run bench`: start-up and footprint of the production build (`npm run build` first).
 *   - cold start of `npm start` (scripts/serve.ts with NEXT_CMD=start) on an already migrated and
 *     seeded PGlite data dir: spawn -> /signin answers 200, 3 runs and the median
 *   - RSS of the whole process tree (serve.ts hosting PGlite + the Next.js server), idle and after
 *     500 requests (sign-in page, tRPC calls and the villager home, as a signed-in villager)
 *   - first-load JS of the villager home page (every /_next/static script of /v, gzipped)
 * Prints a table against the targets; never fails on timing.
 *   node --import tsx bench/startup.ts [--runs 3] [--requests 500] [--concurrency 4] [--keep]
 *     [--pg postgresql://postgres@127.0.0.1:5432/postgres]   also on a fresh database of a real server
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { pgConfig } from "../server/db/pg-adapter";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 3);
const REQUESTS = arg("requests", 500);
const CONCURRENCY = arg("concurrency", 4);
const KEEP = process.argv.includes("--keep");
const TARGET = { coldStartMs: 2000, rssMb: 300, villagerJsKb: 150 };
const VILLAGER = { phone: "13800000001", password: "demo1234" };
/** --pg <server url>: also measure `npm start` on a fresh database of that real PostgreSQL server. */
const PG_SERVER = process.argv.includes("--pg") ? (process.argv[process.argv.indexOf("--pg") + 1] ?? "postgresql://postgres@127.0.0.1:5432/postgres") : null;

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

// ───────────── helpers ─────────────
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const kb = (bytes: number) => bytes / 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** pid and all its descendants, from /proc/<pid>/stat (field 4 is the parent pid). */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

function rssOf(pid: number): { name: string; kb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const name = /Name:\s+(.+)/.exec(status)?.[1] ?? "?";
    return rss ? { name, kb: Number(rss[1]) } : null;
  } catch {
    return null;
  }
}

function treeRss(root: number) {
  const parts = processTree(root)
    .map((pid) => ({ pid, ...rssOf(pid) }))
    .filter((p): p is { pid: number; name: string; kb: number } => typeof p.kb === "number");
  return { mb: parts.reduce((n, p) => n + p.kb, 0) / 1024, parts };
}

type Server = { proc: ChildProcess; port: number; base: string; log: string[]; spawnedAt: number };
/** Where the data lives: a PGlite data dir (the default `npm start`) or a real PostgreSQL database. */
type Mode = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; seed: boolean };

function startServer(mode: Mode, port: number): Server {
  const log: string[] = [];
  const spawnedAt = performance.now();
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_CMD: "start",
      ...(mode.kind === "pglite"
        ? { PGLITE_DIR: mode.dataDir, DATABASE_URL: undefined }
        : { DATABASE_URL: mode.url, SEED_DEMO: mode.seed ? "1" : "0" }),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) log.push(`${Math.round(performance.now() - spawnedAt)} ms  ${line}`);
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  return { proc, port, base: `http://127.0.0.1:${port}`, log, spawnedAt };
}

/** Milliseconds from spawn until /signin answers 200. */
async function waitReady(s: Server, timeoutMs = 180_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (s.proc.exitCode !== null) throw new Error(`server exited with ${s.proc.exitCode}:\n${s.log.join("\n")}`);
    try {
      const res = await fetch(`${s.base}/signin`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - s.spawnedAt;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${s.log.join("\n")}`);
}

/** SIGTERM to serve.ts (it stops Next.js and closes PGlite); returns ms to exit and leftover pids. */
async function stopServer(s: Server): Promise<{ ms: number; leftovers: number[] }> {
  const pids = processTree(s.proc.pid!);
  const t0 = performance.now();
  const exited = new Promise<void>((r) => (s.proc.exitCode !== null ? r() : s.proc.once("exit", () => r())));
  s.proc.kill("SIGTERM");
  const ok = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
  const ms = performance.now() - t0;
  if (!ok) for (const pid of pids) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
  await sleep(300);
  const leftovers = pids.filter((pid) => {
    try {
      const state = /State:\s+(\w)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return state !== "Z";
    } catch {
      return false;
    }
  });
  return { ms, leftovers };
}

// ───────────── a tiny cookie jar and sign-in through next-auth ─────────────
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(name: string) {
    return [...this.cookies.keys()].some((k) => k.includes(name));
  }
}

async function signIn(base: string): Promise<Jar> {
  const jar = new Jar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, ...VILLAGER, callbackUrl: `${base}/`, json: "true" }),
  });
  jar.take(res);
  await res.arrayBuffer();
  if (!jar.has("session-token")) throw new Error(`sign-in failed (${res.status})`);
  return jar;
}

// ───────────── the measurements ─────────────
async function loadTest(base: string, jar: Jar) {
  const mix = [
    { name: "GET /signin", url: "/signin", auth: false },
    { name: "tRPC me.get", url: "/api/trpc/me.get", auth: true },
    { name: "tRPC household.mine", url: "/api/trpc/household.mine", auth: true },
    { name: "GET /v (villager home)", url: "/v", auth: true },
    { name: "tRPC me.get + household.mine (batch)", url: "/api/trpc/me.get,household.mine?batch=1&input=%7B%7D", auth: true },
  ];
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const failures: string[] = [];
  let next = 0;
  const t0 = performance.now();
  async function worker() {
    while (next < REQUESTS) {
      const item = mix[next++ % mix.length]!;
      const start = performance.now();
      const res = await fetch(base + item.url, { headers: item.auth ? { cookie: jar.header() } : {}, redirect: "manual" });
      await res.arrayBuffer();
      const ms = performance.now() - start;
      times.push(ms);
      byKind.set(item.name, [...(byKind.get(item.name) ?? []), ms]);
      if (res.status !== 200) failures.push(`${item.url} -> ${res.status}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { times, byKind, failures, wallMs: performance.now() - t0 };
}

async function villagerJs(base: string, jar: Jar) {
  const res = await fetch(`${base}/v`, { headers: { cookie: jar.header() }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`/v answered ${res.status}`);
  // every script a modern browser loads: `nomodule` polyfills are skipped by browsers that run modules
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const srcs = [...new Set(tags.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&")))].filter(
    (s): s is string => !!s && s.startsWith("/_next/static/"),
  );
  const files = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(base + src)).arrayBuffer());
    files.push({ src, raw: body.length, gzip: gzipSync(body).length });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, gzip: files.reduce((n, f) => n + f.gzip, 0), raw: files.reduce((n, f) => n + f.raw, 0), htmlGzip: gzipSync(html).length };
}

// ───────────── run ─────────────
const lines: string[] = [];
const say = (s = "") => {
  console.log(s);
  lines.push(s);
};
const results: { title: string; rows: [string, string, string, boolean][] }[] = [];

async function measure(title: string, prepareMode: Mode, runMode: Mode) {
  say();
  say(`## ${title}`);
  // 1. prepare: one start on an empty database applies the migrations and loads the demo data
  {
    const s = startServer(prepareMode, await freePort());
    const ms = await waitReady(s);
    const stop = await stopServer(s);
    say(`prepare (empty database: migrate deploy + demo seed + next start): ${(ms / 1000).toFixed(2)} s; stop ${Math.round(stop.ms)} ms`);
  }

  // 2. cold starts on the prepared database
  const colds: number[] = [];
  let timeline: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = startServer(runMode, await freePort());
    const ms = await waitReady(s);
    colds.push(ms);
    timeline = s.log.filter((l) => /\[serve\]|\[seed\]|Ready in|Starting/.test(l));
    const stop = await stopServer(s);
    say(`cold start ${i + 1}: ${Math.round(ms)} ms (stopped in ${Math.round(stop.ms)} ms${stop.leftovers.length ? `, LEFTOVER pids ${stop.leftovers.join(",")}` : ", no leftover process"})`);
  }
  say(`  where the time goes (last run, ms since spawn; /signin answered 200 at ${Math.round(colds.at(-1)!)} ms):`);
  for (const l of timeline) say(`    ${l}`);

  // 3. footprint and load on a running server
  const s = startServer(runMode, await freePort());
  await waitReady(s);
  await sleep(3000);
  const idle = treeRss(s.proc.pid!);
  const jar = await signIn(s.base);
  const load = await loadTest(s.base, jar);
  await sleep(1000);
  const loaded = treeRss(s.proc.pid!);
  const js = await villagerJs(s.base, jar);
  await stopServer(s);

  say();
  say(`RSS by process (idle → after ${REQUESTS} requests):`);
  for (const p of loaded.parts) {
    const before = idle.parts.find((q) => q.pid === p.pid);
    say(`  ${String(p.pid).padStart(7)} ${p.name.padEnd(16)} ${before ? (before.kb / 1024).toFixed(0).padStart(5) : "    -"} MB → ${(p.kb / 1024).toFixed(0).padStart(5)} MB`);
  }
  say();
  say(`${REQUESTS} requests, concurrency ${CONCURRENCY}: ${(load.wallMs / 1000).toFixed(1)} s, ${((REQUESTS / load.wallMs) * 1000).toFixed(0)} req/s, ` +
    `p50 ${percentile(load.times, 50).toFixed(1)} ms, p95 ${percentile(load.times, 95).toFixed(1)} ms, max ${Math.max(...load.times).toFixed(0)} ms, non-200: ${load.failures.length}`);
  for (const [name, ts] of load.byKind) say(`  ${name.padEnd(40)} n=${String(ts.length).padStart(3)}  p50 ${percentile(ts, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(ts, 95).toFixed(1).padStart(6)} ms`);
  if (load.failures.length) say(`  first failures: ${load.failures.slice(0, 5).join("; ")}`);
  say();
  say(`Villager home (/v) first-load JS: ${js.files.length} scripts, ${kb(js.raw).toFixed(1)} KB raw, ${kb(js.gzip).toFixed(1)} KB gzip (the HTML itself: ${kb(js.htmlGzip).toFixed(1)} KB gzip)`);
  for (const f of js.files) say(`  ${kb(f.gzip).toFixed(1).padStart(6)} KB gzip  ${kb(f.raw).toFixed(1).padStart(7)} KB raw  ${f.src}`);

  const cold = median(colds);
  const nextServer = (r: ReturnType<typeof treeRss>) => r.parts.filter((p) => p.name.startsWith("next-server")).reduce((n, p) => n + p.kb, 0) / 1024;
  results.push({
    title,
    rows: [
      [`cold start, median of ${RUNS}`, `${(cold / 1000).toFixed(2)} s`, "< 2 s", cold < TARGET.coldStartMs],
      ["RSS idle (process tree)", `${idle.mb.toFixed(0)} MB`, "< 300 MB", idle.mb < TARGET.rssMb],
      [`RSS after ${REQUESTS} requests (tree)`, `${loaded.mb.toFixed(0)} MB`, "< 300 MB", loaded.mb < TARGET.rssMb],
      [`  of which next-server, idle / after`, `${nextServer(idle).toFixed(0)} / ${nextServer(loaded).toFixed(0)} MB`, "", true],
      ["villager first-load JS (gzip)", `${kb(js.gzip).toFixed(1)} KB`, "<= 150 KB", kb(js.gzip) <= TARGET.villagerJsKb],
      [`requests p50 / p95 (concurrency ${CONCURRENCY})`, `${percentile(load.times, 50).toFixed(0)} / ${percentile(load.times, 95).toFixed(0)} ms`, "", true],
    ],
  });
  say(`(cold starts: ${colds.map((c) => `${Math.round(c)} ms`).join(", ")})`);
}

const work = mkdtempSync(path.join(tmpdir(), "mb-bench-"));
let pgDatabase: string | null = null;
try {
  say(`Moral Bank start-up benchmark — ${new Date().toISOString()} — node ${process.version} — load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const pglite: Mode = { kind: "pglite", dataDir: path.join(work, "pglite") };
  await measure(`npm start on the embedded PGlite (data dir ${pglite.dataDir})`, pglite, pglite);

  if (PG_SERVER) {
    pgDatabase = `mb_bench_start_${Date.now()}`;
    const admin = new pg.Client(pgConfig(PG_SERVER));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${pgDatabase}"`);
    await admin.end();
    const u = new URL(PG_SERVER);
    u.pathname = `/${pgDatabase}`;
    // prepared with the demo data; measured as production runs it, with SEED_DEMO=0
    await measure(
      `npm start on PostgreSQL (DATABASE_URL=…/${pgDatabase}, SEED_DEMO=0)`,
      { kind: "postgres", url: u.toString(), seed: true },
      { kind: "postgres", url: u.toString(), seed: false },
    );
  }

  say();
  say(`| ${"measure".padEnd(36)} | ${"value".padStart(14)} | ${"target".padStart(10)} | ok   |`);
  say(`|${"-".repeat(38)}|${"-".repeat(16)}|${"-".repeat(12)}|------|`);
  for (const r of results) {
    say(`| **${r.title.replace(/ \(.*$/, "")}** ${"".padEnd(Math.max(0, 32 - r.title.replace(/ \(.*$/, "").length))} | | | |`);
    for (const [what, value, target, pass] of r.rows) say(`| ${what.padEnd(36)} | ${value.padStart(14)} | ${target.padStart(10)} | ${target ? (pass ? "PASS" : "MISS") : "    "} |`);
  }
  mkdirSync("bench/out", { recursive: true });
  writeFileSync("bench/out/startup.txt", lines.join("\n") + "\n");
  console.log("\n(saved to bench/out/startup.txt)");
} finally {
  if (!KEEP) rmSync(work, { recursive: true, force: true });
  if (pgDatabase && PG_SERVER && !KEEP) {
    const admin = new pg.Client(pgConfig(PG_SERVER));
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`);
    await admin.end();
  }
}
