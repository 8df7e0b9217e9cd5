import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";
import { ReportCard } from "./report-card";
import { ReportForm } from "./report-form";
import { ReviewActions } from "./review-actions";

/** The review queue of the grid worker's grid (/g/reports) or the whole village (/c/reports). */
export async function ReviewQueue({ proxyForm = false }: { proxyForm?: boolean }) {
  const caller = await serverCaller();
  const [t, queue, book] = await Promise.all([getTranslations("reports"), caller.report.queue({ status: "SUBMITTED" }), caller.rule.adopted()]);
  const rules = book.groups.filter((g) => g.category === "REPORT").flatMap((g) => g.rules.map((r) => ({ id: r.id, code: r.code, title: r.title, points: r.points })));
  return (
    <div className="space-y-4">
      <PageTitle>{t("queue.title")}</PageTitle>
      {queue.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700">{t("queue.empty")}</p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="report-queue">
          {queue.items.map((r) => (
            <li key={r.id}>
              <ReportCard r={r}>{r.canReview ? <ReviewActions item={r} rules={rules} radiusM={queue.radiusM} windowHours={queue.windowHours} /> : null}</ReportCard>
            </li>
          ))}
        </ul>
      )}
      {proxyForm ? (
        <Card>
          <h2 className="mb-3 text-xl font-bold">{t("new")}</h2>
          <ReportForm proxy />
        </Card>
      ) : null}
    </div>
  );
}
