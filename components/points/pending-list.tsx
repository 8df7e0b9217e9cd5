import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime, formatShortDay } from "@/server/lib/village-time.schema";
import { AwardStatusBadge, PointsFigure } from "./status-badge";
import type { AwardView } from "./types";

/** The household's entries not yet final (待生效), apart from the statement: where each one stands. */
export function PendingList({ items }: { items: AwardView[] }) {
  const t = useTranslations("points");
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-200" data-testid="pending-list">
      {items.map((a) => (
        <li key={a.id} data-testid="pending-item">
          <Link href={`/v/points/${a.id}`} className="block rounded-xl px-1 py-3 active:bg-stone-100">
            <span className="flex items-start justify-between gap-3">
              <span className="min-w-0">
                <span className="block text-lg font-medium leading-snug text-stone-900">{a.rule.title}</span>
                <span className="mt-1 flex flex-wrap items-center gap-2 text-base text-stone-600">
                  <AwardStatusBadge status={a.status} />
                  <span>{formatShortDay(a.proposedAt, locale)}</span>
                </span>
              </span>
              <PointsFigure points={a.points} />
            </span>
            <span className="mt-1 block text-base text-stone-700">{a.reason}</span>
            {a.member ? <span className="block text-base text-stone-600">{t("statement.member", { name: a.member.name })}</span> : null}
            <span className="mt-1 block text-base font-medium text-stone-800">
              {a.status === "IN_NOTICE" && a.notice
                ? a.notice.windowOpen
                  ? t("pending.closesAt", { date: formatDateTime(a.notice.closesAt, locale) })
                  : t("pending.objectionPending")
                : a.status === "APPROVED"
                  ? t("pending.approved")
                  : t("pending.proposed")}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
