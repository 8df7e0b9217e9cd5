import type { Actor } from "@/server/auth/actor";

/**
 * Which households an actor may see in the register: committee and supervisors the whole village,
 * grid workers their own grid. Used in every `where`, so out-of-scope rows are simply NOT_FOUND.
 */
export function householdScope(actor: Actor): { villageId: string; gridId?: string } {
  if (!actor.villageId) return { villageId: "__none__" };
  if (actor.role === "GRID_WORKER") return { villageId: actor.villageId, gridId: actor.gridId ?? "__none__" };
  return { villageId: actor.villageId };
}
