import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";
import type { ReportView } from "./types";

const BADGE = {
  SUBMITTED: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-green-100 text-green-900",
  DECLINED: "bg-stone-200 text-stone-800",
  DUPLICATE: "bg-stone-200 text-stone-800",
} as const;

/** One report as the household and reviewers see it: photos, words, place, state. */
export function ReportCard({ r, awardHref, children }: { r: ReportView; awardHref?: string | null; children?: React.ReactNode }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  return (
    <Card data-testid="report-card">
      <div className="flex items-start justify-between gap-2">
        <span className={`rounded-full px-3 py-1 text-base font-medium ${BADGE[r.status]}`} data-testid="report-status">
          {t(`status.${r.status}`)}
        </span>
        <span className="text-base text-stone-600">{t(`cat.${r.category}`)}</span>
      </div>
      <p className="mt-2 text-lg text-stone-900">{r.text}</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {r.photos.map((p) => (
          <li key={p.id}>
            <img src={p.url} alt={r.text} className="h-24 w-24 rounded-xl object-cover ring-1 ring-stone-200" data-testid="report-photo-img" />
          </li>
        ))}
      </ul>
      <p className="mt-2 text-base text-stone-700">
        {t("queue.by", { number: r.household.number, head: r.household.headName, date: formatDateTime(r.createdAt, locale) })}
      </p>
      <p className="text-base text-stone-700">
        {r.place.source === "GPS" && r.place.accuracyM != null ? t("queue.gps", { m: r.place.accuracyM }) : null}
        {r.place.landmarkName ? t("pickLandmark", { name: r.place.landmarkName }) : r.place.gridName ? ` ${t("pickGrid", { name: r.place.gridName })}` : null}
        {r.place.farFromVillage ? <span className="ml-2 font-bold text-amber-700">{t("queue.far")}</span> : null}
      </p>
      {r.proxyName ? (
        <p className="text-base text-stone-700" data-testid="report-proxy">
          {t("proxy", { name: r.proxyName })}
        </p>
      ) : null}
      {r.status === "DECLINED" && r.declineReason ? <p className="mt-1 text-base text-stone-900">{t("declined", { reason: r.declineReason })}</p> : null}
      {awardHref ? (
        <Link href={awardHref} className="mt-2 inline-flex min-h-11 items-center text-lg text-brand underline" data-testid="report-award">
          {t("award")}
        </Link>
      ) : null}
      {children}
    </Card>
  );
}
