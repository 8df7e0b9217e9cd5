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

/** Masks a phone number for display to staff: 138****0001. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}
