/** Pure rules for managing the accounts of a village. */
import type { Actor } from "@/server/auth/actor";
import type { ErrorCode } from "@/server/lib/errors";
import { COMMITTEE_ROLE_VALUES, type VillageRole } from "./account.schema";

/**
 * Roles the village committee itself may give or take away. SUPERVISOR is not among them: the
 * supervisory committee (村务监督委员会) watches the committee, so the committee must not choose it.
 * The town appoints and removes supervisors (later: a recorded election).
 */
export const COMMITTEE_ASSIGNABLE: readonly VillageRole[] = COMMITTEE_ROLE_VALUES;

/** Roles one person may not hold together with SUPERVISOR in the same village (who proposes or spends may not review). */
export const CONFLICTS_WITH_SUPERVISOR: readonly VillageRole[] = ["COMMITTEE", "SHOPKEEPER"];

/**
 * Why granting `role` to a person who already holds `held` (active roles in the same village) breaks
 * the separation of duties, or null when it does not.
 */
export function roleConflict(held: readonly string[], role: string): ErrorCode | null {
  if (role === "SUPERVISOR" && held.some((r) => (CONFLICTS_WITH_SUPERVISOR as readonly string[]).includes(r))) return "ROLE_CONFLICT";
  if ((CONFLICTS_WITH_SUPERVISOR as readonly string[]).includes(role) && held.includes("SUPERVISOR")) return "ROLE_CONFLICT";
  return null;
}

/**
 * Why this role change may not be made by the committee, or null when it may.
 * - SUPERVISOR is given and removed by the town only;
 * - a grid worker must have a grid;
 * - a committee member cannot remove their own committee role (the village could be left with
 *   nobody to keep it, and one slip would lock them out).
 */
export function roleChangeProblem(
  actor: Pick<Actor, "userId">,
  change: { userId: string; role: VillageRole; enabled: boolean; gridId?: string | null },
): ErrorCode | null {
  if (!COMMITTEE_ASSIGNABLE.includes(change.role)) return "SUPERVISOR_BY_TOWN";
  if (!change.enabled && change.role === "COMMITTEE" && change.userId === actor.userId) return "OWN_COMMITTEE_ROLE";
  if (change.enabled && change.role === "GRID_WORKER" && !change.gridId) return "GRID_REQUIRED";
  return null;
}

/** What the village knows about a person's account when its committee wants to reset it or give a role. */
export type KeepFacts = {
  /** the person's active roles in this village */
  rolesHere: readonly string[];
  /** an active role in another village, a town or a county */
  roleElsewhere: boolean;
  /** an ACTIVE (linked and accepted) member of one of the village's households */
  householdMember: boolean;
  /** the account was opened by this village's committee (its account.create is in the village's trail) */
  openedHere: boolean;
};

/**
 * Why the committee may not reset this person's password or give them a role, or null when it may.
 * The committee keeps the accounts of its own people only: active members of the village's households,
 * and staff accounts it opened itself that act nowhere else. Holding some role in the village is not
 * enough: a person who left, who was appointed by the town, or who acts in another place as well is
 * not the committee's to take over (docs/architecture.md, "Roles that check each other").
 */
export function keepProblem(facts: KeepFacts, what: "reset" | "grant"): ErrorCode | null {
  if (facts.rolesHere.includes("SUPERVISOR")) return "SUPERVISOR_ACCOUNT";
  if (facts.roleElsewhere) return what === "reset" ? "ACCOUNT_SHARED" : "ACCOUNT_NOT_KEPT";
  if (!facts.householdMember && !facts.openedHere) return "ACCOUNT_NOT_KEPT";
  return null;
}
