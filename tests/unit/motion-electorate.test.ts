/** A body's vote is held to the body's rule, as data: edges of two thirds and more than half, and the electorate checks. */
import { describe, expect, it } from "vitest";
import { assertElectorateFits, bodyValidity, electorateOfBody } from "@/server/modules/council/motion-electorate";
import { isValid, outcomeOf, YES_NO } from "@/server/modules/council/motion.rules";

const yesNo = (validity: ReturnType<typeof bodyValidity>, yes: number, no: number, abstain: number, electorate: number) =>
  outcomeOf(
    { options: [...YES_NO], validityRule: validity, decisionRule: { kind: "MORE_THAN_HALF_PRESENT" } },
    [
      { option: "同意", count: yes },
      { option: "不同意", count: no },
      { option: "弃权", count: abstain },
    ],
    electorate,
  );

describe("the representatives (村民代表会议): two thirds voting, more than half of those", () => {
  const rule = bodyValidity("REPRESENTATIVES");
  it("is the members' two-thirds rule and the REPRESENTATIVES electorate", () => {
    expect(rule).toEqual({ kind: "MEMBERS_TWO_THIRDS" });
    expect(electorateOfBody("REPRESENTATIVES")).toBe("REPRESENTATIVES");
  });
  it("exactly two thirds is valid, one short is not", () => {
    expect(isValid(rule, 20, 30)).toBe(true);
    expect(isValid(rule, 19, 30)).toBe(false);
    expect(isValid(rule, 2, 3)).toBe(true);
    expect(isValid(rule, 1, 3)).toBe(false);
  });
  it("exactly half of those voting is not passed, one over is", () => {
    expect(yesNo(rule, 10, 10, 0, 30).outcome).toBe("REJECTED");
    expect(yesNo(rule, 11, 9, 0, 30).outcome).toBe("PASSED");
    // abstentions count as present
    expect(yesNo(rule, 10, 5, 5, 30).outcome).toBe("REJECTED");
  });
  it("below two thirds the vote is invalid, however one-sided", () => {
    expect(yesNo(rule, 19, 0, 0, 30).outcome).toBe("INVALID");
  });
});

describe("other bodies: more than half voting", () => {
  const rule = bodyValidity("DELIBERATION");
  it("is the members' more-than-half rule", () => {
    expect(rule).toEqual({ kind: "MEMBERS_MORE_THAN_HALF" });
    expect(bodyValidity("POINTS_REVIEW")).toEqual({ kind: "MEMBERS_MORE_THAN_HALF" });
    expect(electorateOfBody("POINTS_REVIEW")).toBe("BODY_MEMBERS");
  });
  it("exactly half is not enough, one over is", () => {
    expect(isValid(rule, 4, 8)).toBe(false);
    expect(isValid(rule, 5, 8)).toBe(true);
    expect(isValid(rule, 0, 0)).toBe(false);
  });
});

describe("which electorate fits", () => {
  it("a rule book is for the village's households only", () => {
    expect(() => assertElectorateFits("REPRESENTATIVES", { kind: "MEMBERS_TWO_THIRDS" }, "book")).toThrow("MOTION_BOOK_NEEDS_VILLAGE_VOTE");
    expect(() => assertElectorateFits("BODY_MEMBERS", { kind: "MEMBERS_MORE_THAN_HALF" }, "book")).toThrow("MOTION_BOOK_NEEDS_VILLAGE_VOTE");
    expect(() => assertElectorateFits("VILLAGE_HOUSEHOLDS", { kind: "HOUSEHOLDS_TWO_THIRDS" }, "book")).not.toThrow();
  });
  it("a household vote cannot take a members rule", () => {
    expect(() => assertElectorateFits("VILLAGE_HOUSEHOLDS", { kind: "MEMBERS_TWO_THIRDS" }, null)).toThrow("MOTION_RULE_ELECTORATE");
  });
});
