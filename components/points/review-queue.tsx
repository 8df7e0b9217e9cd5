"use client";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { AwardRowBody } from "./award-row";
import { NoteBox } from "./note-box";
import type { AwardListItem } from "./types";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Page = inferRouterOutputs<AppRouter>["award"]["list"];
const PAGE = 30;

/**
 * 审核队列: proposals waiting for a supervisor, oldest work first on top of the list the server
 * gives. Approve is one tap; reject asks for a note inline. A decided entry leaves the list at once
 * (and comes back with the error if the server refuses). Entries the supervisor must step aside
 * from (their own proposal, a related household) stay greyed with the reason and no buttons.
 */
export function ReviewQueue({ initial, noteMax }: { initial: Page; noteMax: number }) {
  const t = useTranslations("points");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<{ approved: number; rejected: number }>({ approved: 0, rejected: 0 });
  const q = useInfiniteQuery(
    trpc.award.list.infiniteQueryOptions(
      { status: "PROPOSED", take: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, initialData: { pages: [initial], pageParams: [null] }, staleTime: 5_000 },
    ),
  );
  const items = (q.data?.pages ?? [initial]).flatMap((p) => p.items).filter((a) => !gone.has(a.id));
  const total = Math.max(0, (q.data?.pages[0]?.counts.PROPOSED ?? 0) - done.approved - done.rejected);
  const hide = (id: string, on: boolean) =>
    setGone((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="queue-h" className="space-y-2">
      <h2 id="queue-h" className="flex items-baseline justify-between text-xl font-bold">
        <span>{t("review.queue")}</span>
        <span className="text-base font-normal text-stone-600" data-testid="queue-count">
          {t("review.waiting", { count: total })}
        </span>
      </h2>
      {done.approved || done.rejected ? (
        <p className="rounded-xl bg-green-50 px-3 py-2 text-base text-green-900 ring-1 ring-green-300" role="status" aria-live="polite">
          {t("review.doneCounts", { approved: done.approved, rejected: done.rejected })}
        </p>
      ) : null}
      {q.isError ? <ErrorBox message={q.error.message} /> : null}
      {items.length === 0 ? (
        <Card className="text-center">
          <p className="text-lg" data-testid="queue-empty">
            {t("review.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-2" data-testid="review-queue">
          {items.map((a) => (
            <QueueItem
              key={a.id}
              a={a}
              noteMax={noteMax}
              onGone={(on, kind) => {
                hide(a.id, on);
                setDone((d) => ({ ...d, [kind]: d[kind] + (on ? 1 : -1) }));
              }}
            />
          ))}
        </ul>
      )}
      {q.hasNextPage ? (
        <Button type="button" variant="secondary" className="w-full" disabled={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
          {q.isFetchingNextPage ? tc("loading") : tc("more")}
        </Button>
      ) : null}
    </section>
  );
}

function QueueItem({ a, noteMax, onGone }: { a: AwardListItem; noteMax: number; onGone: (on: boolean, kind: "approved" | "rejected") => void }) {
  const t = useTranslations("points");
  const trpc = useTRPC();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Optimistic: the entry leaves the list when the tap happens; an error brings it back with the reason.
  const approve = useMutation(
    trpc.award.approve.mutationOptions({
      onMutate: () => {
        setError(null);
        onGone(true, "approved");
      },
      onError: (e) => {
        onGone(false, "approved");
        setError(e.message);
      },
    }),
  );
  const reject = useMutation(
    trpc.award.reject.mutationOptions({
      onMutate: () => {
        setError(null);
        onGone(true, "rejected");
      },
      onError: (e) => {
        onGone(false, "rejected");
        setError(e.message);
      },
    }),
  );
  const blocked = a.reviewBlock;
  return (
    <li
      className={`rounded-2xl px-4 py-3 ring-1 ${blocked ? "bg-stone-100 text-stone-500 ring-stone-200" : "bg-paper shadow-sm ring-stone-200"}`}
      data-testid="queue-item"
      data-household={a.household.number}
      data-blocked={blocked ?? undefined}
      data-block-reason={a.blockReason ?? undefined}
    >
      <Link href={`/s/awards/${a.id}`} className={`block ${blocked ? "opacity-70" : ""}`} data-testid="queue-open">
        <AwardRowBody a={a} showStatus={false} />
      </Link>
      {blocked ? (
        <p className="mt-2 rounded-xl bg-white/70 px-3 py-2 text-base font-medium text-stone-700 ring-1 ring-stone-300" data-testid="queue-blocked">
          {a.blockReason ? t(`blockWhy.${a.blockReason}`) : t(`reviewBlock.${blocked}`)}
        </p>
      ) : (
        <div className="mt-2 space-y-2">
          <ErrorBox message={error} />
          {rejecting ? (
            <NoteBox
              label={t("review.rejectNote")}
              submitLabel={t("review.reject")}
              max={noteMax}
              busy={reject.isPending}
              onSubmit={(note) => reject.mutate({ id: a.id, note })}
              onCancel={() => setRejecting(false)}
              testId="reject-note"
            />
          ) : (
            <div className="flex gap-2">
              <Button type="button" className="flex-1" disabled={approve.isPending} onClick={() => approve.mutate({ id: a.id })} data-testid="approve">
                {t("review.approve")}
              </Button>
              <Button type="button" variant="danger" className="flex-1" onClick={() => setRejecting(true)} data-testid="reject">
                {t("review.reject")}
              </Button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
