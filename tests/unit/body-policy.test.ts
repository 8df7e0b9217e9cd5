/** The separation between the village committee and the supervisory committee, and which terms run. */
import { describe, expect, it } from "vitest";
import { opposingKind, separationConflict, termOpen, termRuns } from "@/server/modules/council/body.policy";

const committee = [{ memberId: "m-zhang", userId: "u-zhang", householdIds: ["h-zhang"] }];
const cand = (over: Partial<{ memberId: string; userId: string | null; householdId: string }> = {}) => ({
  memberId: "m-x",
  userId: "u-x" as string | null,
  householdId: "h-x",
  ...over,
});

describe("separationConflict", () => {
  it("only the committee and the supervisory committee oppose each other", () => {
    expect(opposingKind("SUPERVISORY")).toBe("COMMITTEE");
    expect(opposingKind("COMMITTEE")).toBe("SUPERVISORY");
    expect(opposingKind("DELIBERATION")).toBeNull();
  });

  it("refuses the committee member themself, by household member or by account", () => {
    expect(separationConflict("SUPERVISORY", cand({ memberId: "m-zhang" }), committee, [])).toBe("BODY_EXCLUDED_COMMITTEE");
    expect(separationConflict("SUPERVISORY", cand({ userId: "u-zhang" }), committee, [])).toBe("BODY_EXCLUDED_COMMITTEE");
    expect(separationConflict("COMMITTEE", cand({ memberId: "m-zhang" }), committee, [])).toBe("BODY_EXCLUDED_SUPERVISOR");
  });

  it("refuses a relative: same household, or a declared relation either way", () => {
    expect(separationConflict("SUPERVISORY", cand({ householdId: "h-zhang" }), committee, [])).toBe("BODY_EXCLUDED_COMMITTEE_RELATIVE");
    expect(separationConflict("SUPERVISORY", cand(), committee, [{ userId: "u-zhang", householdId: "h-x" }])).toBe("BODY_EXCLUDED_COMMITTEE_RELATIVE");
    expect(separationConflict("SUPERVISORY", cand(), committee, [{ userId: "u-x", householdId: "h-zhang" }])).toBe("BODY_EXCLUDED_COMMITTEE_RELATIVE");
    expect(separationConflict("COMMITTEE", cand({ householdId: "h-zhang" }), committee, [])).toBe("BODY_EXCLUDED_SUPERVISOR_RELATIVE");
  });

  it("lets an unrelated person through, and a person without an account is not matched by a null account", () => {
    expect(separationConflict("SUPERVISORY", cand(), committee, [{ userId: "u-zhang", householdId: "h-other" }])).toBeNull();
    const noAccount = [{ memberId: "m-li", userId: null, householdIds: ["h-li"] }];
    expect(separationConflict("SUPERVISORY", cand({ userId: null }), noAccount, [])).toBeNull();
  });
});

describe("terms", () => {
  const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
  it("runs from its start through its end day, unless ended", () => {
    const m = { termStart: d("2026-01-01"), termEnd: d("2026-12-31"), endedAt: null };
    expect(termRuns(m, "2025-12-31")).toBe(false);
    expect(termRuns(m, "2026-01-01")).toBe(true);
    expect(termRuns(m, "2026-12-31")).toBe(true);
    expect(termRuns(m, "2027-01-01")).toBe(false);
    expect(termRuns({ ...m, endedAt: new Date() }, "2026-06-01")).toBe(false);
    // a term starting later is open (it counts for the separation) but not running yet
    expect(termOpen(m, "2025-06-01")).toBe(true);
    expect(termOpen(m, "2027-01-01")).toBe(false);
  });
});
