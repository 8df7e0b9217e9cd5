import { useTranslations } from "next-intl";
import type { RuleGroup, RuleView } from "@/server/modules/rules/rule.schema";
import { signedPoints } from "./format";

/**
 * One item of a rule book: code and title, what it means, its cap ("每月最多4次") and whether a photo
 * is needed; points on the right, green for an addition and red for a deduction (with the sign,
 * so colour is never the only cue).
 */
export function RuleItem({ rule, large = false, action }: { rule: RuleView; large?: boolean; action?: React.ReactNode }) {
  const t = useTranslations("rules");
  const up = rule.points > 0;
  return (
    <li className="flex items-start gap-3 py-3" data-testid="rule-item" data-code={rule.code}>
      <div className="min-w-0 flex-1">
        <p className={`${large ? "text-xl" : "text-lg"} font-medium leading-snug text-stone-900`}>
          <span className="mr-1.5 text-base font-normal text-stone-500">{rule.code}</span>
          {rule.title}
        </p>
        {rule.description ? <p className={`${large ? "text-lg" : "text-base"} mt-0.5 text-stone-600`}>{rule.description}</p> : null}
        {rule.capPeriod && rule.capCount ? (
          <p className="mt-1 flex flex-wrap gap-2">
            <Chip tone="amber">{t(`cap.${rule.capPeriod}`, { count: rule.capCount })}</Chip>
            {rule.evidenceRequired ? <Chip tone="stone">{t("evidence")}</Chip> : null}
          </p>
        ) : rule.evidenceRequired ? (
          <p className="mt-1">
            <Chip tone="stone">{t("evidence")}</Chip>
          </p>
        ) : null}
        {action}
      </div>
      <span
        className={`shrink-0 rounded-xl px-2 py-0.5 text-2xl font-bold tabular-nums ${up ? "bg-green-50 text-green-700" : "bg-red-50 text-red-700"}`}
        data-testid="rule-points"
      >
        {signedPoints(rule.points)}
      </span>
    </li>
  );
}

function Chip({ children, tone }: { children: React.ReactNode; tone: "amber" | "stone" }) {
  const cls = tone === "amber" ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-stone-100 text-stone-700 ring-stone-300";
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-base ring-1 ${cls}`}>{children}</span>;
}

/** The items of a book under their category headings (遵纪守法, 勤劳致富, …). */
export function RuleGroups({
  groups,
  large = false,
  actionFor,
}: {
  groups: RuleGroup[];
  large?: boolean;
  actionFor?: (rule: RuleView) => React.ReactNode;
}) {
  const t = useTranslations("rules");
  return (
    <div className="space-y-4">
      {groups.map((g) => (
        <section
          key={g.category}
          id={`cat-${g.category}`}
          aria-labelledby={`cat-${g.category}-h`}
          className="scroll-mt-16 rounded-2xl bg-paper px-4 pt-3 shadow-sm ring-1 ring-stone-200"
          data-testid="rule-group"
        >
          <h2 id={`cat-${g.category}-h`} className="flex items-baseline justify-between gap-2 border-b border-stone-200 pb-2">
            <span className={`${large ? "text-2xl" : "text-xl"} font-bold text-stone-900`}>{t(`category.${g.category}`)}</span>
            <span className="text-base text-stone-500">{t("count", { count: g.rules.length })}</span>
          </h2>
          <ul className="divide-y divide-stone-200">
            {g.rules.map((r) => (
              <RuleItem key={r.id} rule={r} large={large} action={actionFor?.(r)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
