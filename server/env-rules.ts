/**
 * The rules for the process environment, as a pure function so tests can call it with any map.
 * server/env.ts applies them to `process.env` once; instrumentation.ts and scripts/serve.ts call
 * `envProblems` first so an unsafe production start stops with a readable message instead of
 * serving requests. See docs/architecture.md ("Configuration") and the README's "Deployment".
 */
import { isIP } from "node:net";
import { z } from "zod";

/** The secret the repository used to fall back to. Anyone can read it, so production refuses it. */
export const DEV_SECRET = "dev-only-secret-change-me-in-production";
/** Shortest NEXTAUTH_SECRET accepted in production: 32 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_PRODUCTION_SECRET = 32;

const flag = z.enum(["0", "1"]);

/** One entry of TRUST_PROXY: "loopback", an IPv4/IPv6 address, or an address with a /prefix. */
function isProxyEntry(entry: string): boolean {
  if (entry === "loopback") return true;
  const [addr, prefix, ...rest] = entry.split("/");
  if (rest.length || !addr) return false;
  const family = isIP(addr);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const ZTrustProxy = z
  .string()
  .max(2000)
  .default("")
  .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean))
  .refine((list) => list.every(isProxyEntry), {
    message: 'TRUST_PROXY must be a comma list of IP addresses, CIDR ranges or "loopback"',
  });

const ZEnvShape = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  /** Set by Next.js while `next build` collects pages: nothing is served then, so production rules wait. */
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  /** "1" when DATABASE_URL points at the embedded PGlite that scripts/serve.ts started (the demo database). */
  DB_EMBEDDED: flag.default("0"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The public https:// address, when known; decides the __Secure- cookie names next-auth uses. */
  NEXTAUTH_URL: z.url().optional(),
  /** Show the demo accounts on the sign-in page. Default: on with the embedded database only. */
  DEMO_MODE: flag.optional(),
  /** Lets the end-to-end tests move the clock (server/lib/clock.ts). Embedded database only. */
  E2E_TEST_HOOKS: flag.default("0"),
  /** Turns off the in-process job timer (server/jobs/timer.ts), e.g. when a separate worker runs it. */
  JOBS_DISABLED: flag.default("0"),
  /** Connections per process to the database (1 for the embedded PGlite, which is one session). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto headers are believed: a comma list of IPs, CIDRs
   * or "loopback". Empty (the default) means no forwarded header is trusted.
   */
  TRUST_PROXY: ZTrustProxy,
  /**
   * The key scripts/serve.ts gives its own Next.js process so the app can believe the front server's
   * `x-mb-peer` header (server/http/client-ip.ts). Random per start; never set it by hand.
   */
  MB_PEER_TOKEN: z.string().min(32).max(200).optional(),
  /**
   * Sign-in lock-outs (server/auth/login.service.ts): failures allowed per phone from one IP and per IP
   * within LOGIN_WINDOW_MINUTES, then a lock for the window; per phone from all IPs within a day, then
   * a lock that starts at 1 minute and doubles with each further failure (at most an hour).
   */
  LOGIN_MAX_FAILURES_PHONE_IP: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_PHONE: z.coerce.number().int().min(1).max(1000).default(20),
  LOGIN_MAX_FAILURES_IP: z.coerce.number().int().min(1).max(10000).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export type Env = Omit<z.infer<typeof ZEnvShape>, "DATABASE_URL" | "NEXTAUTH_SECRET" | "DEMO_MODE"> & {
  DATABASE_URL: string;
  NEXTAUTH_SECRET: string;
  DEMO_MODE: "0" | "1";
  /** Whether the production rules apply (NODE_ENV=production outside `next build`). */
  production: boolean;
};

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** A placeholder that fails to connect, so a process started without a database says so at first use. */
const NO_DATABASE = "postgresql://unset@127.0.0.1:1/unset";

/** Validates `raw` (usually process.env) and applies the production rules. Pure: reads nothing else. */
export function checkEnv(raw: Record<string, string | undefined>): EnvResult {
  // An empty string means "unset" for every variable (a blank line in a unit file or compose file).
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnvShape.safeParse(cleaned);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`) };
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production" && e.NEXT_PHASE !== "phase-production-build";
  const embedded = e.DB_EMBEDDED === "1";
  const problems: string[] = [];
  if (production) {
    if (!e.NEXTAUTH_SECRET) {
      problems.push(
        `NEXTAUTH_SECRET is not set. Production needs a random secret of at least ${MIN_PRODUCTION_SECRET} characters (e.g. \`openssl rand -hex 32\`), the same on every instance.`,
      );
    } else if (e.NEXTAUTH_SECRET === DEV_SECRET || e.NEXTAUTH_SECRET.length < MIN_PRODUCTION_SECRET) {
      problems.push(
        `NEXTAUTH_SECRET is too weak: production needs at least ${MIN_PRODUCTION_SECRET} random characters, not the development default.`,
      );
    }
    if (!e.DATABASE_URL && !embedded) {
      problems.push("DATABASE_URL is not set. Production needs a PostgreSQL server (postgresql://user:password@host:5432/db).");
    }
    if (e.DEMO_MODE === "1" && !embedded) {
      problems.push("DEMO_MODE=1 is allowed only on the embedded demo database: it shows the demo accounts and their password.");
    }
    if (e.E2E_TEST_HOOKS === "1" && !embedded) {
      problems.push("E2E_TEST_HOOKS=1 is allowed only on the embedded demo database: it lets anyone move the clock.");
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    env: {
      ...e,
      production,
      DATABASE_URL: e.DATABASE_URL ?? NO_DATABASE,
      NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? DEV_SECRET,
      DEMO_MODE: e.DEMO_MODE ?? (embedded || !production ? "1" : "0"),
    },
  };
}

/** The problems that stop a start, [] when there are none. */
export function envProblems(raw: Record<string, string | undefined>): string[] {
  const r = checkEnv(raw);
  return r.ok ? [] : r.problems;
}

/** The message printed before a refused start. */
export function refusalMessage(problems: string[]): string {
  return ["[env] refusing to start:", ...problems.map((p) => `  - ${p}`), "See the README, section Deployment."].join("\n");
}
