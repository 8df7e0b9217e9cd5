/**
 * Checking a phone + password, with failed attempts counted per phone and per IP in PostgreSQL
 * (LoginThrottle), so several app instances share the counters.
 */
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { env } from "@/server/env";
import { decoyHash, verifyPassword } from "./password";

type Limits = { maxPhone: number; maxIp: number; windowMinutes: number };
const defaultLimits = (): Limits => ({
  maxPhone: env.LOGIN_MAX_FAILURES_PHONE,
  maxIp: env.LOGIN_MAX_FAILURES_IP,
  windowMinutes: env.LOGIN_WINDOW_MINUTES,
});

/**
 * Returns the user id and session version (for the session token) when the password matches.
 * Throws LOGIN_RATE_LIMITED (with `minutes` to wait), LOGIN_FAILED, ACCOUNT_DISABLED.
 */
export async function checkCredentials(
  deps: Deps,
  input: { phone: string; password: string; ip: string },
  limits: Limits = defaultLimits(),
): Promise<{ userId: string; sessionVersion: number }> {
  const keys = [
    { key: `phone:${input.phone}`, max: limits.maxPhone },
    { key: `ip:${input.ip}`, max: limits.maxIp },
  ];
  const now = deps.now();
  const rows = await deps.db.loginThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) } },
    select: { key: true, lockedUntil: true },
  });
  const locked = rows.find((r) => r.lockedUntil && r.lockedUntil > now);
  if (locked?.lockedUntil) {
    const minutes = Math.max(1, Math.ceil((locked.lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new DomainError("LOGIN_RATE_LIMITED", { minutes });
  }

  const user = await deps.db.user.findUnique({
    where: { phone: input.phone },
    select: { id: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok) {
    await recordFailure(deps, keys, limits.windowMinutes);
    throw new DomainError("LOGIN_FAILED");
  }
  if (!user.active) throw new DomainError("ACCOUNT_DISABLED");
  await deps.db.loginThrottle.deleteMany({ where: { key: `phone:${input.phone}` } });
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

async function recordFailure(deps: Deps, keys: { key: string; max: number }[], windowMinutes: number) {
  const now = deps.now();
  const windowMs = windowMinutes * 60_000;
  for (const { key, max } of keys) {
    // One statement per key: concurrent failures each count (no read-modify-write race).
    await deps.db.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${new Date(now.getTime() - windowMs)}
                          THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${new Date(now.getTime() - windowMs)}
                          THEN ${now} ELSE "LoginThrottle"."windowStart" END`;
    await deps.db.$executeRaw`
      UPDATE "LoginThrottle" SET "lockedUntil" = ${new Date(now.getTime() + windowMs)}
      WHERE "key" = ${key} AND "failures" >= ${max}`;
  }
}
