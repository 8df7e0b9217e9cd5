"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { groupRules, type RuleView } from "@/server/modules/rules/rule.schema";
import { AdoptCard } from "./adopt-card";
import { BookHeader } from "./book-header";
import { RuleGroups } from "./rule-item";
import { RuleSheet } from "./rule-sheet";
import type { BookData } from "./types";

/**
 * A draft being edited: its items by category, each with 修改; 新增条目 opens the same one-item sheet;
 * at the bottom the adoption (表决通过并生效). Once adopted, the page shows it read-only.
 */
export function BookEditor({ initial, inForceVersion }: { initial: BookData; inForceVersion: number | null }) {
  const t = useTranslations("rules");
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: book } = useQuery(trpc.rule.book.queryOptions({ id: initial.id }, { initialData: initial }));
  const [sheet, setSheet] = useState<{ rule: RuleView | null } | null>(null);
  const editable = book.editable;

  return (
    <div className="space-y-4">
      <BookHeader book={book} locale={locale} />
      {editable ? (
        <Button type="button" className="flex w-full items-center justify-center gap-1" onClick={() => setSheet({ rule: null })} data-testid="rule-add">
          <Icon name="plus" className="h-5 w-5" />
          {t("book.add")}
        </Button>
      ) : (
        <p className="rounded-xl bg-green-50 p-3 text-base text-green-900" data-testid="book-readonly">
          {book.awaitingCountersign
            ? t("countersign.committeeWaiting")
            : book.status === "ADOPTED"
              ? `${t("book.readOnlyAdopted")}${locale === "zh" ? "" : " "}${t("book.changeHint")}`
              : t("book.readOnlyRetired")}
        </p>
      )}

      {book.rules.length === 0 ? (
        <Card>
          <p className="text-lg" data-testid="book-empty">
            {t("book.emptyDraft")}
          </p>
        </Card>
      ) : (
        <RuleGroups
          groups={groupRules(book.rules)}
          actionFor={
            editable
              ? (rule) => (
                  <button
                    type="button"
                    className="mt-1 min-h-11 rounded-lg px-3 text-base font-medium text-brand ring-1 ring-red-200 active:bg-red-50"
                    onClick={() => setSheet({ rule })}
                    data-testid={`rule-edit-${rule.code}`}
                  >
                    {t("book.edit")}
                  </button>
                )
              : undefined
          }
        />
      )}

      {editable ? <AdoptCard bookId={book.id} version={book.version} ruleCount={book.rules.length} inForceVersion={inForceVersion} /> : null}

      {sheet ? <RuleSheet bookId={book.id} rule={sheet.rule} rules={book.rules} maxPoints={book.maxRulePoints} onClose={() => setSheet(null)} /> : null}
    </div>
  );
}
