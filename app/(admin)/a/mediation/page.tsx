import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { MEDIATION_TYPES } from "@/server/modules/mediation/mediation.schema";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** 人民调解统计 for the town and county: numbers per village only, never names or case texts. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, stats] = await Promise.all([getTranslations("mediation"), caller.mediation.stats()]);
  const s = (k: string) => t(`stats.${k}` as "stats.total");
  return (
    <div className="space-y-4">
      <Link href="/a" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{s("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{s("intro")}</p>
      {stats.villages.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600" data-testid="mediation-stats-empty">
            {s("empty")}
          </p>
        </Card>
      ) : null}
      {stats.villages.map((v) => (
        <Card key={v.villageId} className="space-y-2" data-testid="mediation-stats-village">
          <h2 className="text-xl font-bold">{v.villageName}</h2>
          <dl className="grid grid-cols-3 gap-2 text-center">
            {(["total", "open", "overdue", "resolved", "referred", "withdrawn"] as const).map((k) => (
              <div key={k} className="rounded-xl bg-stone-50 p-2">
                <dt className="text-sm text-stone-600">{s(k)}</dt>
                <dd className="text-2xl font-bold" data-testid={`stat-${k}`}>
                  {v[k]}
                </dd>
              </div>
            ))}
          </dl>
          <p className="text-lg">
            {s("rate")}：<span data-testid="stat-rate">{v.successRate === null ? s("none") : `${v.successRate}%`}</span>
          </p>
          <p className="text-lg">
            {s("median")}：{v.medianDaysToResolve === null ? s("none") : t("stats.days", { days: v.medianDaysToResolve })}
          </p>
          <p className="text-base text-stone-700">
            {s("byType")}：
            {MEDIATION_TYPES.filter((k) => v.byType[k] > 0)
              .map((k) => `${t(`type.${k}`)} ${v.byType[k]}`)
              .join("，") || s("none")}
          </p>
        </Card>
      ))}
    </div>
  );
}
