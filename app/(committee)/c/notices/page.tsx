import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatShortDay } from "@/server/lib/village-time.schema";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { serverCaller } from "@/server/trpc/server-caller";

/** 通知公告 for the committee: drafts and published notices, each with "已读 N / M 户". */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, list] = await Promise.all([getTranslations("notices"), getLocale(), caller.notice.list()]);
  return (
    <div className="space-y-4">
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("staff.backHome")}
      </Link>
      <PageTitle
        action={
          <Link href="/c/notices/new" className="inline-flex min-h-12 items-center rounded-xl bg-brand px-4 text-lg font-medium text-white" data-testid="notice-new">
            + {t("staff.new")}
          </Link>
        }
      >
        {t("staff.title")}
      </PageTitle>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700" data-testid="notices-empty">
            {t("staff.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="staff-notices">
          {list.items.map((n) => (
            <li key={n.id}>
              <Link href={`/c/notices/${n.id}`} className="block rounded-2xl bg-paper p-4 shadow-sm ring-1 ring-stone-200 active:bg-stone-100" data-testid="staff-notice">
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone="brand">{t(`kind.${n.kind}`)}</Badge>
                  {n.pinned ? <Badge tone="amber">{t("board.pinned")}</Badge> : null}
                  {n.status === "DRAFT" ? <Badge>{t("status.DRAFT")}</Badge> : null}
                  {n.version > 1 ? <Badge>{t("staff.versions", { count: n.version })}</Badge> : null}
                </span>
                <span className="mt-1 block text-lg font-bold text-stone-900">{n.title}</span>
                <span className="mt-1 block text-base text-stone-600">
                  {n.status === "DRAFT" ? (
                    t("staff.draft")
                  ) : (
                    <>
                      {t("staff.published", { date: formatShortDay(n.publishedAt!, locale) })} ·{" "}
                      <span className="font-medium text-stone-900" data-testid="read-count">
                        {t("staff.readCount", { read: n.readHouseholds, total: list.households })}
                      </span>
                    </>
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
