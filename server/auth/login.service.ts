/**
 * Checking a phone + password, with failed attempts counted in PostgreSQL (LoginThrottle, so several
 * app instances share the counters) on three keys:
 *   - phone + IP, within a day: a few failures lock that phone for that address only, for the window
 *     (15 minutes), and each further failure doubles the lock (up to a day). A stranger guessing from
 *     one place gets about a dozen tries a day and cannot lock the owner out anywhere else;
 *   - IP: many failures from one address, on any phones, lock the address for the window;
 *   - phone, from every address within a day: past a higher limit (more than one address can reach
 *     alone) each further failure locks the phone for everyone, starting at 1 minute and doubling up
 *     to an hour: a slow brake on guessing from many addresses that never locks the owner out for long.
 * The address is the one the launcher's front server vouched for (server/http/client-ip.ts); without
 * it ("unknown", e.g. `next start` run by hand) only the per-phone brake applies, since one shared
 * bucket would let anyone lock everyone out. Failures and lock-outs are audited with the phone masked.
 * See docs/architecture.md ("Signing in").
 */
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { env } from "@/server/env";
import { UNKNOWN_PEER } from "@/server/http/client-ip";
import { signInAccount } from "@/server/modules/accounts/account.read";
import { SYSTEM_ACTOR, recordAudit } from "@/server/modules/audit/audit.service";
import { maskAddress, maskPhone } from "@/server/lib/words.schema";
import { decoyHash, verifyPassword } from "./password";
import { clearKeys, countFailure, lockKey, lockedUntilOf } from "./login.repo";

export type LoginLimits = { maxPhoneIp: number; maxPhone: number; maxIp: number; windowMinutes: number };
const defaultLimits = (): LoginLimits => ({
  maxPhoneIp: env.LOGIN_MAX_FAILURES_PHONE_IP,
  maxPhone: env.LOGIN_MAX_FAILURES_PHONE,
  maxIp: env.LOGIN_MAX_FAILURES_IP,
  windowMinutes: env.LOGIN_WINDOW_MINUTES,
});

/** The per-phone and per-phone+IP counters look back one day. */
const DAY_MINUTES = 24 * 60;
/** The longest per-phone lock (for everyone): an hour. */
const PHONE_LOCK_MAX_MINUTES = 60;

/**
 * Minutes locked after the `failures`-th failure (0 below `max`): `base` at the limit, doubling with each
 * further failure, at most `cap`. Per phone: 1, 2, 4 … 60; per phone + IP: 15, 30, 60 … 1440.
 */
export function backoffMinutes(failures: number, max: number, base: number, cap: number): number {
  if (failures < max) return 0;
  return Math.min(cap, base * 2 ** Math.min(failures - max, 20));
}

type Scope = "phoneIp" | "ip" | "phone";
type Key = { scope: Scope; key: string };

function keysFor(phone: string, ip: string): Key[] {
  const keys: Key[] = [{ scope: "phone", key: `phone:${phone}` }];
  if (ip !== UNKNOWN_PEER) keys.push({ scope: "phoneIp", key: `phone-ip:${phone}|${ip}` }, { scope: "ip", key: `ip:${ip}` });
  return keys;
}

/**
 * Returns the user id and session version (for the session token) when the password matches.
 * Throws LOGIN_RATE_LIMITED (with `minutes` to wait), LOGIN_FAILED, ACCOUNT_DISABLED.
 */
export async function checkCredentials(
  deps: Deps,
  input: { phone: string; password: string; ip: string },
  limits: LoginLimits = defaultLimits(),
): Promise<{ userId: string; sessionVersion: number }> {
  const keys = keysFor(input.phone, input.ip);
  const now = deps.now();
  const locks = await lockedUntilOf(deps.db, keys.map((k) => k.key));
  const lockedMs = Math.max(0, ...[...locks.values()].map((until) => (until ? until.getTime() - now.getTime() : 0)));
  if (lockedMs > 0) throw new DomainError("LOGIN_RATE_LIMITED", { minutes: Math.max(1, Math.ceil(lockedMs / 60_000)) });

  const user = await signInAccount(deps.db, input.phone);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok) {
    await recordFailure(deps, input, keys, limits, user ? { id: user.id, regionIds: user.regionIds } : null);
    throw new DomainError("LOGIN_FAILED");
  }
  if (!user.active) throw new DomainError("ACCOUNT_DISABLED");
  await clearKeys(deps.db, keys.filter((k) => k.scope !== "ip").map((k) => k.key));
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

async function recordFailure(
  deps: Deps,
  input: { phone: string; ip: string },
  keys: Key[],
  limits: LoginLimits,
  user: { id: string; regionIds: string[] } | null,
) {
  const now = deps.now();
  const locked: { scope: Scope; minutes: number }[] = [];
  for (const { scope, key } of keys) {
    if (scope === "ip") {
      const failures = await countFailure(deps.db, key, now, limits.windowMinutes * 60_000);
      if (failures >= limits.maxIp) {
        await lockKey(deps.db, key, new Date(now.getTime() + limits.windowMinutes * 60_000));
        // audited once per lock-out, not for each concurrent failure past the limit
        if (failures === limits.maxIp) locked.push({ scope, minutes: limits.windowMinutes });
      }
      continue;
    }
    const failures = await countFailure(deps.db, key, now, DAY_MINUTES * 60_000);
    const minutes =
      scope === "phone"
        ? backoffMinutes(failures, limits.maxPhone, 1, PHONE_LOCK_MAX_MINUTES)
        : backoffMinutes(failures, limits.maxPhoneIp, limits.windowMinutes, DAY_MINUTES);
    if (minutes > 0) {
      await lockKey(deps.db, key, new Date(now.getTime() + minutes * 60_000));
      locked.push({ scope, minutes });
    }
  }

  // The trail of the villages the person belongs to (their committee and supervisors see an account
  // under attack); an unknown phone has no village, so its record belongs to no region.
  const phone = maskPhone(input.phone);
  const ip = maskAddress(input.ip);
  const regions: (string | null)[] = user?.regionIds.length ? user.regionIds : [null];
  const entity = user ? { entity: "User", entityId: user.id } : { entity: "Phone", entityId: phone };
  for (const regionId of regions) {
    await recordAudit(deps.db, SYSTEM_ACTOR, { regionId, action: "auth.signInFailed", ...entity, after: { phone, ip, knownPhone: !!user } });
    for (const l of locked) {
      await recordAudit(deps.db, SYSTEM_ACTOR, {
        regionId,
        action: "auth.signInLocked",
        ...entity,
        after: { phone, ip, scope: l.scope, minutes: l.minutes },
      });
    }
  }
}
