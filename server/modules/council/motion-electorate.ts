/**
 * A motion's electorate (docs/architecture.md, "Motions and votes"): every ACTIVE household of the
 * village (one vote per household), the current members of one of its bodies (one vote per person),
 * or the village's representatives (a body of kind REPRESENTATIVES). The validity rule of a body's
 * vote is the body's, as data: two thirds of the representatives, more than half of any other body;
 * a motion that names a rule book must be village-wide (the 村规民约 is the 村民会议's).
 */
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/lib/deps";
import type { Db } from "@/server/db/client";
import { DomainError } from "@/server/lib/errors";
import { villageDay } from "@/server/lib/village-time.schema";
import { activeHouseholdIds, householdOfActor, personIdsOfActor } from "../households/for-council.read";
import type { BodyKind } from "./body.schema";
import * as erepo from "./electorate.repo";
import { quorumRule } from "./meeting.rules";
import type { ElectorKey } from "./motion.repo";
import * as repo from "./motion.repo";
import type { ValidityRule } from "./motion.rules";
import type { ElectorateInput } from "./motion.schema";

export type ElectorateKind = "VILLAGE_HOUSEHOLDS" | "BODY_MEMBERS" | "REPRESENTATIVES";

/** The validity rule a body's vote is held to: its meeting quorum (two thirds for the representatives). */
export function bodyValidity(kind: BodyKind): ValidityRule {
  return quorumRule(kind) === "TWO_THIRDS" ? { kind: "MEMBERS_TWO_THIRDS" } : { kind: "MEMBERS_MORE_THAN_HALF" };
}

/** The stored electorate of a vote of a body of `kind`. */
export function electorateOfBody(kind: BodyKind): ElectorateKind {
  return kind === "REPRESENTATIVES" ? "REPRESENTATIVES" : "BODY_MEMBERS";
}

/**
 * Checks the electorate against the rules. Throws MOTION_BOOK_NEEDS_VILLAGE_VOTE (a rule book is
 * adopted by the village's households, never a body or the representatives) and MOTION_RULE_ELECTORATE
 * (a household vote held to a body's members rule).
 */
export function assertElectorateFits(electorate: ElectorateKind, validityRule: ValidityRule, ruleBookId: string | null | undefined): void {
  if (ruleBookId && electorate !== "VILLAGE_HOUSEHOLDS") throw new DomainError("MOTION_BOOK_NEEDS_VILLAGE_VOTE");
  const membersRule = validityRule.kind === "MEMBERS_TWO_THIRDS" || validityRule.kind === "MEMBERS_MORE_THAN_HALF";
  if (electorate === "VILLAGE_HOUSEHOLDS" && membersRule) throw new DomainError("MOTION_RULE_ELECTORATE");
}

/**
 * The stored electorate, body and validity rule of a new motion. A body's vote takes the body's rule
 * whatever was asked. Throws NOT_FOUND (no such body in the village), MOTION_BOOK_NEEDS_VILLAGE_VOTE,
 * MOTION_RULE_ELECTORATE.
 */
export async function resolveElectorate(
  db: Db | Tx,
  villageId: string,
  input: { electorate: ElectorateInput; validityRule: ValidityRule; ruleBookId?: string },
): Promise<{ electorate: ElectorateKind; bodyId: string | null; validityRule: ValidityRule }> {
  if (input.electorate.kind === "VILLAGE") {
    assertElectorateFits("VILLAGE_HOUSEHOLDS", input.validityRule, input.ruleBookId);
    return { electorate: "VILLAGE_HOUSEHOLDS", bodyId: null, validityRule: input.validityRule };
  }
  // refuse a book vote before looking the body up: the answer does not depend on which body
  if (input.ruleBookId) throw new DomainError("MOTION_BOOK_NEEDS_VILLAGE_VOTE");
  const body = await erepo.findVillageBody(db, villageId, input.electorate.bodyId);
  if (!body) throw new DomainError("NOT_FOUND");
  const electorate = electorateOfBody(body.kind);
  return { electorate, bodyId: body.id, validityRule: bodyValidity(body.kind) };
}

/** The electorate to freeze when the motion opens at `at`: the village's ACTIVE households, or the body's members that day. */
export async function electorsToFreeze(tx: Tx, m: { villageId: string; electorate: ElectorateKind; bodyId: string | null }, at: Date): Promise<ElectorKey[]> {
  if (m.electorate === "VILLAGE_HOUSEHOLDS" || !m.bodyId) {
    return (await activeHouseholdIds(tx, m.villageId)).map((householdId) => ({ householdId }));
  }
  const day = new Date(`${villageDay(at)}T00:00:00.000Z`);
  return (await erepo.currentMemberPersons(tx, m.villageId, m.bodyId, day)).map((householdMemberId) => ({ householdMemberId }));
}

/**
 * The elector row the actor votes through, with its key: their household's (village-wide), or their
 * own as a body's member. Null when the actor is not in the electorate.
 */
export async function electorOfActor(db: Db | Tx, m: { id: string; electorate: ElectorateKind }, actor: Actor) {
  if (m.electorate === "VILLAGE_HOUSEHOLDS") {
    const household = await householdOfActor(db, actor);
    if (!household) return null;
    const key: ElectorKey = { householdId: household.id };
    const row = await repo.findElector(db, m.id, key);
    return row ? { key, row } : null;
  }
  for (const householdMemberId of await personIdsOfActor(db, actor)) {
    const key: ElectorKey = { householdMemberId };
    const row = await repo.findElector(db, m.id, key);
    if (row) return { key, row };
  }
  return null;
}

/** The bodies the committee may put a motion to. */
export function electorateBodies(db: Db, villageId: string) {
  return erepo.villageBodies(db, villageId);
}
