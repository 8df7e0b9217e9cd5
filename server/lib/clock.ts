/**
 * The app's clock: real time, plus an offset that only end-to-end tests can move (to close a notice
 * window without waiting a week). The offset can change only when E2E_TEST_HOOKS=1 is set for the
 * process (the Playwright web server); everywhere else `now()` is exactly `new Date()`.
 *
 * Not marked server-only: the job timer (started from instrumentation.ts) uses it too. The offset is
 * kept on globalThis so route handlers, tRPC and the timer (separate module graphs in Next.js) share it.
 */
const g = globalThis as unknown as { mbClockOffsetMs?: number };

/**
 * Whether test hooks (moving the clock) are enabled in this process. Never in dev or production: the env
 * rules (server/env-rules.ts) refuse E2E_TEST_HOOKS=1 in production except on the embedded demo database.
 * Read from process.env on every call rather than from the parsed env so unit tests can switch it.
 */
export function testHooksEnabled(): boolean {
  return process.env.E2E_TEST_HOOKS === "1";
}

/** The current time as every service sees it. */
export function now(): Date {
  const offset = testHooksEnabled() ? (g.mbClockOffsetMs ?? 0) : 0;
  return new Date(Date.now() + offset);
}

/** Moves the clock forward (tests only). Throws when test hooks are off, so it can never happen by accident. */
export function advanceClock(ms: number): Date {
  if (!testHooksEnabled()) throw new Error("the clock can be moved only with E2E_TEST_HOOKS=1");
  if (!Number.isFinite(ms) || ms < 0) throw new Error("the clock only moves forward");
  g.mbClockOffsetMs = (g.mbClockOffsetMs ?? 0) + ms;
  return now();
}

/** Puts the clock back to real time (tests only), so one spec's moved clock does not leak into the next. */
export function resetClock(): Date {
  if (!testHooksEnabled()) throw new Error("the clock can be reset only with E2E_TEST_HOOKS=1");
  g.mbClockOffsetMs = 0;
  return now();
}
