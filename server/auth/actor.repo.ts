/**
 * From a session to an actor. The tables are the accounts module's (people and memberships) and the
 * regions module's (the place's name): this file reads them through accounts' read face.
 */
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import { activeMemberships, actorMembership } from "@/server/modules/accounts/account.read";
import type { Actor } from "./actor";
import { VILLAGE_ROLES } from "./permissions";

export type Membership = { id: string; role: Role; regionId: string; regionName: string };

/** The user's active memberships; none when `sessionVersion` is given and is not the user's (a revoked session). */
export async function listMemberships(db: Db, userId: string, sessionVersion?: number): Promise<Membership[]> {
  return activeMemberships(db, userId, sessionVersion);
}

/**
 * The actor for (user, membership), or null when the membership is not the user's or is inactive, or
 * when `sessionVersion` is given and is not the user's (the session was revoked).
 * Runs on every signed-in request: one joined query on hot-sql.
 */
export async function loadActor(db: Db, userId: string, membershipId: string, sessionVersion?: number): Promise<Actor | null> {
  const m = await actorMembership(db, userId, membershipId, sessionVersion);
  if (!m) return null;
  return {
    userId,
    name: m.userName,
    membershipId: m.id,
    role: m.role,
    regionId: m.regionId,
    regionName: m.regionName,
    villageId: VILLAGE_ROLES.includes(m.role) ? m.regionId : null,
    gridId: m.gridId,
  };
}
