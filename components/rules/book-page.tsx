import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { groupRules } from "@/server/modules/rules/rule.schema";
import { serverCaller } from "@/server/trpc/server-caller";
import { BookEditor } from "./book-editor";
import { BookHeader } from "./book-header";
import { CountersignCard } from "./countersign-card";
import { formatDay } from "@/server/lib/village-time.schema";
import { RuleGroups } from "./rule-item";
import type { RulesBase } from "./books-page";

/** One version of the rule book: the committee edits a draft (/c); otherwise read-only. */
export async function RuleBookPage({ base, id }: { base: RulesBase; id: string }) {
  const caller = await serverCaller();
  const [t, locale] = await Promise.all([getTranslations("rules"), getLocale()]);
  const book = await caller.rule.book({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  });
  const back = (
    <Link href={`${base}/rules`} className="mb-2 inline-flex min-h-11 items-center text-lg text-brand" data-testid="book-back">
      ‹ {t("book.back")}
    </Link>
  );
  if (!book)
    return (
      <div>
        {back}
        <Card>
          <p className="text-lg" data-testid="book-not-found">
            {t("book.notFound")}
          </p>
        </Card>
      </div>
    );
  // the supervisor's last refusal, shown to the committee on the draft it returned
  const refusal =
    book.status === "DRAFT" && book.refusalReason && book.refusedAt ? (
      <p role="note" className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-base text-stone-900" data-testid="book-refused">
        {t("countersign.refusedNote", { name: book.refusedByName ?? "", date: formatDay(book.refusedAt, locale), reason: book.refusalReason })}
      </p>
    ) : null;
  if (base === "/c" && book.editable) {
    const adopted = book.basedOnVersion ? null : await caller.rule.adopted();
    return (
      <div className="space-y-3">
        {back}
        {refusal}
        <BookEditor initial={book} inForceVersion={book.basedOnVersion ?? adopted?.book?.version ?? null} />
      </div>
    );
  }
  const note = book.awaitingCountersign
    ? t("countersign.awaiting", { version: book.version, name: book.proposedByName ?? "", date: book.proposedAt ? formatDay(book.proposedAt, locale) : "" })
    : book.status === "ADOPTED"
      ? t("book.readOnlyAdopted")
      : book.status === "RETIRED"
        ? t("book.readOnlyRetired")
        : t("book.readOnly");
  return (
    <div className="space-y-4">
      {back}
      <BookHeader book={book} locale={locale} />
      <p className="rounded-xl bg-stone-100 p-3 text-base text-stone-700" data-testid="book-readonly">
        {note}
        {base === "/c" && book.status === "ADOPTED" ? `${locale === "zh" ? "" : " "}${t("book.changeHint")}` : ""}
      </p>
      {refusal}
      {base === "/s" && book.awaitingCountersign ? (
        book.countersignable ? (
          <CountersignCard bookId={book.id} version={book.version} ruleCount={book.rules.length} />
        ) : (
          <p className="rounded-xl bg-stone-100 p-3 text-base text-stone-700">{t("countersign.own")}</p>
        )
      ) : null}
      <RuleGroups groups={groupRules(book.rules)} />
    </div>
  );
}
