"use server";
/** Server actions for the session: choosing a membership, switching language. */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/server/env";
import { LOCALE_COOKIE, toLocale } from "@/server/i18n/config";
import { appDeps } from "@/server/lib/deps";
import { servedOverHttps } from "@/server/lib/security-headers";
import { loadActor } from "./actor.repo";
import { HOME_OF } from "./homes";
import { MEMBERSHIP_COOKIE, sessionClaims } from "./session";

const YEAR = 365 * 24 * 3600;

export async function chooseMembership(formData: FormData) {
  const membershipId = String(formData.get("membershipId") ?? "").slice(0, 40);
  const claims = await sessionClaims();
  if (!claims) redirect("/signin");
  const actor = await loadActor(appDeps().db, claims.userId, membershipId, claims.sessionVersion);
  if (!actor) redirect("/choose");
  // Secure over https, so the choice never travels in clear text once the site has https.
  const secure = servedOverHttps(await headers(), { publicUrl: env.NEXTAUTH_URL, trustProxy: env.TRUST_PROXY });
  (await cookies()).set(MEMBERSHIP_COOKIE, actor.membershipId, { httpOnly: true, secure, sameSite: "lax", path: "/", maxAge: YEAR });
  redirect(HOME_OF[actor.role]);
}

export async function setLanguage(formData: FormData) {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { sameSite: "lax", path: "/", maxAge: YEAR });
}

export async function clearMembership() {
  (await cookies()).delete(MEMBERSHIP_COOKIE);
}
