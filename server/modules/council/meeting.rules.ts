/**
 * Whether a body's meeting was valid (docs/architecture.md, "Meetings"): a 村民代表会议 needs two
 * thirds of its representatives present; every other body more than half of its members. A body
 * with nobody expected cannot hold a valid meeting. Pure, so the edges are tested one by one.
 */
import type { BodyKind } from "./body.schema";

export type QuorumRule = "TWO_THIRDS" | "MORE_THAN_HALF";

export function quorumRule(kind: BodyKind): QuorumRule {
  return kind === "REPRESENTATIVES" ? "TWO_THIRDS" : "MORE_THAN_HALF";
}

/** `present` of `expected` (应到 / 实到) meets the body's rule; integers only, no rounding. */
export function meetingValid(kind: BodyKind, expected: number, present: number): boolean {
  if (expected <= 0 || present < 0) return false;
  return quorumRule(kind) === "TWO_THIRDS" ? present * 3 >= expected * 2 : present * 2 > expected;
}

/** Whether a term (start, optional end) covers the meeting's day ("YYYY-MM-DD"). */
export function termCovers(m: { termStart: Date; termEnd: Date | null }, day: string): boolean {
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return d(m.termStart) <= day && (!m.termEnd || d(m.termEnd) >= day);
}
