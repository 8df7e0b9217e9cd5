import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, ComingSoon, PageTitle } from "@/components/ui/card";
import { LinkTile } from "@/components/ui/link-tile";
import { VillageSummaryView } from "@/components/village/village-summary";
import { serverCaller } from "@/server/trpc/server-caller";

/** 监督委员会: award review arrives with points (said plainly); meanwhile the village and its audit trail. */
export default async function SupervisorHome() {
  const [t, summary] = await Promise.all([getTranslations(), (await serverCaller()).village.summary()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.supervisor.title")}</PageTitle>
      <p className="-mt-3 text-base text-stone-600">{summary.villageName}</p>
      <ComingSoon feature={t("home.supervisor.reviewTitle")} body={t("home.supervisor.reviewBody")} />
      <div className="grid grid-cols-2 gap-3">
        <LinkTile href="/s/audit" icon="scroll" label={t("home.supervisor.audit")} testId="go-audit" />
        <LinkTile href="/s/households" icon="users" label={t("home.supervisor.households")} testId="go-households" />
      </div>
      <VillageSummaryView s={summary} />
      <Card>
        <Link href="/s/audit" className="flex min-h-12 items-center justify-between">
          <span>
            <span className="block text-lg font-bold">{t("village.recentAudit")}</span>
            <span className="text-base text-stone-600">{t("village.recentAuditCount", { count: summary.recentAudit ?? 0 })}</span>
          </span>
          <span className="text-lg text-brand">›</span>
        </Link>
      </Card>
    </div>
  );
}
