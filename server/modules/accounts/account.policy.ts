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
