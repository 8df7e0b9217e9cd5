import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";
import { formatDay } from "@/server/lib/village-time.schema";
import { BookStatus } from "./book-status";
import { CreateDraftForm } from "./create-draft-form";

export type RulesBase = "/c" | "/s";

/**
 * 积分细则: every version of the village's rule book, the one in force first and highlighted.
 * The committee (/c) also starts drafts here; the supervisory committee (/s) reads.
 */
export async function RuleBooksPage({ base }: { base: RulesBase }) {
  const caller = await serverCaller();
  const [t, locale, books] = await Promise.all([getTranslations("rules"), getLocale(), caller.rule.books()]);
  const adopted = books.find((b) => b.status === "ADOPTED") ?? null;
  const draft = books.find((b) => b.status === "DRAFT") ?? null;
  // In force first, then the draft, then history (newest first).
  const rank = { ADOPTED: 0, DRAFT: 1, RETIRED: 2 } as const;
  const ordered = [...books].sort((a, b) => rank[a.status] - rank[b.status] || b.version - a.version);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("intro")}</p>

      {base === "/c" && draft && !draft.awaitingCountersign ? (
        <Card className="border-l-4 border-amber-400">
          <p className="text-lg">{t("books.draftOpen", { version: draft.version })}</p>
          <Link
            href={`/c/rules/${draft.id}`}
            className="mt-3 flex min-h-12 items-center justify-center rounded-xl bg-brand px-4 text-lg font-medium text-white active:bg-brand-dark"
            data-testid="draft-continue"
          >
            {t("books.continue")}
          </Link>
        </Card>
      ) : null}

      <section aria-labelledby="books-h" className="space-y-3">
        <h2 id="books-h" className="text-lg font-bold">
          {t("books.heading")}
        </h2>
        {ordered.length === 0 ? <Card>{t("books.empty")}</Card> : null}
        <ul className="space-y-3" data-testid="book-list">
          {ordered.map((b) => (
            <li key={b.id}>
              <Link
                href={`${base}/rules/${b.id}`}
                className={`block rounded-2xl p-4 shadow-sm active:bg-stone-100 ${
                  b.status === "ADOPTED" ? "bg-green-50 ring-2 ring-green-600" : "bg-paper ring-1 ring-stone-200"
                }`}
                data-testid={b.awaitingCountersign ? "book-awaiting" : `book-${b.status.toLowerCase()}`}
              >
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-base text-stone-600">{t("version", { version: b.version })}</p>
                    <p className="text-lg font-bold leading-snug text-stone-900">{b.title}</p>
                  </div>
                  <BookStatus status={b.status} awaiting={b.awaitingCountersign} />
                </div>
                <p className="mt-1 text-base text-stone-700">
                  {t("count", { count: b.ruleCount })}
                  {b.basedOnVersion ? ` · ${t("basedOn", { version: b.basedOnVersion })}` : ""}
                </p>
                {b.adoptedAt ? (
                  <p className="text-base text-stone-700">{t("adoptedOn", { date: formatDay(b.adoptedAt, locale) })}</p>
                ) : (
                  <p className="text-base text-stone-700">{t("createdBy", { name: b.createdByName || "—", date: formatDay(b.createdAt, locale) })}</p>
                )}
                {b.retiredAt ? <p className="text-base text-stone-600">{t("retiredOn", { date: formatDay(b.retiredAt, locale) })}</p> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {base === "/c" && !draft ? (
        <CreateDraftForm adopted={adopted ? { title: adopted.title, version: adopted.version, ruleCount: adopted.ruleCount } : null} />
      ) : null}
    </div>
  );
}
