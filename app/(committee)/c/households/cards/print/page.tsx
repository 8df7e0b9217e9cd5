import { getLocale, getTranslations } from "next-intl/server";
import { CardSheet } from "@/components/households/card-sheet";
import { ErrorBox, PageTitle } from "@/components/ui/card";
import { zodMessage } from "@/server/i18n/zod-message";
import { toLocale } from "@/server/i18n/config";
import { selectionFromQuery, ZCardSelection } from "@/server/modules/households/card.schema";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/** The print-ready sheet: /c/households/cards/print?all=1 or ?ids=a,b,c */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const parsed = ZCardSelection.safeParse(selectionFromQuery({ all: one(sp.all), ids: one(sp.ids) }));
  if (!parsed.success) {
    const [t, locale] = await Promise.all([getTranslations("cards"), getLocale()]);
    return (
      <div>
        <PageTitle>{t("sheetTitle")}</PageTitle>
        <ErrorBox message={zodMessage(toLocale(locale), parsed.error.issues)} />
      </div>
    );
  }
  return <CardSheet selection={parsed.data} />;
}
