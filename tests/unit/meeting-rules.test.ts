/** A meeting's validity at the edges: 村民代表会议 two thirds, every other body more than half. */
import { describe, expect, it } from "vitest";
import { meetingValid, quorumRule, termCovers } from "@/server/modules/council/meeting.rules";

describe("meetingValid", () => {
  it("a 村民代表会议 is valid with exactly two thirds present, not one fewer", () => {
    expect(quorumRule("REPRESENTATIVES")).toBe("TWO_THIRDS");
    expect(meetingValid("REPRESENTATIVES", 30, 20)).toBe(true);
    expect(meetingValid("REPRESENTATIVES", 30, 19)).toBe(false);
    // 2/3 of 10 is 6.67: 7 is enough, 6 is not
    expect(meetingValid("REPRESENTATIVES", 10, 7)).toBe(true);
    expect(meetingValid("REPRESENTATIVES", 10, 6)).toBe(false);
    expect(meetingValid("REPRESENTATIVES", 3, 2)).toBe(true);
  });

  it("other bodies need more than half: exactly half is not enough, one over is", () => {
    for (const kind of ["COMMITTEE", "SUPERVISORY", "DELIBERATION", "CUSTOMS", "OTHER"] as const) {
      expect(quorumRule(kind)).toBe("MORE_THAN_HALF");
      expect(meetingValid(kind, 10, 5)).toBe(false);
      expect(meetingValid(kind, 10, 6)).toBe(true);
      expect(meetingValid(kind, 7, 3)).toBe(false);
      expect(meetingValid(kind, 7, 4)).toBe(true);
    }
    // half is below two thirds even though more-than-half passes for 6 of 10
    expect(meetingValid("REPRESENTATIVES", 10, 6)).toBe(false);
  });

  it("nobody expected is never valid; everybody present is", () => {
    expect(meetingValid("DELIBERATION", 0, 0)).toBe(false);
    expect(meetingValid("REPRESENTATIVES", 0, 0)).toBe(false);
    expect(meetingValid("DELIBERATION", 1, 1)).toBe(true);
    expect(meetingValid("DELIBERATION", 1, 0)).toBe(false);
  });
});

describe("termCovers", () => {
  const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
  it("covers the first and the last day of a term, not the days around it", () => {
    const term = { termStart: d("2026-03-01"), termEnd: d("2026-03-31") };
    expect(termCovers(term, "2026-03-01")).toBe(true);
    expect(termCovers(term, "2026-03-31")).toBe(true);
    expect(termCovers(term, "2026-02-28")).toBe(false);
    expect(termCovers(term, "2026-04-01")).toBe(false);
    expect(termCovers({ termStart: d("2026-03-01"), termEnd: null }, "2099-01-01")).toBe(true);
  });
});
