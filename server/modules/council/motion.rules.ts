/**
 * The validity and decision rules of a vote, as data stored with each motion and its result
 * (docs/architecture.md, "Rules and deliberation"). Pure functions of the counts: no database.
 * All comparisons are on integers (no division), so "exactly half" and "two thirds" are exact.
 */
import { z } from "zod";

/** When enough of the electorate took part for the result to count. */
export const ZValidityRule = z.discriminatedUnion("kind", [
  // two thirds of the electorate's households voted (村民会议 by households)
  z.object({ kind: z.literal("HOUSEHOLDS_TWO_THIRDS") }),
  // more than half of the electorate's households voted
  z.object({ kind: z.literal("HOUSEHOLDS_MORE_THAN_HALF") }),
  // any turnout counts (a consultation)
  z.object({ kind: z.literal("ANY_TURNOUT") }),
  // a body's electorate (one vote per person): two thirds of its members voted (村民代表会议)
  z.object({ kind: z.literal("MEMBERS_TWO_THIRDS") }),
  // a body's electorate: more than half of its members voted (every other body)
  z.object({ kind: z.literal("MEMBERS_MORE_THAN_HALF") }),
]);
export type ValidityRule = z.infer<typeof ZValidityRule>;

/** What the winning choice needs among the votes cast. */
export const ZDecisionRule = z.discriminatedUnion("kind", [
  // more than half of those who voted chose it (abstentions count as present)
  z.object({ kind: z.literal("MORE_THAN_HALF_PRESENT") }),
  // two thirds of those who voted chose it
  z.object({ kind: z.literal("TWO_THIRDS_PRESENT") }),
  // the most votes, with no tie for first place (several candidates)
  z.object({ kind: z.literal("MOST_VOTES") }),
]);
export type DecisionRule = z.infer<typeof ZDecisionRule>;

export function isValid(rule: ValidityRule, voted: number, electorate: number): boolean {
  switch (rule.kind) {
    case "HOUSEHOLDS_TWO_THIRDS":
    case "MEMBERS_TWO_THIRDS":
      return electorate > 0 && voted * 3 >= electorate * 2;
    case "HOUSEHOLDS_MORE_THAN_HALF":
    case "MEMBERS_MORE_THAN_HALF":
      return electorate > 0 && voted * 2 > electorate;
    case "ANY_TURNOUT":
      return voted > 0;
  }
}

/** The choice the rule picks, or null when none reaches it. Options that are abstentions never win. */
export function decide(rule: DecisionRule, counts: { option: string; count: number }[], voted: number, abstain: string | null): string | null {
  const candidates = counts.filter((c) => c.option !== abstain);
  const top = [...candidates].sort((a, b) => b.count - a.count);
  const first = top[0];
  if (!first || first.count === 0) return null;
  switch (rule.kind) {
    case "MORE_THAN_HALF_PRESENT":
      return first.count * 2 > voted ? first.option : null;
    case "TWO_THIRDS_PRESENT":
      return first.count * 3 >= voted * 2 ? first.option : null;
    case "MOST_VOTES":
      return top[1] && top[1].count === first.count ? null : first.option;
  }
}

export type Outcome = "PASSED" | "REJECTED" | "ELECTED" | "NO_DECISION" | "INVALID";

/**
 * The outcome of a closed motion. A yes/no motion (its first option is 同意) passes when 同意 wins;
 * a motion with candidates elects the winner. Below the validity rule's turnout it is INVALID.
 */
export function outcomeOf(
  motion: { options: string[]; validityRule: ValidityRule; decisionRule: DecisionRule },
  counts: { option: string; count: number }[],
  electorate: number,
): { voted: number; valid: boolean; winner: string | null; outcome: Outcome } {
  const voted = counts.reduce((s, c) => s + c.count, 0);
  const valid = isValid(motion.validityRule, voted, electorate);
  if (!valid) return { voted, valid, winner: null, outcome: "INVALID" };
  const yesNo = isYesNo(motion.options);
  const winner = decide(motion.decisionRule, counts, voted, yesNo ? YES_NO[2] : null);
  if (yesNo) return { voted, valid, winner, outcome: winner === YES_NO[0] ? "PASSED" : "REJECTED" };
  return { voted, valid, winner, outcome: winner ? "ELECTED" : "NO_DECISION" };
}

/** The default choices of a question. */
export const YES_NO = ["同意", "不同意", "弃权"] as const;

export function isYesNo(options: string[]): boolean {
  return options.length === YES_NO.length && options.every((o, i) => o === YES_NO[i]);
}
