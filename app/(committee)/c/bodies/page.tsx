import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateBody } from "@/components/council/body-actions";
import { BodiesView } from "@/components/council/bodies-view";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村级组织 for the committee: the village's bodies, members' roles and terms, and their history. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, view] = await Promise.all([getTranslations("bodies"), caller.body.list()]);
  return (
    <div className="space-y-4">
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("backHome")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("intro")}</p>
      <BodiesView view={view} manage />
      <Card>
        <CreateBody />
      </Card>
    </div>
  );
}
