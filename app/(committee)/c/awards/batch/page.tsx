import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BatchForm } from "@/components/points/batch-form";
import { PageTitle } from "@/components/ui/card";
import { BATCH_MAX, REASON_MAX } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 批量申报: one rule for many households of the register, or a whole grid. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, rules, village] = await Promise.all([getTranslations("points"), caller.rule.adopted(), caller.village.summary()]);
  return (
    <div>
      <Link href="/c" className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("awards.backHome")}
      </Link>
      <PageTitle>{t("batch.title")}</PageTitle>
      <p className="-mt-2 mb-3 text-base text-stone-600">{t("batch.intro")}</p>
      <BatchForm groups={rules.groups} grids={village.grids} reasonMax={REASON_MAX} batchMax={BATCH_MAX} />
    </div>
  );
}
