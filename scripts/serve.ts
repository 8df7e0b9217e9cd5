/**
 * `npm run dev` / `npm start`: starts the embedded PostgreSQL (PGlite, data under .data/) unless
 * DATABASE_URL names a real server, applies pending migrations, loads demo data into an empty
 * database, then runs Next.js. No env file needed.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { startEmbeddedDb } from "../server/db/embedded-db";
import { pendingMigrations } from "../server/db/migrate";

const t0 = Date.now();
const external = !!process.env.DATABASE_URL;
const dataDir = process.env.PGLITE_DIR ?? ".data/pglite"; // "memory" => in-memory (tests)
const inMemory = dataDir === "memory";
mkdirSync(".data", { recursive: true });
if (!external && !inMemory) mkdirSync(dataDir, { recursive: true });

/** The auth key: from env in production; in dev generated once and kept under .data/. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = ".data/auth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

const db = external
  ? null
  : await startEmbeddedDb({ dataDir: inMemory ? undefined : dataDir, port: Number(process.env.PGLITE_PORT ?? 0) });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? db!.url,
  NEXTAUTH_SECRET: authSecret(),
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  DEMO_MODE: process.env.DEMO_MODE ?? (external ? "0" : "1"),
};

// Never spawnSync here: this process hosts PGlite and would deadlock (STACK.md pitfall 5).
const run = (cmd: string, args: string[]) =>
  new Promise<void>((resolve, reject) =>
    spawn(cmd, args, { stdio: "inherit", env }).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`)),
    ),
  );

const pending = await pendingMigrations(env.DATABASE_URL!);
if (pending.length) {
  console.log(`[serve] applying ${pending.length} migration(s)…`);
  await run("node_modules/.bin/prisma", ["migrate", "deploy"]);
}
if (process.env.SEED_DEMO !== "0") await run(process.execPath, ["--import", "tsx", "prisma/seed.ts"]);
console.log(`[serve] database ready in ${Date.now() - t0} ms (${external ? "DATABASE_URL" : inMemory ? "PGlite in memory" : `PGlite at ${dataDir}`})`);

const nextCmd = process.env.NEXT_CMD ?? "dev";
const next = spawn("node_modules/.bin/next", [nextCmd, ...process.argv.slice(2)], { stdio: "inherit", env });
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await db?.stop(); // closing PGlite flushes the data dir
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
next.on("exit", (code) => void stop(code ?? 0));
