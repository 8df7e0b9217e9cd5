import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { groupRules } from "@/server/modules/rules/rule.schema";
import { serverCaller } from "@/server/trpc/server-caller";
import { BookEditor } from "./book-editor";
import { BookHeader } from "./book-header";
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
  if (base === "/c" && book.editable) {
    const adopted = book.basedOnVersion ? null : await caller.rule.adopted();
    return (
      <div>
        {back}
        <BookEditor initial={book} inForceVersion={book.basedOnVersion ?? adopted?.book?.version ?? null} />
      </div>
    );
  }
  const note = book.status === "ADOPTED" ? t("book.readOnlyAdopted") : book.status === "RETIRED" ? t("book.readOnlyRetired") : t("book.readOnly");
  return (
    <div className="space-y-4">
      {back}
      <BookHeader book={book} locale={locale} />
      <p className="rounded-xl bg-stone-100 p-3 text-base text-stone-700" data-testid="book-readonly">
        {note}
        {base === "/c" && book.status === "ADOPTED" ? `${locale === "zh" ? "" : " "}${t("book.changeHint")}` : ""}
      </p>
      <RuleGroups groups={groupRules(book.rules)} />
    </div>
  );
}
