/** The sign-in throttle's counters (LoginThrottle, owned by auth): one row per phone, per phone+IP and per IP. */
import type { Db } from "@/server/db/client";

/** The lock-out end of each key that has a row (missing keys have never failed or were cleared). */
export async function lockedUntilOf(db: Db, keys: string[]): Promise<Map<string, Date | null>> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } }, select: { key: true, lockedUntil: true } });
  return new Map(rows.map((r) => [r.key, r.lockedUntil]));
}

/**
 * Counts one failure on `key` and returns the failures in its current window. One statement, so
 * concurrent failures each count (no read-modify-write race); a window older than `windowMs` starts over.
 */
export async function countFailure(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
  const windowOpen = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowOpen} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowOpen} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING "failures"`;
  return rows[0]?.failures ?? 1;
}

/** Locks `key` until `until`, never shortening a lock already longer. */
export async function lockKey(db: Db, key: string, until: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET "lockedUntil" = ${until}
    WHERE "key" = ${key} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${until})`;
}

/** Forgets the counters of these keys (after a successful sign-in). */
export async function clearKeys(db: Db, keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
