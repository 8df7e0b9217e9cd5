/**
 * What the HTTP benchmarks (bench/checkin.ts, bench/redeem.ts) share: options, a fresh database on the
 * real PostgreSQL, starting `npm start` on it, sessions, a tRPC-over-HTTP client that speaks exactly
 * what the browser's httpBatchLink sends (superjson, `?batch=1`), latency statistics and the summary.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { gunzipSync, inflateSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { encode } from "next-auth/jwt";
import pg from "pg";
import superjson from "superjson";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import { pgConfig } from "@/server/db/pg-adapter";

// ───────────── options ─────────────
const argv = process.argv.slice(2);
export const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
export const str = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? String(argv[i + 1]) : fallback;
};
export const flag = (name: string) => argv.includes(`--${name}`);

// ───────────── small helpers ─────────────
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = performance.now();
export const log = (msg: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
/** Other work on the machine (2 cores, shared) skews every figure: print the load next to them. */
export const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores`;
export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "—");
export const three = (xs: number[]) => `${ms(pct(xs, 50))} / ${ms(pct(xs, 95))} / ${ms(pct(xs, 99))}`;
export const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
export const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};
/** Ids for rows the bench inserts itself (the app's own rows get Prisma's cuid). */
export const newId = () => randomUUID().replaceAll("-", "").slice(0, 25);

export type Row = { metric: string; value: string; goal: string; verdict: string };
export const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

export function table(title: string, rows: Row[]) {
  const w = [Math.max(6, ...rows.map((r) => r.metric.length)), Math.max(5, ...rows.map((r) => r.value.length)), Math.max(4, ...rows.map((r) => r.goal.length)), 6];
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(["metric", "value", "goal", "result"]));
  console.log(line(w.map((n) => "-".repeat(n))));
  for (const r of rows) console.log(line([r.metric, r.value, r.goal, r.verdict]));
}

// ───────────── the database ─────────────
/** A fresh, empty database `<prefix>_<timestamp>` on the real server; `drop()` removes it (unless keep). */
export async function freshDatabase(serverUrl: string, prefix: string, keep: boolean) {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client(pgConfig(serverUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    async drop() {
      if (keep) {
        log(`--keep: database ${name} left in place (${u.toString()})`);
        return;
      }
      const a = new pg.Client(pgConfig(serverUrl));
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
      log(`dropped database ${name}`);
    },
  };
}

// ───────────── the app server ─────────────
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export type App = { proc: ChildProcess | null; base: string; log: string[] };

/**
 * `npm start` (scripts/serve.ts with NEXT_CMD=start, the production build) on `databaseUrl`: it applies
 * the migrations with `prisma migrate deploy`, as in production, then runs `next start`. No demo data.
 * Resolves when /signin answers 200. `--node-options "<flags>"` on a bench's command line reaches it here.
 */
export async function startApp(opts: { databaseUrl: string; secret: string; port: number; poolMax?: number; nodeOptions?: string }): Promise<App> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build here: run `npm run build` first (or pass --base URL).");
  const base = `http://127.0.0.1:${opts.port}`;
  const lines: string[] = [];
  const t0 = performance.now();
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(opts.port)], {
    env: {
      ...process.env,
      NEXT_CMD: "start",
      DATABASE_URL: opts.databaseUrl,
      SEED_DEMO: "0",
      NEXTAUTH_SECRET: opts.secret,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      ...(opts.poolMax ? { DB_POOL_MAX: String(opts.poolMax) } : {}),
      // e.g. a larger heap than serve.ts's --max-old-space-size=160, or --cpu-prof (serve.ts keeps NODE_OPTIONS when set)
      ...(opts.nodeOptions ? { NODE_OPTIONS: opts.nodeOptions } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(line);
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${lines.join("\n")}`);
    try {
      const res = await fetch(`${base}/signin`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        log(`npm start answered on ${base} after ${((performance.now() - t0) / 1000).toFixed(1)} s (migrate deploy + next start)`);
        return { proc, base, log: lines };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  proc.kill("SIGTERM");
  throw new Error(`npm start not ready after 180 s:\n${lines.join("\n")}`);
}

/** pid and all its descendants (field 4 of /proc/<pid>/stat is the parent). */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** CPU seconds (user + system) of the app's process tree: how much of the machine the server used. */
export function appCpuSeconds(app: App): number | null {
  if (!app.proc?.pid || app.proc.exitCode !== null) return null;
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of processTree(app.proc.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return total / tick;
}

/**
 * Resident memory of the app's process tree in MB: `tree` (launcher + next-server + anything they
 * started) and `next` (the next-server process alone, by its process title), or null once it has ended.
 */
export function appRss(app: App): { tree: number; next: number } | null {
  if (!app.proc?.pid || app.proc.exitCode !== null) return null;
  let tree = 0;
  let next = 0;
  for (const pid of processTree(app.proc.pid)) {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      tree += kb;
      if (/next-server/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"))) next = Math.max(next, kb);
    } catch {
      // gone
    }
  }
  return { tree: tree / 1024, next: next / 1024 };
}

export async function stopApp(app: App) {
  const proc = app.proc;
  if (!proc || proc.exitCode !== null) return;
  const pids = processTree(proc.pid!);
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  proc.kill("SIGTERM");
  const ok = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!ok) for (const pid of pids) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
}

/** Server errors the app printed (tRPC internal errors, Prisma pool timeouts …), distinct lines with counts. */
export function appErrors(app: App): string[] {
  const counts = new Map<string, number>();
  for (const l of app.log) if (/error|timed out|timeout|ECONN|deadlock/i.test(l) && !/^\s*at /.test(l)) counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${n} × ${l}`);
}

// ───────────── sessions ─────────────
export const SESSION_COOKIE = "next-auth.session-token"; // http:// NEXTAUTH_URL: no __Secure- prefix
export const MEMBERSHIP_COOKIE = "mb_membership"; // server/auth/session.ts

/**
 * The cookies a browser holds after signing in: next-auth's JWT session (encrypted with the server's
 * NEXTAUTH_SECRET, `uid` as server/auth/options.ts puts it) and the chosen membership.
 */
export async function mintSession(secret: string, userId: string, membershipId: string): Promise<string> {
  const jwt = await encode({ token: { sub: userId, uid: userId }, secret, maxAge: 3600 });
  return `${SESSION_COOKIE}=${jwt}; ${MEMBERSHIP_COOKIE}=${membershipId}`;
}

/** A real sign-in through next-auth's credentials callback (CSRF cookie + form post), as the sign-in page does. */
export async function signIn(base: string, phone: string, password: string, membershipId: string): Promise<string> {
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, phone, password, callbackUrl: `${base}/`, json: "true" }),
  });
  take(res);
  await res.arrayBuffer();
  const session = jar.get(SESSION_COOKIE);
  if (!session) throw new Error(`sign-in of ${phone} failed (${res.status})`);
  return `${SESSION_COOKIE}=${session}; ${MEMBERSHIP_COOKIE}=${membershipId}`;
}

// ───────────── tRPC over HTTP ─────────────
export type Call<T = unknown> = {
  ok: boolean;
  status: number;
  ms: number;
  data: T;
  /** DomainError code (errorFormatter in server/trpc/init.ts) or the tRPC code, or NETWORK */
  code: string | null;
  message: string | null;
};

/**
 * The load generator shares the 2 cores with the server and PostgreSQL, so it sends with node:http
 * (about half the client CPU of fetch and its web streams): keep-alive sockets, no limit per host,
 * gzip accepted like a phone's browser; a request gives up after 60 s without a byte from the server.
 */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function send(url: string, method: "GET" | "POST", headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { "accept-encoding": "gzip, deflate", ...headers }, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const enc = res.headers["content-encoding"];
        const buf = enc === "gzip" ? gunzipSync(raw) : enc === "deflate" ? inflateSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, text: buf.toString("utf8") });
      });
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 60 s")));
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * One procedure call as the browser's `httpBatchLink({ transformer: superjson })` sends it: a batch of
 * one, POST for mutations (body `{"0": <superjson>}`), GET with `?input=` for queries.
 */
export async function trpc<T = unknown>(base: string, cookie: string, path: string, input: unknown, kind: "query" | "mutation"): Promise<Call<T>> {
  const wire = JSON.stringify({ 0: input === undefined ? {} : superjson.serialize(input) });
  const url = kind === "query" ? `${base}/api/trpc/${path}?batch=1&input=${encodeURIComponent(wire)}` : `${base}/api/trpc/${path}?batch=1`;
  const t0 = performance.now();
  try {
    const res = await send(url, kind === "query" ? "GET" : "POST", { cookie, ...(kind === "mutation" ? { "content-type": "application/json" } : {}) }, kind === "mutation" ? wire : undefined);
    const text = res.text;
    const elapsed = performance.now() - t0;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, status: res.status, ms: elapsed, data: undefined as T, code: `HTTP_${res.status}`, message: text.slice(0, 200) };
    }
    const first = (Array.isArray(body) ? body[0] : body) as {
      result?: { data: { json: unknown; meta?: unknown } };
      error?: { json: { message: string; code: number; data?: { code?: string; domainCode?: string } } };
    };
    if (first?.result) return { ok: true, status: res.status, ms: elapsed, data: superjson.deserialize(first.result.data as never) as T, code: null, message: null };
    const err = first?.error?.json;
    return { ok: false, status: res.status, ms: elapsed, data: undefined as T, code: err?.data?.domainCode ?? err?.data?.code ?? `HTTP_${res.status}`, message: err?.message ?? null };
  } catch (e) {
    return { ok: false, status: 0, ms: performance.now() - t0, data: undefined as T, code: "NETWORK", message: e instanceof Error ? e.message : String(e) };
  }
}

/** Counts of codes, "CODE ×n" joined, for the report. */
export const tally = (codes: (string | null)[]) => {
  const m = new Map<string, number>();
  for (const c of codes) m.set(c ?? "ok", (m.get(c ?? "ok") ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ×${n}`).join(", ") || "none";
};

// ───────────── seed data (written straight into the fresh database, as tests/factories do) ─────────────
export const BENCH_PASSWORD = "bench-password-1";

export type Person = { userId: string; membershipId: string; phone: string };
export type BenchHousehold = { id: string; number: string; head: Person; second: Person | null };

let phoneSeq = 0;
/** 11-digit mobile numbers the sign-in form accepts (1[3-9]…), unique within the fresh database. */
const nextPhone = () => `139${String(phoneSeq++).padStart(8, "0")}`;

async function chunked<T>(rows: T[], write: (part: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** County → town → village with one grid. */
export async function seedVillage(db: Db, name: string) {
  const county = await db.region.create({ data: { kind: "COUNTY", name: `${name}县` }, select: { id: true } });
  const town = await db.region.create({ data: { kind: "TOWN", name: `${name}镇`, parentId: county.id }, select: { id: true } });
  const village = await db.region.create({ data: { kind: "VILLAGE", name: `${name}村`, parentId: town.id }, select: { id: true, name: true } });
  const grid = await db.grid.create({ data: { villageId: village.id, name: "第一网格" }, select: { id: true } });
  return { id: village.id, name: village.name, gridId: grid.id };
}

/** `n` users with one membership each (`role` in the village), all with BENCH_PASSWORD (one argon2 hash). */
export async function seedPeople(db: Db, villageId: string, role: Role, n: number, namePrefix: string): Promise<Person[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const people = Array.from({ length: n }, () => ({ userId: newId(), membershipId: newId(), phone: nextPhone() }));
  await chunked(people, (part) =>
    db.user.createMany({ data: part.map((p, i) => ({ id: p.userId, phone: p.phone, name: `${namePrefix}${i + 1}`.slice(0, 20), passwordHash })) }),
  );
  await chunked(people, (part) => db.membership.createMany({ data: part.map((p) => ({ id: p.membershipId, userId: p.userId, regionId: villageId, role })) }));
  return people;
}

/**
 * `n` active households, each head with a villager account; a `secondShare` of them also have a second
 * member (a grown child) with their own account, the case where two members scan the same event.
 */
export async function seedHouseholds(db: Db, village: { id: string; gridId: string }, n: number, secondShare: number): Promise<BenchHousehold[]> {
  const heads = await seedPeople(db, village.id, "VILLAGER", n, "户主");
  const nSecond = Math.round(n * secondShare);
  const seconds = await seedPeople(db, village.id, "VILLAGER", nSecond, "成员");
  const hs: BenchHousehold[] = heads.map((head, i) => ({ id: newId(), number: String(i + 1).padStart(4, "0"), head, second: seconds[i] ?? null }));
  await chunked(hs, (part) =>
    db.household.createMany({ data: part.map((h, i) => ({ id: h.id, villageId: village.id, number: h.number, headName: `户主${i + 1}`, gridId: village.gridId })) }),
  );
  const members = hs.flatMap((h) => [
    { householdId: h.id, name: `户主${h.number}`, relation: "HEAD" as const, userId: h.head.userId },
    ...(h.second ? [{ householdId: h.id, name: `成员${h.number}`, relation: "CHILD" as const, userId: h.second.userId }] : []),
  ]);
  await chunked(members, (part) => db.householdMember.createMany({ data: part }));
  return hs;
}

/** An adopted rule book with one rule (as tests/factories/points.ts makeRuleBook leaves it); returns the rule id. */
export async function seedRule(db: Db, villageId: string, createdById: string, points: number) {
  const book = await db.ruleBook.create({
    data: { villageId, version: 1, title: "积分细则第1版", status: "ADOPTED", createdById, adoptedAt: new Date(), adoptedById: createdById, adoptedBy: "村民代表会议表决通过" },
    select: { id: true },
  });
  const rule = await db.rule.create({
    data: { ruleBookId: book.id, villageId, code: "G01", category: "ENVIRONMENT", title: "参加村庄环境整治义务劳动", points },
    select: { id: true },
  });
  return rule.id;
}

/**
 * Sessions for everyone: `real` of them sign in through next-auth for real (argon2 check, the login
 * throttle), the rest get a session minted with the server's secret (same cookie, same JWT format).
 */
export async function sessionsFor(base: string, secret: string, people: Person[], real: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of people.slice(0, real)) out.set(p.userId, await signIn(base, p.phone, BENCH_PASSWORD, p.membershipId));
  for (const p of people.slice(real)) out.set(p.userId, await mintSession(secret, p.userId, p.membershipId));
  return out;
}

/**
 * Samples pg_stat_activity of the app's database every 100 ms during a run: what the server's connections
 * are doing (running a statement, waiting for a lock, idle inside a transaction while Node works, idle).
 * `summary()` gives the share of samples per state, and how many connections were busy on average.
 * The bench disconnects its own Prisma client before a run, so every connection seen is the server's.
 */
export function sampleActivity(databaseUrl: string) {
  const client = new pg.Client(pgConfig(databaseUrl));
  const counts = new Map<string, number>();
  let samples = 0;
  let busySum = 0;
  let stopped = false;
  const loop = (async () => {
    await client.connect();
    const db = new URL(databaseUrl).pathname.slice(1);
    while (!stopped) {
      const { rows } = await client.query<{ state: string | null; wait: string | null }>(
        `SELECT state, CASE WHEN wait_event_type IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS wait
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [db],
      );
      samples++;
      for (const r of rows) {
        const key = r.state === "active" ? (r.wait && !r.wait.startsWith("Client") ? `active, waiting ${r.wait}` : "active (running)") : (r.state ?? "?");
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (r.state !== "idle") busySum++;
      }
      await sleep(100);
    }
    await client.end();
  })();
  return {
    async summary() {
      stopped = true;
      await loop;
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      const shares = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${((n / total) * 100).toFixed(0)} %`).join(", ");
      return { text: `${shares}; on average ${(busySum / Math.max(1, samples)).toFixed(1)} connections not idle (${samples} samples)` };
    },
  };
}

/**
 * The end of a bench run, pass or fail: says so if the server died during the run (with its last lines),
 * then disconnects, stops the server and drops the fresh database.
 */
export async function finishRun(app: App | null | undefined, db: { $disconnect(): Promise<void> }, fresh: { drop(): Promise<void> } | null | undefined) {
  if (app?.proc && app.proc.exitCode !== null) {
    console.log(`\nnpm start EXITED with code ${app.proc.exitCode} during the run; its last lines:`);
    for (const l of app.log.filter((x) => /FATAL|heap|Killed|signal/i.test(x)).slice(0, 5)) console.log(`  ${l.slice(0, 300)}`);
    for (const l of app.log.slice(-5)) console.log(`  ${l.slice(0, 300)}`);
  }
  await db.$disconnect();
  if (app) await stopApp(app);
  await fresh?.drop();
}
