/**
 * The one village clock: days, periods and the times people read are those of the village (UTC+8),
 * whatever the time zone of the server or the phone. Each check pairs an instant near a midnight
 * with what a villager's wall clock says.
 */
import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  formatDateTime,
  formatDay,
  formatShortDay,
  formatStamp,
  formatTime,
  VILLAGE_TIME_ZONE,
  villageDay,
  villageDayStart,
  villageInstant,
  villageMinute,
  villagePeriod,
} from "@/server/lib/village-time.schema";

/** What a wall clock in Shanghai shows, by the platform's own time-zone tables (an independent oracle). */
const WALL = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
const wall = (d: Date) => WALL.format(d);

describe("the village day", () => {
  it("turns at 16:00 UTC, the village's midnight", () => {
    expect(villageDay(new Date("2026-11-23T15:59:59.999Z"))).toBe("2026-11-23");
    expect(villageDay(new Date("2026-11-23T16:00:00Z"))).toBe("2026-11-24");
    expect(villageDay(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("starts at the instant villageDay turns, and a day and time typed in the village are that local time", () => {
    const start = villageDayStart("2026-11-24");
    expect(start.toISOString()).toBe("2026-11-23T16:00:00.000Z");
    expect(villageDay(start)).toBe("2026-11-24");
    expect(villageDay(new Date(start.getTime() - 1))).toBe("2026-11-23");
    expect(villageInstant("2026-11-24", "08:30").toISOString()).toBe("2026-11-24T00:30:00.000Z");
    expect(villageInstant("2026-11-24", "00:00").getTime()).toBe(start.getTime());
    expect(Number.isNaN(villageInstant("not a day", "08:00").getTime())).toBe(true);
  });

  it("agrees with the time-zone tables every few hours over a year (no daylight saving in China)", () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 5 * 3_600_000 + 7 * 60_000) {
      const d = new Date(t);
      expect(villageMinute(d), d.toISOString()).toBe(wall(d));
      expect(villageDay(d)).toBe(wall(d).slice(0, 10));
    }
  });
});

describe("village periods", () => {
  it("a month and a year start at local midnight", () => {
    const m = villagePeriod(new Date("2026-04-30T16:00:00Z"), "MONTH");
    expect([m.from.toISOString(), m.to.toISOString()]).toEqual(["2026-04-30T16:00:00.000Z", "2026-05-31T16:00:00.000Z"]);
    const y = villagePeriod(new Date("2026-12-31T16:00:00Z"), "YEAR");
    expect([y.from.toISOString(), y.to.toISOString()]).toEqual(["2026-12-31T16:00:00.000Z", "2027-12-31T16:00:00.000Z"]);
    const before = villagePeriod(new Date("2026-12-31T15:59:59Z"), "YEAR");
    expect(before.from.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe("times as people read them", () => {
  const lateEvening = new Date("2026-11-23T15:30:00Z"); // 23:30 in the village, still the 23rd

  it("show the village's date and time in both languages", () => {
    expect(formatDateTime(lateEvening, "zh")).toBe("11月23日 23:30");
    expect(formatDateTime(lateEvening, "en")).toBe("23 Nov, 23:30");
    expect(formatTime(lateEvening, "zh")).toBe("23:30");
    expect(formatDay(lateEvening, "zh")).toBe("2026年11月23日");
    expect(formatDay(lateEvening, "en")).toBe("23 November 2026");
    expect(formatStamp(lateEvening.toISOString(), "zh")).toBe("2026/11/23 23:30");
  });

  it("a short day carries the year only when it is not this year's", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(formatShortDay(lateEvening, "zh", now)).toBe("11月23日");
    expect(formatShortDay(new Date("2025-12-31T16:30:00Z"), "en", now)).toBe("1 Jan"); // already 2026 in the village
    expect(formatShortDay(new Date("2025-12-31T15:30:00Z"), "en", now)).toBe("31 Dec 2025");
  });

  it("names the zone the app's messages are formatted in", () => {
    expect(VILLAGE_TIME_ZONE).toBe("Asia/Shanghai");
  });
});
