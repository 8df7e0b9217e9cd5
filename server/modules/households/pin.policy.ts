/** Pure rules of the household card PIN: how many wrong tries, and how long a lock lasts. */

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60 * 1000;
/** Each further lock-out doubles the last one, up to a day: ≈ 25 guesses a day at most instead of ≈ 480. */
export const PIN_LOCK_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * The PIN state after one wrong attempt. The 5th wrong attempt locks it: 15 minutes the first time,
 * then twice as long as the previous lock, capped at 24 hours. `lockouts` counts the locks since the
 * right PIN was last typed, so a guesser who keeps coming back waits longer each time.
 */
export function afterWrongPin(
  failures: number,
  lockouts: number,
  now: Date,
): { failures: number; lockouts: number; lockedUntil: Date | null; left: number } {
  const f = failures + 1;
  if (f >= PIN_MAX_FAILURES) {
    const ms = Math.min(PIN_LOCK_MAX_MS, PIN_LOCK_MS * 2 ** Math.min(lockouts, 20));
    return { failures: 0, lockouts: lockouts + 1, lockedUntil: new Date(now.getTime() + ms), left: 0 };
  }
  return { failures: f, lockouts, lockedUntil: null, left: PIN_MAX_FAILURES - f };
}

/** Minutes (rounded up) until a lock ends; 0 when not locked. */
export function lockMinutesLeft(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil || lockedUntil <= now) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
}
