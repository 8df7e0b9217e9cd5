/** The validity and decision rules of a vote at their edges: exactly half, one over, two thirds. */
import { describe, expect, it } from "vitest";
import { decide, isValid, outcomeOf, YES_NO } from "@/server/modules/council/motion.rules";
import { timeLeft } from "@/server/modules/council/motion.view";

const yesNo = (yes: number, no: number, abstain: number) => [
  { option: "同意", count: yes },
  { option: "不同意", count: no },
  { option: "弃权", count: abstain },
];
const motion = { options: [...YES_NO], validityRule: { kind: "HOUSEHOLDS_TWO_THIRDS" as const }, decisionRule: { kind: "MORE_THAN_HALF_PRESENT" as const } };

describe("validity: two thirds of households", () => {
  it("is valid at exactly two thirds and not one below", () => {
    expect(isValid({ kind: "HOUSEHOLDS_TWO_THIRDS" }, 200, 300)).toBe(true);
    expect(isValid({ kind: "HOUSEHOLDS_TWO_THIRDS" }, 199, 300)).toBe(false);
    // 2/3 of 10 is 6.67: 7 reaches it, 6 does not
    expect(isValid({ kind: "HOUSEHOLDS_TWO_THIRDS" }, 7, 10)).toBe(true);
    expect(isValid({ kind: "HOUSEHOLDS_TWO_THIRDS" }, 6, 10)).toBe(false);
  });
  it("an empty electorate is never valid", () => {
    expect(isValid({ kind: "HOUSEHOLDS_TWO_THIRDS" }, 0, 0)).toBe(false);
  });
});

describe("validity: more than half of households", () => {
  it("exactly half is not enough, one over is", () => {
    expect(isValid({ kind: "HOUSEHOLDS_MORE_THAN_HALF" }, 50, 100)).toBe(false);
    expect(isValid({ kind: "HOUSEHOLDS_MORE_THAN_HALF" }, 51, 100)).toBe(true);
    expect(isValid({ kind: "HOUSEHOLDS_MORE_THAN_HALF" }, 3, 5)).toBe(true);
    expect(isValid({ kind: "HOUSEHOLDS_MORE_THAN_HALF" }, 2, 5)).toBe(false);
  });
});

describe("decision: more than half of those present", () => {
  it("exactly half agreeing does not pass; one over does", () => {
    expect(decide({ kind: "MORE_THAN_HALF_PRESENT" }, yesNo(5, 5, 0), 10, "弃权")).toBeNull();
    expect(decide({ kind: "MORE_THAN_HALF_PRESENT" }, yesNo(6, 4, 0), 10, "弃权")).toBe("同意");
  });
  it("abstentions count as present: 5 yes, 3 no, 2 abstain of 10 is not more than half", () => {
    expect(decide({ kind: "MORE_THAN_HALF_PRESENT" }, yesNo(5, 3, 2), 10, "弃权")).toBeNull();
  });
  it("abstaining never wins, even as the largest group", () => {
    expect(decide({ kind: "MORE_THAN_HALF_PRESENT" }, yesNo(1, 1, 8), 10, "弃权")).toBeNull();
  });
});

describe("decision: two thirds of those present", () => {
  it("exactly two thirds passes, one below does not", () => {
    expect(decide({ kind: "TWO_THIRDS_PRESENT" }, yesNo(6, 3, 0), 9, "弃权")).toBe("同意");
    expect(decide({ kind: "TWO_THIRDS_PRESENT" }, yesNo(5, 4, 0), 9, "弃权")).toBeNull();
  });
});

describe("decision: most votes among candidates", () => {
  it("the top candidate wins; a tie for first decides nothing", () => {
    const c = (a: number, b: number, d: number) => [
      { option: "张三", count: a },
      { option: "李四", count: b },
      { option: "王五", count: d },
    ];
    expect(decide({ kind: "MOST_VOTES" }, c(4, 3, 3), 10, null)).toBe("张三");
    expect(decide({ kind: "MOST_VOTES" }, c(4, 4, 2), 10, null)).toBeNull();
    expect(decide({ kind: "MOST_VOTES" }, c(0, 0, 0), 0, null)).toBeNull();
  });
});

describe("outcome", () => {
  it("a yes/no motion passes with valid turnout and more than half agreeing", () => {
    expect(outcomeOf(motion, yesNo(4, 2, 1), 9)).toEqual({ voted: 7, valid: true, winner: "同意", outcome: "PASSED" });
  });
  it("is rejected when 不同意 wins or nothing reaches half", () => {
    expect(outcomeOf(motion, yesNo(2, 5, 0), 9).outcome).toBe("REJECTED");
    expect(outcomeOf(motion, yesNo(3, 3, 0), 9).outcome).toBe("REJECTED");
  });
  it("is invalid below the turnout, however many agree", () => {
    expect(outcomeOf(motion, yesNo(5, 0, 0), 9)).toEqual({ voted: 5, valid: false, winner: null, outcome: "INVALID" });
  });
  it("a candidates motion elects the winner", () => {
    const m = { options: ["张三", "李四"], validityRule: { kind: "ANY_TURNOUT" as const }, decisionRule: { kind: "MOST_VOTES" as const } };
    expect(outcomeOf(m, [{ option: "张三", count: 1 }, { option: "李四", count: 2 }], 10)).toMatchObject({ outcome: "ELECTED", winner: "李四" });
  });
});

describe("time left on the ballot", () => {
  const M = 60_000;
  it("days and hours, hours and minutes, or minutes", () => {
    expect(timeLeft((2 * 1440 + 3 * 60 + 5) * M)).toMatchObject({ unit: "days", days: 2, hours: 3 });
    expect(timeLeft((3 * 60 + 5) * M)).toMatchObject({ unit: "hours", hours: 3, minutes: 5 });
    expect(timeLeft(59 * M + 59_000)).toMatchObject({ unit: "minutes", minutes: 59 });
    expect(timeLeft(-5)).toMatchObject({ unit: "minutes", minutes: 0 });
  });
});
