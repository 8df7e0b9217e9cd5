import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatShortDay } from "@/server/lib/village-time.schema";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/** 通知公告 for villagers: what the household has not read (or not since a correction) first. Server-rendered, no script. */
export default async function NoticeBoardPage() {
  const caller = await serverCaller();
  const [t, locale, board] = await Promise.all([getTranslations("notices"), getLocale(), caller.notice.board()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("board.back")}
      </Link>
      <PageTitle>{t("board.title")}</PageTitle>
      <p className="-mt-2 text-lg text-stone-700">{t("board.intro")}</p>
      {board.items.length === 0 ? (
        <Card>
          <p className="py-2 text-lg text-stone-700" data-testid="notices-empty">
            {t("board.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="notice-board">
          {board.items.map((n) => (
            <li key={n.id}>
              <Link
                href={`/v/affairs/notices/${n.id}`}
                className={`block rounded-2xl p-4 shadow-sm ring-1 active:bg-stone-100 ${n.unread ? "bg-red-50 ring-red-200" : "bg-paper ring-stone-200"}`}
                data-testid="notice-item"
                data-unread={n.unread ? "1" : "0"}
              >
                <span className="flex flex-wrap items-center gap-2 text-base">
                  {n.unread ? (
                    <span className="rounded-full bg-brand px-2 py-0.5 font-bold text-white" data-testid="notice-unread">
                      {t("board.unread")}
                    </span>
                  ) : null}
                  {n.pinned ? <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">{t("board.pinned")}</span> : null}
                  <span className="font-medium text-brand">{t(`kind.${n.kind}`)}</span>
                  {n.corrected ? <span className="text-stone-700">· {t("board.corrected")}</span> : null}
                </span>
                <span className={`mt-1 block text-xl text-stone-900 ${n.unread ? "font-bold" : "font-medium"}`}>{n.title}</span>
                <span className="mt-1 block text-base text-stone-600">{t("board.published", { date: formatShortDay(n.publishedAt!, locale) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
