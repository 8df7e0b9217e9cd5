"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Input } from "@/components/ui/field";

export type PickedHousehold = { id: string; number: string; headName: string };

/**
 * Finds one household of the register by 户号 or head's name (searching as one types, after a
 * pause) and shows it as a chip once picked, with a button to change it.
 */
export function HouseholdPicker({ value, onChange }: { value: PickedHousehold | null; onChange: (h: PickedHousehold | null) => void }) {
  const t = useTranslations("points.propose");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(id);
  }, [text]);
  const found = useQuery(
    trpc.household.list.queryOptions({ query, status: "ACTIVE", take: 8 }, { enabled: !value && query.length > 0, placeholderData: (p) => p }),
  );

  if (value) {
    return (
      <div className="flex items-center justify-between gap-2 rounded-xl bg-green-50 px-4 py-2 ring-1 ring-green-300" data-testid="picked-household">
        <span className="text-lg font-bold text-stone-900">{t("householdChip", { number: value.number, head: value.headName })}</span>
        <Button type="button" variant="secondary" className="shrink-0 px-3" onClick={() => onChange(null)} data-testid="change-household">
          {t("change")}
        </Button>
      </div>
    );
  }
  const items = query ? (found.data?.items ?? []) : [];
  return (
    <div className="space-y-2">
      <Input
        type="search"
        inputMode="search"
        enterKeyHint="search"
        maxLength={20}
        placeholder={t("householdSearch")}
        aria-label={t("householdSearch")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="household-search"
      />
      {found.isError ? <ErrorBox message={found.error.message} /> : null}
      {query && found.isFetching && items.length === 0 ? <p className="text-base text-stone-600">{tc("loading")}</p> : null}
      {query && !found.isFetching && items.length === 0 && !found.isError ? (
        <p className="text-base text-stone-600" data-testid="household-none">
          {t("householdNone")}
        </p>
      ) : null}
      {items.length ? (
        <ul className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-300" data-testid="household-results">
          {items.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className="flex min-h-12 w-full items-center justify-between gap-2 px-4 py-2 text-left text-lg active:bg-stone-100"
                onClick={() => onChange({ id: h.id, number: h.number, headName: h.headName })}
                data-testid="household-option"
                data-number={h.number}
              >
                <span>
                  <span className="font-bold">{h.number}</span> {h.headName}
                </span>
                <span className="text-base text-stone-500">{h.grid?.name ?? ""}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
