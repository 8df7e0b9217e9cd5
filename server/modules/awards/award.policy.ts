/**
 * Pure rules of due process: separation of duties and caps (the village calendar is
 * server/lib/village-time.schema.ts).
 * No database here, so each rule is testable on its own.
 */
import type { Actor } from "@/server/auth/actor";
import type { ErrorCode } from "@/server/lib/errors";

/**
 * How a reviewer is tied to a household: a member of it, a relation they declared (or confirmed), a
 * relation the committee proposed that they have not answered yet, or a person of one of those
 * households who is also registered in this one (someone in several households ties them all).
 */
export type ReviewTie = "MEMBER" | "DECLARED" | "PROPOSED" | "SHARED_PERSON";

/** Why the queue shows a row as blocked for this reviewer. */
export type BlockReason = "OWN_PROPOSAL" | ReviewTie;

/** The reason (most direct first) this reviewer may not review the entry, or null. */
export function blockReason(
  actor: Pick<Actor, "userId">,
  award: { proposedById: string },
  tie: ReviewTie | null | undefined,
  opts: { checkProposer?: boolean } = {},
): BlockReason | null {
  if ((opts.checkProposer ?? true) && award.proposedById === actor.userId) return "OWN_PROPOSAL";
  return tie ?? null;
}

/**
 * May this reviewer review (approve, reject, reverse, rule on) an entry of this household?
 * Principle 3: never their own proposal, never a household they are tied to (see ReviewTie).
 */
export function reviewBlock(
  actor: Pick<Actor, "userId">,
  award: { proposedById: string },
  tie: ReviewTie | null | undefined,
  opts: { checkProposer?: boolean } = {},
): Extract<ErrorCode, "OWN_PROPOSAL" | "RELATED_HOUSEHOLD"> | null {
  const why = blockReason(actor, award, tie, opts);
  if (!why) return null;
  return why === "OWN_PROPOSAL" ? "OWN_PROPOSAL" : "RELATED_HOUSEHOLD";
}

/** Statuses that count towards a rule's cap: everything except what was turned down or undone. */
export const CAP_COUNTED = ["PROPOSED", "APPROVED", "IN_NOTICE", "FINAL"] as const;

/** Households that would go over the rule's cap with `adding` more entries each. */
export function overCap(
  rule: { capCount: number | null; capPeriod: "MONTH" | "YEAR" | null },
  counts: Map<string, number>,
  householdIds: string[],
  adding = 1,
): string[] {
  if (!rule.capCount || !rule.capPeriod) return [];
  return householdIds.filter((id) => (counts.get(id) ?? 0) + adding > rule.capCount!);
}

/** The cap in words for the error message, in both languages (the service does not know the reader's). */
export function capWords(rule: { capCount: number | null; capPeriod: "MONTH" | "YEAR" | null }) {
  const n = rule.capCount ?? 0;
  return rule.capPeriod === "YEAR"
    ? { capZh: `每年最多 ${n} 次`, capEn: `at most ${n} time${n === 1 ? "" : "s"} a year` }
    : { capZh: `每月最多 ${n} 次`, capEn: `at most ${n} time${n === 1 ? "" : "s"} a month` };
}

/** The ledger transaction kind and postings of a final award: ISSUANCE → HOUSEHOLD, or back for a deduction. */
export function awardPostings(points: number, accounts: { issuance: string; household: string }) {
  return {
    kind: points > 0 ? ("AWARD" as const) : ("DEDUCTION" as const),
    postings: [
      { accountId: accounts.issuance, points: -points },
      { accountId: accounts.household, points },
    ],
  };
}

/** Names households in a message, the same in both languages: "001 王建国, 002 李春生 (+10)". */
export function householdList(hs: { number: string; headName: string }[], max = 5): string {
  const shown = hs.slice(0, max).map((h) => `${h.number} ${h.headName}`).join(", ");
  return hs.length > max ? `${shown} (+${hs.length - max})` : shown;
}
