import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { ReportCard } from "@/components/reports/report-card";
import { ReportForm } from "@/components/reports/report-form";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** 随手拍: a new report (photo, words, category, place) and the household's reports with their state. */
export default async function ReportPage() {
  const [t, mine] = await Promise.all([getTranslations("reports"), (await serverCaller()).report.mine()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        <h2 className="mb-3 text-xl font-bold">{t("new")}</h2>
        <ReportForm />
      </Card>
      <h2 className="text-xl font-bold">{t("mine")}</h2>
      {mine.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="my-reports">
          {mine.map((r) => (
            <li key={r.id}>
              <ReportCard r={r} awardHref={r.awardId ? `/v/points/${r.awardId}` : null} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
