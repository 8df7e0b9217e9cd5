/**
 * "For which household is this action?" — asked by every villager action a grid worker may also take
 * on a household's behalf (raise or support a matter, file a 随手拍 report, register a vote). A villager
 * acts for their own household; a grid worker acts for an active household of their own grid, and the
 * action is then recorded as a proxy action (`proxyUserId`), shown to the household as 由网格员 … 代办.
 */
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/lib/errors";
import { villagerHousehold } from "./household.read";

export type ActingFor = {
  householdId: string;
  villageId: string;
  /** the person who pressed the button */
  actorUserId: string;
  /** set when a grid worker acts for the household; null when the household acts itself */
  proxyUserId: string | null;
};

/**
 * Resolves the household an action is for. A VILLAGER's own household (`householdId`, if given, must be
 * it); a GRID_WORKER must name an active household of their grid. Throws HOUSEHOLD_NOT_LINKED (villager
 * without a household), PROXY_HOUSEHOLD_REQUIRED (grid worker named none), PROXY_OUT_OF_GRID (not in
 * their grid, another village, or inactive), FORBIDDEN (any other role).
 */
export async function actingFor(db: Db, actor: Actor, householdId?: string | null): Promise<ActingFor> {
  if (!actor.villageId) throw new DomainError("FORBIDDEN");
  if (actor.role === "VILLAGER") {
    const own = await villagerHousehold(db, actor);
    if (!own) throw new DomainError("HOUSEHOLD_NOT_LINKED");
    if (householdId && householdId !== own.id) throw new DomainError("FORBIDDEN");
    return { householdId: own.id, villageId: actor.villageId, actorUserId: actor.userId, proxyUserId: null };
  }
  if (actor.role === "GRID_WORKER") {
    if (!householdId) throw new DomainError("PROXY_HOUSEHOLD_REQUIRED");
    if (!actor.gridId) throw new DomainError("PROXY_OUT_OF_GRID");
    const h = await db.household.findFirst({
      where: { id: householdId, villageId: actor.villageId, gridId: actor.gridId, status: "ACTIVE" },
      select: { id: true },
    });
    if (!h) throw new DomainError("PROXY_OUT_OF_GRID");
    return { householdId: h.id, villageId: actor.villageId, actorUserId: actor.userId, proxyUserId: actor.userId };
  }
  throw new DomainError("FORBIDDEN");
}
