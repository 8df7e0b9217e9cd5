/**
 * `npm run dev` / `npm start`: starts the embedded PostgreSQL (PGlite, data under .data/) unless
 * DATABASE_URL names a real server, applies pending migrations, loads demo data into an empty
 * database, then runs Next.js. No env file needed for the embedded database; on a real server
 * `npm start` needs NEXTAUTH_SECRET (README, "Deployment").
 *
 * This launcher reads a few variables of its own (PGLITE_DIR, PGLITE_PORT, SEED_DEMO, NEXT_CMD) raw:
 * they shape how it starts the database and are never seen by the app. Everything the app reads is
 * checked against server/env-rules.ts before anything starts.
 */
import { spawn } from "node:child_process";
import type { Server } from "node:http";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDb } from "../server/db/embedded-db";
import { applyMigrationFiles, migrationNames, pendingMigrations } from "../server/db/migrate";
import { pgConfig } from "../server/db/pg-adapter";
import { checkEnv, refusalMessage } from "../server/env-rules";
import { freePort, startPeerFront, waitForPort } from "./peer-front";

const t0 = Date.now();
const external = !!process.env.DATABASE_URL;
const dataDir = process.env.PGLITE_DIR ?? ".data/pglite"; // "memory" => in-memory (tests)
const inMemory = dataDir === "memory";
mkdirSync(".data", { recursive: true });
if (!external && !inMemory) mkdirSync(dataDir, { recursive: true });

const nextCmd = process.env.NEXT_CMD ?? "dev";

/**
 * The auth key: from env on a real database. For the embedded database (and `npm run dev`) it is
 * generated once and kept under .data/. `npm start` on a real database never invents one: a key per
 * machine would silently break sessions between instances, so the rules below refuse instead.
 */
function authSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (external && nextCmd === "start") return undefined;
  const file = ".data/auth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

// Refuse an unsafe production start before touching any database (next start runs in production mode).
const checked = checkEnv({
  ...process.env,
  NODE_ENV: nextCmd === "start" ? "production" : process.env.NODE_ENV,
  DB_EMBEDDED: external ? "0" : "1",
  NEXTAUTH_SECRET: authSecret(),
});
if (!checked.ok) {
  console.error(refusalMessage(checked.problems));
  process.exit(1);
}

/**
 * The public address: `-p`/`--port` and `-H`/`--hostname` (as `next` takes them) or PORT, default 3000
 * on every interface. The launcher's front server (scripts/peer-front.ts) listens there and Next.js on
 * a loopback port of its own, so the app learns each request's real peer address. The other
 * arguments go to `next` unchanged.
 */
function splitArgs(args: string[]) {
  const rest: string[] = [];
  let port = Number(process.env.PORT ?? 3000);
  let host: string | undefined = process.env.HOSTNAME;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (flag === "-p" || flag === "--port") port = Number(inline ?? args[++i]);
    else if (flag === "-H" || flag === "--hostname") host = inline ?? args[++i];
    else rest.push(a);
  }
  return { port, host, rest };
}
const publicAddr = splitArgs(process.argv.slice(2));
const peerToken = randomBytes(32).toString("hex");

const db = external
  ? null
  : await startEmbeddedDb({ dataDir: inMemory ? undefined : dataDir, port: Number(process.env.PGLITE_PORT ?? 0) });
if (db) console.log(`[serve] PGlite up in ${Date.now() - t0} ms`);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? db!.url,
  NEXTAUTH_SECRET: authSecret(),
  // tells the app's env rules that demo data and test hooks are allowed here
  DB_EMBEDDED: external ? "0" : "1",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  DEMO_MODE: process.env.DEMO_MODE ?? (external ? "0" : "1"),
  // one connection to the embedded PGlite (a single session; see server/db/client.ts)
  DB_POOL_MAX: process.env.DB_POOL_MAX ?? (external ? "5" : "1"),
  // the key that makes the front server's x-mb-peer header believable (server/http/client-ip.ts)
  MB_PEER_TOKEN: peerToken,
};

// Never spawnSync here: this process hosts PGlite and would deadlock (STACK.md pitfall 5).
const run = (cmd: string, args: string[]) =>
  new Promise<void>((resolve, reject) =>
    spawn(cmd, args, { stdio: "inherit", env }).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`)),
    ),
  );

const pending = await pendingMigrations(env.DATABASE_URL!);
if (pending.length && inMemory) {
  // a throw-away database (e2e): apply the files directly, skipping `migrate deploy`'s ~10 s timer
  console.log(`[serve] applying ${pending.length} migration file(s) to the in-memory database…`);
  await applyMigrationFiles(env.DATABASE_URL!);
} else if (pending.length) {
  console.log(`[serve] applying ${pending.length} migration(s)…`);
  await run("node_modules/.bin/prisma", ["migrate", "deploy"]);
}
/**
 * The demo seed is idempotent but costs a process start (~0.7 s of a ~2.3 s cold start). A PGlite
 * data dir remembers, in a small file inside it, the fingerprint of the seed code that last ran
 * there; the seed runs again only when that code changed, a migration was applied or the database
 * has no places at all. In memory and on DATABASE_URL (with SEED_DEMO=1) it always runs.
 */
function seedFingerprint(): string {
  const h = createHash("sha256");
  for (const f of readdirSync("prisma").filter((n) => n.endsWith(".ts")).sort()) h.update(f).update(readFileSync(path.join("prisma", f)));
  for (const m of migrationNames()) h.update(m);
  return h.digest("hex").slice(0, 16);
}
async function hasPlaces(url: string): Promise<boolean> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    return (await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Region") AS any`)).rows[0]?.any === true;
  } finally {
    await client.end();
  }
}
// Demo data (with its well-known demo passwords) goes into the embedded database by default, and into a
// real server only when asked for with SEED_DEMO=1.
if ((process.env.SEED_DEMO ?? (external ? "0" : "1")) === "1") {
  const marker = !external && !inMemory ? path.join(dataDir, "moral-bank-seed.txt") : null;
  const fingerprint = seedFingerprint();
  const upToDate =
    marker !== null && !pending.length && existsSync(marker) && readFileSync(marker, "utf8").trim() === fingerprint && (await hasPlaces(env.DATABASE_URL!));
  if (!upToDate) {
    await run(process.execPath, ["--import", "tsx", "prisma/seed.ts"]);
    if (marker) writeFileSync(marker, fingerprint);
  }
}
console.log(`[serve] database ready in ${Date.now() - t0} ms (${external ? "DATABASE_URL" : inMemory ? "PGlite in memory" : `PGlite at ${dataDir}`})`);

// A bounded old space keeps the production server's RSS in check (bench/startup.ts), but it must hold a
// burst: at 160 MB, 1,000 check-ins in 10 s (bench/checkin.ts) queued more requests than fit and the
// server died of "heap out of memory"; 384 MB survives it. NODE_OPTIONS from the environment wins.
const nextEnv = nextCmd === "start" && !env.NODE_OPTIONS ? { ...env, NODE_OPTIONS: "--max-old-space-size=384" } : env;
const internalPort = await freePort();
const next = spawn("node_modules/.bin/next", [nextCmd, ...publicAddr.rest, "-p", String(internalPort), "-H", "127.0.0.1"], { stdio: "inherit", env: nextEnv });
let front: Server | undefined;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  front?.close();
  next.kill("SIGTERM");
  await db?.stop(); // closing PGlite flushes the data dir
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
next.on("exit", (code, signal) => void stop(code ?? (signal ? 1 : 0))); // killed (e.g. out of memory): fail, so a supervisor restarts it

// The public port opens once Next.js answers, so "port open" still means "ready" (tests, supervisors).
if (await waitForPort(internalPort, () => !stopping)) {
  front = await startPeerFront({ host: publicAddr.host, port: publicAddr.port, targetPort: internalPort, trustProxy: checked.env.TRUST_PROXY, token: peerToken }).catch(
    (e: Error) => {
      console.error(`[serve] cannot listen on ${publicAddr.host ?? "*"}:${publicAddr.port}: ${e.message}`);
      void stop(1);
      return undefined;
    },
  );
  if (front) {
    console.log(
      `[serve] ready on http://${publicAddr.host ?? "localhost"}:${publicAddr.port} (front server; Next.js on 127.0.0.1:${internalPort})` +
        (checked.env.TRUST_PROXY.length ? `, forwarded headers believed from ${checked.env.TRUST_PROXY.join(", ")}` : ", no proxy trusted (TRUST_PROXY unset)"),
    );
  }
}
