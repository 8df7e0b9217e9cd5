import type { Role } from "@/server/db/generated/enums";

/** Who is acting: the signed-in user through one membership (a role in one region). */
export type Actor = {
  userId: string;
  name: string;
  membershipId: string;
  role: Role;
  /** The membership's region: a village for village roles, a town or county for admins. */
  regionId: string;
  regionName: string;
  /** Set for village roles. */
  villageId: string | null;
  /** Set for grid workers. */
  gridId: string | null;
};

/** The village an actor works in; throws for admins, who must name a village explicitly. */
export function villageOf(actor: Actor): string {
  if (!actor.villageId) throw new Error("actor has no village");
  return actor.villageId;
}
