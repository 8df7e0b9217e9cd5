import { useLocale, useTranslations } from "next-intl";
import { formatShortDay } from "@/server/lib/village-time.schema";
import { AwardStatusBadge, PointsFigure } from "./status-badge";
import type { AwardView } from "./types";

/** An entry in staff lists: household, rule, points, reason, who proposed it and when, its state. */
export function AwardRowBody({ a, showStatus = true }: { a: AwardView; showStatus?: boolean }) {
  const t = useTranslations("points");
  const locale = useLocale();
  return (
    <>
      <span className="flex items-start justify-between gap-3">
        <span className="min-w-0">
          <span className="block text-lg font-bold text-stone-900">{t("board.household", { number: a.household.number, head: a.household.headName })}</span>
          <span className="block text-lg leading-snug text-stone-900">{a.rule.title}</span>
        </span>
        <PointsFigure points={a.points} />
      </span>
      <span className="mt-1 block text-base text-stone-800">{a.reason}</span>
      <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-base text-stone-600">
        {showStatus ? <AwardStatusBadge status={a.status} /> : null}
        <span>
          {[a.rule.code, a.member ? t("awards.member", { name: a.member.name }) : null, a.source === "BATCH" ? t("source.BATCH") : null]
            .filter(Boolean)
            .join(" · ")}
        </span>
        <span>{t("awards.proposedBy", { name: a.proposedBy.name, date: formatShortDay(a.proposedAt, locale) })}</span>
        {a.openObjections > 0 ? <span className="font-medium text-amber-800">{t("awards.openObjections", { count: a.openObjections })}</span> : null}
      </span>
    </>
  );
}
