import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HouseholdImport } from "@/components/households/household-import";
import { Card, PageTitle } from "@/components/ui/card";

export default async function Page() {
  const t = await getTranslations();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/c/households" className="mb-2 inline-flex min-h-11 items-center text-lg text-brand">
          ‹ {t("household.detail.back")}
        </Link>
        <PageTitle>{t("import.title")}</PageTitle>
      </div>
      <Card className="space-y-2 text-base text-stone-700">
        <p>{t("import.intro")}</p>
        <p>{t("import.columns")}</p>
        <a
          href="/templates/household-register-template.csv"
          download="农户名册模板.csv"
          className="flex min-h-12 items-center justify-center rounded-xl border border-stone-300 bg-white px-4 text-lg font-medium text-brand"
          data-testid="import-template"
        >
          {t("import.template")}
        </a>
      </Card>
      <HouseholdImport />
    </div>
  );
}
