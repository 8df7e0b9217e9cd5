"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { StatusBadge } from "./status-badge";
import type { GridOption, HouseholdPage, RegisterBase } from "./types";
import { SearchForm } from "@/components/ui/search-form";

const PAGE = 30;

/**
 * The household register as a list: search by 户号 or head's name, filter by grid and status,
 * "load more" paging. The first page comes rendered from the server (`initial`), so the list shows
 * at once on a slow network; searching and paging go through household.list.
 * Grid workers get no grid filter: the server already limits them to their grid.
 */
export function HouseholdList({
  base,
  grids,
  initial,
  empty,
}: {
  base: RegisterBase;
  grids: GridOption[] | null;
  initial: HouseholdPage;
  empty: "committee" | "readOnly" | "grid";
}) {
  const t = useTranslations("household");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [gridId, setGridId] = useState("");
  const [status, setStatus] = useState<"" | "ACTIVE" | "INACTIVE">("");

  // Search as the person types, but only after a pause, so a weak network is not flooded.
  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), 400);
    return () => clearTimeout(id);
  }, [text]);

  const filtered = Boolean(query || gridId || status);
  const list = useInfiniteQuery(
    trpc.household.list.infiniteQueryOptions(
      { query: query || undefined, gridId: gridId || undefined, status: status || undefined, take: PAGE },
      {
        getNextPageParam: (last, pages) => {
          const loaded = pages.reduce((n, p) => n + p.items.length, 0);
          return loaded < last.total ? loaded : undefined;
        },
        initialData: filtered ? undefined : { pages: [initial], pageParams: [null] },
        placeholderData: (prev) => prev,
      },
    ),
  );

  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const total = pages[0]?.total ?? 0;
  const searching = list.isFetching && !list.isFetchingNextPage;

  return (
    <div className="space-y-3">
      <SearchForm value={text} onChange={setText} onSearch={setQuery} label={t("search")} button={t("searchButton")} testId="household-search" />
      <div className="flex gap-2">
        {grids ? (
          <Select aria-label={t("gridFilter")} value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="household-grid-filter">
            <option value="">{t("allGrids")}</option>
            {grids.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        ) : null}
        <Select
          aria-label={t("statusFilter")}
          value={status}
          onChange={(e) => setStatus(e.target.value as "" | "ACTIVE" | "INACTIVE")}
          data-testid="household-status-filter"
        >
          <option value="">{t("allStatuses")}</option>
          <option value="ACTIVE">{t("status.ACTIVE")}</option>
          <option value="INACTIVE">{t("status.INACTIVE")}</option>
        </Select>
      </div>

      <p className="flex items-center justify-between text-base text-stone-600" aria-live="polite">
        <span data-testid="household-total">{t("total", { count: total })}</span>
        {searching ? <span>{tc("loading")}</span> : null}
      </p>

      {list.isError ? (
        <div className="space-y-2">
          <ErrorBox message={`${t("loadFailed")} ${list.error.message}`} />
          <Button type="button" variant="secondary" className="w-full" onClick={() => list.refetch()}>
            {tc("retry")}
          </Button>
        </div>
      ) : null}

      {items.length === 0 && !list.isFetching && !list.isError ? (
        <div data-testid="household-empty">
          <Card className="text-center">
            {filtered ? (
              <p className="text-lg">{t("noMatch")}</p>
            ) : (
              <>
                <p className="text-lg font-bold">{empty === "grid" ? t("emptyGrid") : t("empty")}</p>
                {empty !== "grid" ? (
                  <p className="mt-1 text-base text-stone-600">{empty === "committee" ? t("emptyCommittee") : t("emptyReadOnly")}</p>
                ) : null}
              </>
            )}
          </Card>
        </div>
      ) : null}

      <ul className={`space-y-2 ${searching ? "opacity-60" : ""}`} data-testid="household-list">
        {items.map((h) => (
          <li key={h.id}>
            <Link
              href={`${base}/households/${h.id}`}
              className="block rounded-2xl bg-paper px-4 py-3 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
              data-testid="household-item"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="min-w-0 truncate text-xl font-bold text-stone-900">{h.headName}</span>
                <StatusBadge status={h.status} />
              </span>
              <span className="mt-1 flex flex-wrap gap-x-3 text-base text-stone-600">
                <span>{t("number", { number: h.number })}</span>
                <span>{h.grid?.name ?? t("noGrid")}</span>
                <span>{t("memberCount", { count: h.memberCount })}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>

      {list.hasNextPage ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
          data-testid="household-more"
        >
          {list.isFetchingNextPage ? t("loadingMore") : t("loadMore", { count: total - items.length })}
        </Button>
      ) : null}
    </div>
  );
}
