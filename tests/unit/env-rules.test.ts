import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkEnv, DEV_SECRET, envProblems } from "@/server/env-rules";

const STRONG = "0123456789abcdef0123456789abcdef0123456789abcdef";
const PG = "postgresql://mb:pw@db.internal:5432/moralbank";

describe("environment rules", () => {
  it("lets development and tests start bare, with the dev defaults", () => {
    const r = checkEnv({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.env.production).toBe(false);
    expect(r.env.NEXTAUTH_SECRET).toBe(DEV_SECRET);
    expect(r.env.DEMO_MODE).toBe("1");
    expect(r.env.TRUST_PROXY).toEqual([]);
    expect(r.env.DB_POOL_MAX).toBe(5);
    // sign-in: one address alone can never reach the per-phone limit (docs/architecture.md, "Signing in")
    expect([r.env.LOGIN_MAX_FAILURES_PHONE_IP, r.env.LOGIN_MAX_FAILURES_IP, r.env.LOGIN_MAX_FAILURES_PHONE]).toEqual([5, 30, 20]);
    expect(r.env.MB_PEER_TOKEN).toBeUndefined();
    expect(envProblems({ MB_PEER_TOKEN: "short" }).join()).toMatch(/MB_PEER_TOKEN/);
    expect(checkEnv({ NODE_ENV: "test" }).ok).toBe(true);
  });

  it("refuses production without a secret, with the repository's dev secret, or a short one", () => {
    expect(envProblems({ NODE_ENV: "production", DATABASE_URL: PG }).join()).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(envProblems({ NODE_ENV: "production", DATABASE_URL: PG, NEXTAUTH_SECRET: DEV_SECRET }).join()).toMatch(/too weak/);
    expect(envProblems({ NODE_ENV: "production", DATABASE_URL: PG, NEXTAUTH_SECRET: "a".repeat(31) }).join()).toMatch(/too weak/);
    expect(envProblems({ NODE_ENV: "production", DATABASE_URL: PG, NEXTAUTH_SECRET: STRONG })).toEqual([]);
  });

  it("refuses production without DATABASE_URL unless on the embedded database", () => {
    expect(envProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: STRONG }).join()).toMatch(/DATABASE_URL is not set/);
    expect(envProblems({ NODE_ENV: "production", NEXTAUTH_SECRET: STRONG, DB_EMBEDDED: "1" })).toEqual([]);
  });

  it("allows demo mode and test hooks in production only on the embedded database; demo is off by default on a real one", () => {
    const real = { NODE_ENV: "production", NEXTAUTH_SECRET: STRONG, DATABASE_URL: PG };
    expect(envProblems({ ...real, DEMO_MODE: "1" }).join()).toMatch(/DEMO_MODE/);
    expect(envProblems({ ...real, E2E_TEST_HOOKS: "1" }).join()).toMatch(/E2E_TEST_HOOKS/);
    const r = checkEnv(real);
    expect(r.ok && r.env.DEMO_MODE).toBe("0");
    const embedded = { ...real, DB_EMBEDDED: "1", DEMO_MODE: "1", E2E_TEST_HOOKS: "1" };
    expect(envProblems(embedded)).toEqual([]);
  });

  it("does not apply production rules while `next build` collects pages", () => {
    expect(envProblems({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toEqual([]);
  });

  it("parses TRUST_PROXY as a list of addresses, ranges or loopback, and refuses anything else", () => {
    const r = checkEnv({ TRUST_PROXY: " loopback, 10.0.0.0/8 ,192.168.1.5,::1, fd00::/8" });
    expect(r.ok && r.env.TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "192.168.1.5", "::1", "fd00::/8"]);
    for (const bad of ["everyone", "10.0.0.0/33", "10.0.0/8", "1.2.3.4/8/8", "::1/129", "*"]) {
      expect(envProblems({ TRUST_PROXY: bad }).join(), bad).toMatch(/TRUST_PROXY/);
    }
  });

  it("treats an empty value as unset and names the variable of a bad value", () => {
    expect(checkEnv({ NEXTAUTH_SECRET: "", DATABASE_URL: "" }).ok).toBe(true);
    expect(envProblems({ DB_POOL_MAX: "lots" }).join()).toMatch(/DB_POOL_MAX/);
    expect(envProblems({ DEMO_MODE: "yes" }).join()).toMatch(/DEMO_MODE/);
  });

  it("`npm start` on a real database without a secret exits 1 before starting anything", () => {
    const { NEXTAUTH_SECRET: _secret, NODE_ENV: _mode, ...rest } = process.env;
    const env = { ...rest, NODE_ENV: "development" as const, NEXT_CMD: "start", DATABASE_URL: "postgresql://unset@127.0.0.1:1/unset" };
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to start[\s\S]*NEXTAUTH_SECRET is not set/);
  });
});
