import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ComingSoon, PageTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";

/** 村务: the village rules in force now; notices and deliberation arrive later (said plainly). */
export default async function AffairsPage() {
  const t = await getTranslations("rules.affairs");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <Link
        href="/v/affairs/rules"
        className="flex min-h-20 items-center gap-3 rounded-2xl bg-paper p-4 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
        data-testid="go-rules"
      >
        <span className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-red-50 text-brand">
          <Icon name="scroll" className="h-7 w-7" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-lg font-bold text-stone-900">{t("rulesLink")}</span>
          <span className="block text-base text-stone-600">{t("rulesBody")}</span>
        </span>
        <span className="text-2xl text-stone-400" aria-hidden="true">
          ›
        </span>
      </Link>
      <ComingSoon feature={t("comingTitle")} body={t("comingBody")} />
    </div>
  );
}
