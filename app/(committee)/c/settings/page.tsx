import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/village/settings-form";
import { SettingChanges } from "@/components/village/setting-changes";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 本村设置: the committee changes the village's settings in the open; the history below. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, data] = await Promise.all([getTranslations("settings"), getLocale(), caller.village.settings()]);
  return (
    <div className="space-y-4">
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="settings-back">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-700">{t("intro")}</p>
      <Card>
        <SettingsForm initial={data.settings} />
      </Card>
      <Card>
        <h2 className="text-xl font-bold">{t("history")}</h2>
        <SettingChanges changes={data.changes} locale={locale} empty={t("historyEmpty")} testId="settings-history" />
      </Card>
    </div>
  );
}
