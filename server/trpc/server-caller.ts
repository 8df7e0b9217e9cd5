import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentSession } from "@/server/auth/session";
import { createCaller } from "./root";
import { createContext } from "./context";

/**
 * A caller for server components: the same procedures, permissions and errors as over HTTP.
 * A page renders alongside its layout, whose guard sends a signed-out visitor to sign in; without an
 * actor the page's own calls redirect the same way instead of failing with UNAUTHENTICATED (which
 * Next.js would log as a server error for every expired session).
 */
export const serverCaller = cache(async () => {
  const ctx = await createContext();
  if (!ctx.actor) redirect((await currentSession()).kind === "choose" ? "/choose" : "/signin");
  return createCaller(ctx);
});
