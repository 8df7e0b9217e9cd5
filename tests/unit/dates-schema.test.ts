import { describe, expect, it } from "vitest";
import { isRealDay, ZDay, ZInstant } from "@/server/lib/dates.schema";

describe("dates at the boundary", () => {
  it("accepts days that exist, leap days included", () => {
    for (const d of ["2026-01-31", "2026-12-01", "2028-02-29", "2000-02-29", "2100-12-31"]) expect(isRealDay(d), d).toBe(true);
  });
  it("refuses impossible days, malformed text and years outside 2000–2100", () => {
    for (const d of ["2026-13-45", "2026-02-29", "2100-02-29", "2026-04-31", "2026-00-10", "2026-1-5", "1999-12-31", "2101-01-01", "275760-09-13", ""])
      expect(isRealDay(d), d).toBe(false);
    expect(ZDay.safeParse("2026-13-45").success).toBe(false);
  });
  it("refuses invalid and out-of-range moments, keeps valid ones", () => {
    expect(ZInstant.safeParse("2026-12-03T08:00:00+08:00").success).toBe(true);
    expect(ZInstant.safeParse("not a date").success).toBe(false);
    expect(ZInstant.safeParse(new Date(8.64e15)).success).toBe(false);
  });
});
