"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { CARDS_MAX_IDS, cardsQuery } from "@/server/modules/households/card.schema";
import type { GridOption } from "./types";
import { SearchForm } from "@/components/ui/search-form";

const PAGE = 100;
const LINK = "flex min-h-12 items-center justify-center rounded-xl px-5 text-lg font-medium";
type Picked = { number: string; headName: string };
const loadedCount = (pages: { items: unknown[] }[]) => pages.reduce((n, p) => n + p.items.length, 0);

/**
 * Choosing whose cards to print: every active household at once, or some of them (search by 户号 or
 * head's name, filter by grid, tick; 全选 ticks every household the filter matches). The choice
 * stays while the filter changes, and goes to the print sheet in its URL.
 */
export function CardsPicker({ grids, activeTotal }: { grids: GridOption[]; activeTotal: number }) {
  const t = useTranslations("cards");
  const th = useTranslations("household");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [gridId, setGridId] = useState("");
  const [picked, setPicked] = useState<Map<string, Picked>>(() => new Map());
  const [tooMany, setTooMany] = useState(false);
  const [selectingAll, setSelectingAll] = useState(false);

  // search after a pause in typing, so a weak network is not flooded
  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), 400);
    return () => clearTimeout(id);
  }, [text]);

  const list = useInfiniteQuery(
    trpc.household.list.infiniteQueryOptions(
      { query: query || undefined, gridId: gridId || undefined, status: "ACTIVE", take: PAGE },
      {
        getNextPageParam: (last, pages) => (loadedCount(pages) < last.total ? loadedCount(pages) : undefined),
        placeholderData: (prev) => prev,
      },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const allPicked = items.length > 0 && !list.hasNextPage && items.every((h) => picked.has(h.id));

  function add(next: Map<string, Picked>, h: { id: string; number: string; headName: string }): boolean {
    if (next.has(h.id)) return true;
    if (next.size >= CARDS_MAX_IDS) return false;
    next.set(h.id, { number: h.number, headName: h.headName });
    return true;
  }

  function toggle(h: { id: string; number: string; headName: string }) {
    const next = new Map(picked);
    let ok = true;
    if (next.has(h.id)) next.delete(h.id);
    else ok = add(next, h);
    setTooMany(!ok);
    setPicked(next);
  }

  async function toggleAll() {
    if (allPicked) {
      const next = new Map(picked);
      for (const h of items) next.delete(h.id);
      setTooMany(false);
      setPicked(next);
      return;
    }
    setSelectingAll(true);
    try {
      // 全选 means every household the filter matches, not only the ones loaded so far
      let data = (await list.refetch()).data;
      while (data && loadedCount(data.pages) < (data.pages[0]?.total ?? 0)) {
        const res = await list.fetchNextPage();
        if (res.isError) break;
        data = res.data;
      }
      const all = data?.pages.flatMap((p) => p.items) ?? [];
      const next = new Map(picked);
      const ok = all.every((h) => add(next, h));
      setTooMany(!ok);
      setPicked(next);
    } finally {
      setSelectingAll(false);
    }
  }

  const href = `/c/households/cards/print?${cardsQuery({ ids: [...picked.keys()] })}`;

  return (
    <div className="space-y-4">
      <Card>
        <h2 className="text-xl font-bold">{t("allTitle")}</h2>
        {activeTotal > 0 ? (
          <Link href="/c/households/cards/print?all=1" className={`${LINK} mt-3 bg-brand text-white active:bg-brand-dark`} data-testid="cards-all">
            {t("allButton", { count: activeTotal })}
          </Link>
        ) : (
          <p className="mt-2 text-lg">{t("noActive")}</p>
        )}
      </Card>

      <Card>
        <h2 className="text-xl font-bold">{t("pickTitle")}</h2>
        <p className="mt-1 text-base text-stone-600">{t("pickHint")}</p>
        <SearchForm value={text} onChange={setText} onSearch={setQuery} label={th("search")} button={th("searchButton")} testId="cards-search" className="mt-3" />
        {grids.length > 0 ? (
          <div className="mt-2">
            <Select aria-label={th("gridFilter")} value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="cards-grid-filter">
              <option value="">{th("allGrids")}</option>
              {grids.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}

        {list.isError ? (
          <div className="mt-3 space-y-2">
            <ErrorBox message={`${th("loadFailed")} ${list.error.message}`} />
            <Button type="button" variant="secondary" className="w-full" onClick={() => list.refetch()}>
              {tc("retry")}
            </Button>
          </div>
        ) : null}

        <label className="mt-3 flex min-h-12 items-center gap-3 border-b border-stone-200 text-lg font-medium">
          <input
            type="checkbox"
            className="h-6 w-6 accent-brand"
            checked={allPicked}
            disabled={total === 0 || selectingAll}
            onChange={toggleAll}
            data-testid="cards-select-all"
          />
          <span>{selectingAll ? tc("loading") : t("selectAll", { count: total })}</span>
        </label>

        {items.length === 0 && !list.isFetching && !list.isError ? <p className="py-3 text-lg">{th("noMatch")}</p> : null}
        <ul className={list.isFetching && !list.isFetchingNextPage ? "opacity-60" : ""} data-testid="cards-list">
          {items.map((h) => (
            <li key={h.id}>
              <label className="flex min-h-12 items-center gap-3 border-b border-stone-100 py-1 text-lg" data-testid="cards-item">
                <input type="checkbox" className="h-6 w-6 shrink-0 accent-brand" checked={picked.has(h.id)} onChange={() => toggle(h)} />
                <span className="min-w-0 flex-1 truncate font-bold">{h.headName}</span>
                <span className="shrink-0 text-base text-stone-600">
                  {th("number", { number: h.number })}
                  {h.grid ? ` · ${h.grid.name}` : ""}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <Button
            type="button"
            variant="secondary"
            className="mt-3 w-full"
            disabled={list.isFetchingNextPage}
            onClick={() => list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? th("loadingMore") : th("loadMore", { count: total - items.length })}
          </Button>
        ) : null}
      </Card>

      {picked.size > 0 || tooMany ? (
        <div className="sticky bottom-20 z-10 space-y-2 rounded-2xl bg-paper p-3 shadow-lg ring-1 ring-stone-200">
          {tooMany ? <ErrorBox message={t("tooMany", { max: CARDS_MAX_IDS })} /> : null}
          <div className="flex items-center gap-2">
            <span className="min-w-0 flex-1 text-lg font-bold" aria-live="polite" data-testid="cards-selected">
              {t("selected", { count: picked.size })}
            </span>
            <button
              type="button"
              className="min-h-11 shrink-0 px-3 text-lg text-brand underline underline-offset-4"
              onClick={() => {
                setPicked(new Map());
                setTooMany(false);
              }}
            >
              {t("clear")}
            </button>
          </div>
          {picked.size > 0 ? (
            <Link href={href} className={`${LINK} w-full bg-brand text-white active:bg-brand-dark`} data-testid="cards-make">
              {t("make")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
