import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { chooseMembership } from "@/server/auth/actions";
import { currentSession } from "@/server/auth/session";
import { listMemberships } from "@/server/auth/actor.repo";
import { appDeps } from "@/server/lib/deps";

export const dynamic = "force-dynamic";

/** A person with several memberships picks which one to act as (also reached from 我的 → 切换身份). */
export default async function ChoosePage() {
  const s = await currentSession();
  if (s.kind === "anonymous") redirect("/signin");
  const userId = s.kind === "actor" ? s.actor.userId : s.userId;
  const memberships = s.kind === "choose" ? s.memberships : await listMemberships(appDeps().db, userId);
  const current = s.kind === "actor" ? s.actor.membershipId : null;
  const t = await getTranslations();
  return (
    <main className="mx-auto max-w-md px-4 pb-10 pt-6">
      <h1 className="text-2xl font-bold">{t("choose.title")}</h1>
      <p className="mb-4 mt-1 text-base text-stone-600">{t("choose.hint")}</p>
      <ul className="space-y-3">
        {memberships.map((m) => (
          <li key={m.id}>
            <form action={chooseMembership}>
              <input type="hidden" name="membershipId" value={m.id} />
              <button
                type="submit"
                className="flex min-h-14 w-full items-center justify-between rounded-2xl border border-stone-300 bg-white px-4 py-3 text-left active:bg-stone-100"
              >
                <span>
                  <span className="block text-xl font-bold">{t(`roles.${m.role}` as "roles.VILLAGER")}</span>
                  <span className="block text-base text-stone-600">{m.regionName}</span>
                </span>
                {m.id === current ? <span className="text-base text-brand">{t("choose.current")}</span> : <span aria-hidden>›</span>}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}
