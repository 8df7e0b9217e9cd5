import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RaiseForm } from "@/components/matters/raise-form";
import { Card, PageTitle } from "@/components/ui/card";

/** 我要说事: the villager's form (the household is their own). */
export default async function RaiseMatterPage() {
  const t = await getTranslations("matters");
  return (
    <div className="space-y-4">
      <Link href="/v/affairs/matters" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("backList")}
      </Link>
      <PageTitle>{t("raise")}</PageTitle>
      <Card>
        <RaiseForm done="/v/affairs/matters" />
      </Card>
    </div>
  );
}
