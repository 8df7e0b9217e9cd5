import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BodiesView } from "@/components/council/bodies-view";
import { PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** The village's bodies and their members for supervisors: read-only (the committee records them). */
export default async function Page() {
  const [t, tv, caller] = await Promise.all([getTranslations("bodies"), getTranslations("votes.supervise"), serverCaller()]);
  const view = await caller.body.list();
  return (
    <div className="space-y-4">
      <Link href="/s" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {tv("back")}
      </Link>
      <PageTitle>{tv("bodiesTile")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("admin.readOnly")}</p>
      <BodiesView view={view} manage={false} />
    </div>
  );
}
