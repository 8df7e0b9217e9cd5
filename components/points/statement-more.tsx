"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { nextStatementPage } from "./statement-actions";

/**
 * The statement after its server-rendered first page: the next page loads by itself when the end of
 * the list scrolls into view (IntersectionObserver), with a "加载更多" button for phones without it
 * and for people who prefer to tap. Plain state and a server action (no tRPC client, no query cache):
 * the villager's home stays light, and nothing is fetched until the reader reaches the end.
 */
export type StatementMoreLabels = { loading: string; retry: string; more: string; end: string };

export function StatementMore({ cursor, labels }: { cursor: string; labels: StatementMoreLabels }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [lines, setLines] = useState<ReactNode[]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (busy || !next) return;
    setBusy(true);
    setError(null);
    try {
      const page = await nextStatementPage(next);
      if (!page.ok) {
        setError(page.message);
        return;
      }
      setLines((prev) => [...prev, ...page.lines]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  // Observed afresh after every page: if the end is still in sight (a short page), the next one loads too.
  // After an error nothing changes, so only the button retries.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !next || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadRef.current();
      },
      { rootMargin: "200px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [lines.length, next]);

  return (
    <>
      {lines.length ? (
        <ul className="divide-y divide-stone-200 border-t border-stone-200">
          {lines}
        </ul>
      ) : null}
      <div ref={sentinel} aria-hidden="true" />
      <ErrorBox message={error} />
      {next ? (
        <Button type="button" variant="secondary" className="mt-2 w-full" disabled={busy} onClick={() => void load()} data-testid="statement-more">
          {busy ? labels.loading : error ? labels.retry : labels.more}
        </Button>
      ) : (
        <p className="py-3 text-center text-base text-stone-500" data-testid="statement-end">
          {labels.end}
        </p>
      )}
    </>
  );
}
