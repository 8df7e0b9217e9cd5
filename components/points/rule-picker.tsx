"use client";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import type { RuleGroup, RuleView } from "@/server/modules/rules/rule.schema";
import { signed } from "./format";

/**
 * Picks a rule of the book in force: one native list grouped by category (the phone's own picker
 * scrolls long lists well), then a card with the points, the cap and whether a photo is needed.
 */
export function RulePicker({ groups, value, onChange }: { groups: RuleGroup[]; value: string; onChange: (id: string) => void }) {
  const t = useTranslations("points.propose");
  const tr = useTranslations("rules");
  const rule = findRule(groups, value);
  return (
    <div className="space-y-2">
      <Select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t("rule")} data-testid="rule-select">
        <option value="">{t("rulePlaceholder")}</option>
        {groups.map((g) => (
          <optgroup key={g.category} label={tr(`category.${g.category}`)}>
            {g.rules.map((r) => (
              <option key={r.id} value={r.id} data-code={r.code}>
                {`${r.code} ${r.title}（${signed(r.points)}）`}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      {rule ? (
        <div className="flex items-start justify-between gap-3 rounded-xl bg-stone-50 p-3 ring-1 ring-stone-200" data-testid="picked-rule">
          <div className="min-w-0">
            <p className="text-lg font-medium text-stone-900">
              <span className="mr-1.5 text-base text-stone-500">{rule.code}</span>
              {rule.title}
            </p>
            {rule.description ? <p className="text-base text-stone-600">{rule.description}</p> : null}
            <p className="mt-1 text-base text-stone-800">
              {rule.capPeriod && rule.capCount ? tr(`cap.${rule.capPeriod}`, { count: rule.capCount }) : tr("cap.none")}
              {rule.evidenceRequired ? ` · ${tr("evidence")}` : ""}
            </p>
          </div>
          <span className={`shrink-0 text-3xl font-bold tabular-nums ${rule.points > 0 ? "text-green-700" : "text-red-700"}`}>{signed(rule.points)}</span>
        </div>
      ) : null}
    </div>
  );
}

export function findRule(groups: RuleGroup[], id: string): RuleView | undefined {
  for (const g of groups) for (const r of g.rules) if (r.id === id) return r;
  return undefined;
}
