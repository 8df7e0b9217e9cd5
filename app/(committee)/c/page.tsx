import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { LinkTile } from "@/components/ui/link-tile";
import { VillageSummaryView } from "@/components/village/village-summary";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村委会工作台: the village at a glance and the committee's everyday shortcuts. */
export default async function CommitteeHome() {
  const [t, summary] = await Promise.all([getTranslations(), (await serverCaller()).village.summary()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.committee.title")}</PageTitle>
      <p className="-mt-3 text-base text-stone-600">{summary.villageName}</p>

      <section aria-labelledby="quick">
        <h2 id="quick" className="mb-2 text-lg font-bold">
          {t("home.committee.quick")}
        </h2>
        <div className="grid grid-cols-2 gap-3">
          <LinkTile href="/c/households" icon="users" label={t("home.committee.households")} testId="go-households" />
          <LinkTile href="/c/households/new" icon="plus" label={t("home.committee.newHousehold")} testId="go-new-household" />
          <LinkTile href="/c/households/import" icon="upload" label={t("home.committee.import")} testId="go-import" />
          <LinkTile href="/c/accounts" icon="key" label={t("home.committee.accounts")} testId="go-accounts" />
        </div>
      </section>

      <VillageSummaryView s={summary} />

      <Card>
        <Link href="/c/audit" className="flex min-h-12 items-center justify-between" data-testid="go-audit">
          <span>
            <span className="block text-lg font-bold">{t("village.recentAudit")}</span>
            <span className="text-base text-stone-600">{t("village.recentAuditCount", { count: summary.recentAudit ?? 0 })}</span>
          </span>
          <span className="text-lg text-brand">{t("home.committee.audit")} ›</span>
        </Link>
      </Card>
    </div>
  );
}
