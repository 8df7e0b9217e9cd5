import { redirect } from "next/navigation";
import { HOME_OF } from "@/server/auth/homes";
import { currentSession } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function Index() {
  const s = await currentSession();
  if (s.kind === "anonymous") redirect("/signin");
  if (s.kind === "choose") redirect("/choose");
  redirect(HOME_OF[s.actor.role]);
}
