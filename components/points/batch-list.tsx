import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/server/lib/village-time.schema";
import type { Batch } from "./types";

/** Notice batches, newest first: window, who published, how many entries and where they stand. */
export function BatchList({ items }: { items: Batch[] }) {
  const t = useTranslations("points");
  const locale = useLocale();
  return (
    <ul className="space-y-2" data-testid="batch-list">
      {items.map((b) => (
        <li key={b.id} className="rounded-2xl bg-paper px-4 py-3 shadow-sm ring-1 ring-stone-200" data-testid="batch-item">
          <p className="flex items-start justify-between gap-2">
            <span className="text-lg font-bold text-stone-900">{b.title}</span>
            <span
              className={`shrink-0 rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${
                b.windowOpen ? "bg-violet-50 text-violet-900 ring-violet-300" : b.finalizedAt ? "bg-green-50 text-green-800 ring-green-300" : "bg-amber-50 text-amber-900 ring-amber-300"
              }`}
            >
              {b.windowOpen ? t("batches.open") : b.finalizedAt ? t("batches.finalized") : t("batches.closing")}
            </span>
          </p>
          <p className="text-base text-stone-700">{t("batches.window", { from: formatDateTime(b.publishedAt, locale), to: formatDateTime(b.closesAt, locale) })}</p>
          <p className="text-base text-stone-600">{t("batches.by", { name: b.publishedByName })}</p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-base text-stone-800">
            <span className="font-medium">{t("batches.total", { count: b.total })}</span>
            {Object.entries(b.counts).map(([s, n]) => (
              <span key={s}>
                {t(`awardStatus.${s}` as "awardStatus.FINAL")} {n}
              </span>
            ))}
            {b.openObjections ? <span className="font-medium text-amber-800">{t("awards.openObjections", { count: b.openObjections })}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
