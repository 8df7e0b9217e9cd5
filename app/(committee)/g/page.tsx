import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { LinkTile } from "@/components/ui/link-tile";
import { VillageSummaryView } from "@/components/village/village-summary";
import { serverCaller } from "@/server/trpc/server-caller";

/** 我的网格: the grid worker's own grid, its households and members. */
export default async function GridHome() {
  const [t, summary] = await Promise.all([getTranslations(), (await serverCaller()).village.summary()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.grid.title")}</PageTitle>
      {summary.grid ? (
        <>
          <Card className="bg-gradient-to-br from-brand to-brand-dark text-white ring-0">
            <p className="text-2xl font-bold" data-testid="grid-name">
              {summary.grid.name}
            </p>
            <p className="text-base opacity-90">{summary.villageName}</p>
          </Card>
          <VillageSummaryView s={summary} />
          <LinkTile href="/g/reports" icon="camera" label={t("reports.queue.title")} testId="go-reports" />
          <LinkTile href="/g/households" icon="users" label={t("home.grid.households")} testId="go-households" />
          <LinkTile href="/g/meetings" icon="calendar" label={t("meetings.g.title")} testId="go-meetings" />
          <LinkTile href="/g/matters" icon="megaphone" label={t("matters.grid.tile")} testId="go-matters" />
          <LinkTile href="/g/mediation" icon="users" label={t("mediation.tile")} testId="go-mediation" />
        </>
      ) : (
        <Card>
          <p className="text-lg">{t("home.grid.noGrid")}</p>
        </Card>
      )}
    </div>
  );
}
