import "server-only";
import { cookies } from "next/headers";
import { currentSession } from "@/server/auth/session";
import { appDeps } from "@/server/lib/deps";
import { LOCALE_COOKIE, toLocale } from "@/server/i18n/config";
import type { Context } from "./init";

/** The request's context: database, clock, the acting membership and the language. */
export async function createContext(): Promise<Context> {
  const [session, jar] = await Promise.all([currentSession(), cookies()]);
  return {
    deps: appDeps(),
    actor: session.kind === "actor" ? session.actor : null,
    locale: toLocale(jar.get(LOCALE_COOKIE)?.value),
  };
}
