import { afterEach, describe, expect, it } from "vitest";
import { advanceClock, now, testHooksEnabled } from "@/server/lib/clock";

const DAY = 24 * 60 * 60 * 1000;

describe("the app clock", () => {
  const saved = process.env.E2E_TEST_HOOKS;
  afterEach(() => {
    if (saved === undefined) delete process.env.E2E_TEST_HOOKS;
    else process.env.E2E_TEST_HOOKS = saved;
  });

  it("is real time and cannot be moved without E2E_TEST_HOOKS=1", () => {
    delete process.env.E2E_TEST_HOOKS;
    expect(testHooksEnabled()).toBe(false);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    expect(() => advanceClock(DAY)).toThrow();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("moves forward only, and only with the test hooks on; the offset is ignored once they are off", () => {
    process.env.E2E_TEST_HOOKS = "1";
    expect(() => advanceClock(-DAY)).toThrow();
    const before = now().getTime();
    advanceClock(8 * DAY);
    expect(now().getTime() - before).toBeGreaterThanOrEqual(8 * DAY - 1000);
    delete process.env.E2E_TEST_HOOKS;
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
