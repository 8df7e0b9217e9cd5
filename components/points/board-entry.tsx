import { useLocale, useTranslations } from "next-intl";
import { formatDateTime, formatShortDay } from "@/server/lib/village-time.schema";
import { PointsFigure } from "./status-badge";
import type { BoardEntry as Entry } from "./types";

/**
 * One entry as the public board shows it: household number and head, rule and category, points,
 * reason, and when the notice closes (never phone numbers, never who proposed or who objected).
 */
export function BoardEntry({ entry, children, final = false }: { entry: Entry; children?: React.ReactNode; final?: boolean }) {
  const t = useTranslations("points");
  const tc = useTranslations("rules.category");
  const locale = useLocale();
  return (
    <li className="py-3" data-testid={final ? "final-entry" : "notice-entry"} data-household={entry.household.number}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-lg font-bold text-stone-900">
            {t("board.household", { number: entry.household.number, head: entry.household.headName })}
            {entry.ownHousehold ? (
              <span className="ml-2 rounded-full bg-red-50 px-2 py-0.5 align-middle text-sm font-medium text-brand ring-1 ring-red-200">
                {t("board.ownHousehold")}
              </span>
            ) : null}
          </p>
          <p className="text-lg leading-snug text-stone-900">{entry.rule.title}</p>
          <p className="text-base text-stone-600">
            {entry.rule.code} · {tc(entry.rule.category as "OTHER")}
            {entry.memberName ? ` · ${entry.memberName}` : ""}
          </p>
        </div>
        <PointsFigure points={entry.points} />
      </div>
      <p className="mt-1 text-base text-stone-800">{entry.reason}</p>
      <p className="mt-1 text-base font-medium text-stone-700">
        {final
          ? entry.finalAt
            ? t("board.finalOn", { date: formatShortDay(entry.finalAt, locale) })
            : null
          : entry.windowOpen && entry.closesAt
            ? t("board.closesAt", { date: formatDateTime(entry.closesAt, locale) })
            : entry.objectionPending
              ? t("board.objectionPending")
              : t("board.closed")}
      </p>
      {children}
    </li>
  );
}
