"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import type { AwardStatus } from "@/server/modules/awards/award.schema";
import { AwardRowBody } from "./award-row";
import type { StaffBase } from "./types";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Page = inferRouterOutputs<AppRouter>["award"]["list"];

const PAGE = 20;
/** The tabs, in the order an entry moves through them. */
export const LIST_TABS = ["PROPOSED", "APPROVED", "IN_NOTICE", "FINAL", "REJECTED", "OVERTURNED", "REVERSED"] as const satisfies readonly AwardStatus[];

/**
 * Entries of the village by state, with the count of each state on its tab; each entry opens its
 * trail. The first page comes from the server; further pages load on "加载更多".
 */
export function AwardList({ base, status, initial }: { base: StaffBase; status: AwardStatus; initial: Page }) {
  const t = useTranslations("points");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const activeTab = useRef<HTMLAnchorElement>(null);
  // A tab further right (已撤销) is scrolled into sight when it is the one open.
  useEffect(() => {
    activeTab.current?.scrollIntoView({ inline: "center", block: "nearest" });
  }, []);
  const q = useInfiniteQuery(
    trpc.award.list.infiniteQueryOptions(
      { status, take: PAGE },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: { pages: [initial], pageParams: [null] },
        staleTime: 10_000,
      },
    ),
  );
  const pages = q.data?.pages ?? [initial];
  const items = pages.flatMap((p) => p.items);
  const counts = pages[0]?.counts ?? {};

  return (
    <div className="space-y-3">
      <nav aria-label={t("awards.tabs")} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex w-max gap-2 pb-1">
          {LIST_TABS.map((s) => (
            <li key={s}>
              <Link
                href={`${base}/awards?status=${s}`}
                replace
                ref={s === status ? activeTab : undefined}
                aria-current={s === status ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-1.5 rounded-full px-4 text-base ring-1 ${
                  s === status ? "bg-brand font-bold text-white ring-brand" : "bg-white text-stone-800 ring-stone-300 active:bg-stone-100"
                }`}
                data-testid={`tab-${s}`}
              >
                {t(`awards.tab.${s}`)}
                <span className={`tabular-nums ${s === status ? "" : "text-stone-500"}`}>{counts[s] ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {q.isError ? <ErrorBox message={q.error.message} /> : null}

      {items.length === 0 ? (
        <Card className="text-center">
          <p className="text-lg" data-testid="awards-empty">
            {t(`awards.empty.${status}`)}
          </p>
        </Card>
      ) : (
        <ul className="space-y-2" data-testid="award-list">
          {items.map((a) => (
            <li key={a.id}>
              <Link
                href={`${base}/awards/${a.id}`}
                className="block rounded-2xl bg-paper px-4 py-3 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
                data-testid="award-item"
              >
                <AwardRowBody a={a} showStatus={false} />
              </Link>
            </li>
          ))}
        </ul>
      )}

      {q.hasNextPage ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          disabled={q.isFetchingNextPage}
          onClick={() => q.fetchNextPage()}
          data-testid="awards-more"
        >
          {q.isFetchingNextPage ? tc("loading") : tc("more")}
        </Button>
      ) : null}
    </div>
  );
}
