import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatShortDay } from "@/server/lib/village-time.schema";
import { PointsFigure } from "./status-badge";
import type { StatementLine as Line } from "./types";

/**
 * One line of the household statement: date, rule and category, points (+green / −red), the reason,
 * the member who earned it, and a plain "已撤销" when a later reversal undid it. Tapping a line that
 * came from an award opens its full trail. Used by the server-rendered first page and by the client pages after it.
 */
export function StatementLine({ line }: { line: Line }) {
  const t = useTranslations("points");
  const tc = useTranslations("rules.category");
  const locale = useLocale();
  const title = line.rule ? line.rule.title : t(`txKind.${line.kind}`);
  const body = (
    <>
      <span className="flex items-start justify-between gap-3">
        <span className="min-w-0">
          <span className="block text-lg font-medium leading-snug text-stone-900">{title}</span>
          <span className="mt-0.5 flex flex-wrap gap-x-2 text-base text-stone-600">
            <span>{formatShortDay(line.date, locale)}</span>
            {line.rule ? <span>{tc(line.rule.category as "OTHER")}</span> : null}
            {line.kind === "REVERSAL" ? <span className="font-medium text-stone-800">{t("statement.reversal")}</span> : null}
          </span>
        </span>
        <PointsFigure points={line.points} className="text-2xl" />
      </span>
      {line.reason ? <span className="mt-1 block text-base text-stone-700">{line.reason}</span> : null}
      <span className="mt-1 flex flex-wrap items-center gap-2 text-base">
        {line.memberName ? <span className="text-stone-600">{t("statement.member", { name: line.memberName })}</span> : null}
        {line.reversed ? (
          <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-sm font-medium text-stone-800 ring-1 ring-stone-300" data-testid="line-reversed">
            {t("statement.reversed")}
          </span>
        ) : null}
      </span>
    </>
  );
  return (
    <li data-testid="statement-line">
      {line.awardId ? (
        <Link
          href={`/v/points/${line.awardId}`}
          className="block rounded-xl px-1 py-3 active:bg-stone-100"
          data-testid="statement-link"
        >
          {body}
        </Link>
      ) : (
        <div className="px-1 py-3">{body}</div>
      )}
    </li>
  );
}
