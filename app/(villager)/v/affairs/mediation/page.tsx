import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseCard } from "@/components/mediation/case-card";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** 调解: only the cases my household is a party to (or that I mediate), with sessions, agreement and the confirm button. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, list] = await Promise.all([getTranslations("mediation"), caller.mediation.list()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("villagerIntro")}</p>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600" data-testid="mediation-empty">
            {t("empty")}
          </p>
        </Card>
      ) : null}
      {list.items.map((c) => (
        <CaseCard key={c.id} c={c} full />
      ))}
    </div>
  );
}
