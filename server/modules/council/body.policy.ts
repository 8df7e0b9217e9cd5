/**
 * The law's separation between the village committee (村民委员会) and the supervisory committee
 * (村务监督委员会): a member of the committee, and their close relatives, may not serve on the
 * supervisory committee (docs/architecture.md, "Councils as bodies"). Close relatives are people of
 * the same household, or a household related to the person by a declared relation.
 */
import { DomainError, type ErrorCode } from "@/server/lib/errors";
import type { BodyKind } from "./body.schema";

/** A person on one side of the separation: their household member row (if any), account and households. */
export type SidePerson = { memberId: string | null; userId: string | null; householdIds: string[] };

/** The candidate for a body. */
export type Candidate = { memberId: string; userId: string | null; householdId: string };

/** The kind whose members a candidate for `kind` must not be, nor be close relatives of. */
export function opposingKind(kind: BodyKind): BodyKind | null {
  if (kind === "SUPERVISORY") return "COMMITTEE";
  if (kind === "COMMITTEE") return "SUPERVISORY";
  return null;
}

/**
 * Why `c` may not join a body of `kind` given the people of the opposing side and the declared
 * relations `(userId, householdId)` between either; null when nothing stands in the way.
 */
export function separationConflict(
  kind: BodyKind,
  c: Candidate,
  others: SidePerson[],
  relations: { userId: string; householdId: string }[],
): ErrorCode | null {
  const self = kind === "SUPERVISORY" ? "BODY_EXCLUDED_COMMITTEE" : "BODY_EXCLUDED_SUPERVISOR";
  const relative = kind === "SUPERVISORY" ? "BODY_EXCLUDED_COMMITTEE_RELATIVE" : "BODY_EXCLUDED_SUPERVISOR_RELATIVE";
  for (const o of others) {
    if ((o.memberId && o.memberId === c.memberId) || (o.userId && o.userId === c.userId)) return self;
  }
  const otherHouseholds = new Set(others.flatMap((o) => o.householdIds));
  if (otherHouseholds.has(c.householdId)) return relative;
  const otherUsers = new Set(others.map((o) => o.userId).filter((x): x is string => !!x));
  for (const r of relations) {
    if (otherUsers.has(r.userId) && r.householdId === c.householdId) return relative;
    if (c.userId && r.userId === c.userId && otherHouseholds.has(r.householdId)) return relative;
  }
  return null;
}

export function assertNoConflict(code: ErrorCode | null): void {
  if (code) throw new DomainError(code);
}

/** Whether a term runs on `today` ("YYYY-MM-DD"): started, not ended by the committee, not past its end. */
export function termRuns(m: { termStart: Date; termEnd: Date | null; endedAt: Date | null }, today: string): boolean {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return !m.endedAt && day(m.termStart) <= today && (!m.termEnd || day(m.termEnd) >= today);
}

/** A term that has not ended yet (running or starting later): the person counts for the separation. */
export function termOpen(m: { termEnd: Date | null; endedAt: Date | null }, today: string): boolean {
  return !m.endedAt && (!m.termEnd || m.termEnd.toISOString().slice(0, 10) >= today);
}
