import "server-only";
import { redirect } from "next/navigation";
import type { Role } from "@/server/db/generated/enums";
import type { Actor } from "./actor";
import { HOME_OF } from "./homes";
import { currentSession } from "./session";

/**
 * For a page's layout: the actor when their current role is one of `roles`; otherwise off to sign-in,
 * to the role chooser, or to their own home. The procedures check permissions again on every call.
 */
export async function requireActor(roles: readonly Role[]): Promise<Actor> {
  const s = await currentSession();
  if (s.kind === "anonymous") redirect("/signin");
  if (s.kind === "choose") redirect("/choose");
  if (!roles.includes(s.actor.role)) redirect(HOME_OF[s.actor.role]);
  return s.actor;
}
