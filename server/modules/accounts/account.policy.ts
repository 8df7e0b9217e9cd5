/** Pure rules for managing the accounts of a village. */
import type { Actor } from "@/server/auth/actor";
import type { ErrorCode } from "@/server/lib/errors";
import type { VillageRole } from "./account.schema";

/**
 * Why this role change may not be made, or null when it may.
 * - a grid worker must have a grid;
 * - a committee member cannot remove their own committee role (the village could be left with
 *   nobody to keep it, and one slip would lock them out).
 */
export function roleChangeProblem(
  actor: Pick<Actor, "userId">,
  change: { userId: string; role: VillageRole; enabled: boolean; gridId?: string | null },
): ErrorCode | null {
  if (!change.enabled && change.role === "COMMITTEE" && change.userId === actor.userId) return "OWN_COMMITTEE_ROLE";
  if (change.enabled && change.role === "GRID_WORKER" && !change.gridId) return "GRID_REQUIRED";
  return null;
}
