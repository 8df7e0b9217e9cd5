"use server";
/** Server actions for the session: choosing a membership, switching language. */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { LOCALE_COOKIE, toLocale } from "@/server/i18n/config";
import { loadActor } from "./actor.repo";
import { HOME_OF } from "./homes";
import { MEMBERSHIP_COOKIE, sessionClaims } from "./session";

const YEAR = 365 * 24 * 3600;

export async function chooseMembership(formData: FormData) {
  const membershipId = String(formData.get("membershipId") ?? "").slice(0, 40);
  const claims = await sessionClaims();
  if (!claims) redirect("/signin");
  const actor = await loadActor(getDb(), claims.userId, membershipId, claims.sessionVersion);
  if (!actor) redirect("/choose");
  (await cookies()).set(MEMBERSHIP_COOKIE, actor.membershipId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: YEAR });
  redirect(HOME_OF[actor.role]);
}

export async function setLanguage(formData: FormData) {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { sameSite: "lax", path: "/", maxAge: YEAR });
}

export async function clearMembership() {
  (await cookies()).delete(MEMBERSHIP_COOKIE);
}
