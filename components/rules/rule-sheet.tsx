"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, Select } from "@/components/ui/field";
import { RULE_CATEGORIES, RULE_POINTS_LIMIT, RULE_CAP_MAX, type RuleCategory, type RuleView } from "@/server/modules/rules/rule.schema";

/**
 * The next free code in a category, following the village's own pattern (A07 → A08);
 * empty when the category has no coded items yet.
 */
function suggestCode(rules: RuleView[], category: RuleCategory): string {
  let prefix: string | null = null;
  let width = 2;
  let max = 0;
  for (const r of rules) {
    const m = r.category === category ? /^([A-Z]+-?)(\d+)$/.exec(r.code) : null;
    if (!m) continue;
    prefix ??= m[1]!;
    if (m[1] !== prefix) continue;
    width = Math.max(width, m[2]!.length);
    max = Math.max(max, Number(m[2]));
  }
  if (prefix === null) return "";
  const taken = new Set(rules.map((r) => r.code));
  let n = max + 1;
  while (taken.has(`${prefix}${String(n).padStart(width, "0")}`)) n++;
  return `${prefix}${String(n).padStart(width, "0")}`;
}

const TOGGLE = "min-h-12 flex-1 rounded-xl text-lg font-medium ring-1";

/**
 * One item of a draft on its own sheet (phone-sized): add (`rule` null) or change it, or delete it.
 * Addition/deduction is a choice of two buttons, so nobody has to find the minus key on a phone.
 */
export function RuleSheet({
  bookId,
  rule,
  rules,
  maxPoints = RULE_POINTS_LIMIT,
  onClose,
}: {
  bookId: string;
  rule: RuleView | null;
  rules: RuleView[];
  /** the village's largest allowed item (the server refuses more with RULE_POINTS_TOO_HIGH) */
  maxPoints?: number;
  onClose: () => void;
}) {
  const t = useTranslations("rules");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<RuleCategory>(rule?.category ?? "LAW_ABIDING");
  const [code, setCode] = useState(rule?.code ?? suggestCode(rules, rule?.category ?? "LAW_ABIDING"));
  const [codeTouched, setCodeTouched] = useState(!!rule);
  const [title, setTitle] = useState(rule?.title ?? "");
  const [description, setDescription] = useState(rule?.description ?? "");
  const [kind, setKind] = useState<"add" | "deduct">(rule && rule.points < 0 ? "deduct" : "add");
  const [amount, setAmount] = useState(rule ? String(Math.abs(rule.points)) : "");
  const [capPeriod, setCapPeriod] = useState<"" | "MONTH" | "YEAR">(rule?.capPeriod ?? "");
  const [capCount, setCapCount] = useState(rule?.capCount ? String(rule.capCount) : "");
  const [evidence, setEvidence] = useState(rule?.evidenceRequired ?? false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.rule.pathKey() });
    onClose();
  };
  const save = useMutation(trpc.rule.saveRule.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.rule.removeRule.mutationOptions({ onSuccess: done }));
  const busy = save.isPending || remove.isPending;

  /** "" stays missing (the server names the field); anything else goes as a number for it to judge. */
  const num = (s: string) => (s.trim() === "" ? (null as unknown as number) : Number(s.trim()));

  return (
    <div className="fixed inset-0 z-30 bg-black/40" role="dialog" aria-modal="true" aria-labelledby="rule-sheet-h" data-testid="rule-sheet">
      <div className="absolute inset-x-0 bottom-0 mx-auto flex max-h-[94vh] max-w-2xl flex-col rounded-t-2xl bg-paper">
        <div className="flex items-center justify-between gap-2 border-b border-stone-200 px-4 py-2">
          <h2 id="rule-sheet-h" className="text-xl font-bold">
            {rule ? t("editor.editTitle", { code: rule.code }) : t("editor.addTitle")}
          </h2>
          <button type="button" onClick={onClose} className="min-h-11 min-w-11 rounded-full text-2xl text-stone-600 active:bg-stone-100" aria-label={t("editor.close")}>
            ×
          </button>
        </div>
        <form
          className="flex-1 space-y-4 overflow-y-auto px-4 pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            const magnitude = num(amount);
            save.mutate({
              ruleBookId: bookId,
              id: rule?.id,
              code: code.trim(),
              category,
              title: title.trim(),
              description: description.trim(),
              points: typeof magnitude === "number" && kind === "deduct" ? -magnitude : magnitude,
              capPeriod: capPeriod || null,
              capCount: capPeriod ? num(capCount) : null,
              evidenceRequired: evidence,
            });
          }}
        >
          <Field label={tf("category")}>
            <Select
              value={category}
              onChange={(e) => {
                const c = e.target.value as RuleCategory;
                setCategory(c);
                if (!codeTouched) setCode(suggestCode(rules, c));
              }}
              data-testid="rule-category"
            >
              {RULE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={tf("code")} hint={t("editor.codeHint")}>
            <Input
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setCodeTouched(true);
              }}
              maxLength={12}
              required
              autoComplete="off"
              autoCapitalize="characters"
              data-testid="rule-code"
            />
          </Field>
          <Field label={tf("title")}>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} required autoComplete="off" data-testid="rule-title" />
          </Field>
          <Field label={tf("description")} hint={t("editor.descriptionHint")}>
            <textarea
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={500}
              rows={3}
              className="w-full rounded-xl border border-stone-300 bg-white px-4 py-2 text-lg outline-none focus:border-brand"
              data-testid="rule-description"
            />
          </Field>

          <fieldset>
            <legend className="mb-1 text-base font-medium text-stone-700">{t("editor.kind")}</legend>
            <div className="flex gap-2">
              <button
                type="button"
                aria-pressed={kind === "add"}
                onClick={() => setKind("add")}
                className={`${TOGGLE} ${kind === "add" ? "bg-green-700 text-white ring-green-700" : "bg-white text-stone-800 ring-stone-300"}`}
                data-testid="rule-kind-add"
              >
                + {t("editor.add")}
              </button>
              <button
                type="button"
                aria-pressed={kind === "deduct"}
                onClick={() => setKind("deduct")}
                className={`${TOGGLE} ${kind === "deduct" ? "bg-red-700 text-white ring-red-700" : "bg-white text-stone-800 ring-stone-300"}`}
                data-testid="rule-kind-deduct"
              >
                − {t("editor.deduct")}
              </button>
            </div>
          </fieldset>
          <Field label={tf("points")} hint={t("editor.pointsHint")}>
            <Input
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              inputMode="numeric"
              type="number"
              min={1}
              max={maxPoints}
              step={1}
              required
              data-testid="rule-points-input"
            />
          </Field>

          <fieldset>
            <legend className="mb-1 text-base font-medium text-stone-700">{t("editor.cap")}</legend>
            <div className="flex gap-2">
              {(["", "MONTH", "YEAR"] as const).map((p) => (
                <button
                  key={p || "none"}
                  type="button"
                  aria-pressed={capPeriod === p}
                  onClick={() => setCapPeriod(p)}
                  className={`${TOGGLE} ${capPeriod === p ? "bg-stone-800 text-white ring-stone-800" : "bg-white text-stone-800 ring-stone-300"}`}
                  data-testid={`rule-cap-${p || "none"}`}
                >
                  {p === "" ? t("editor.capNone") : p === "MONTH" ? t("editor.capMonth") : t("editor.capYear")}
                </button>
              ))}
            </div>
          </fieldset>
          {capPeriod ? (
            <Field label={tf("capCount")} hint={t("editor.capCountHint")}>
              <Input
                value={capCount}
                onChange={(e) => setCapCount(e.target.value)}
                inputMode="numeric"
                type="number"
                min={1}
                max={RULE_CAP_MAX}
                step={1}
                required
                data-testid="rule-cap-count"
              />
            </Field>
          ) : null}

          <label className="flex min-h-12 items-center gap-3 rounded-xl bg-white px-3 ring-1 ring-stone-300">
            <input type="checkbox" checked={evidence} onChange={(e) => setEvidence(e.target.checked)} className="h-6 w-6 accent-brand" data-testid="rule-evidence" />
            <span className="text-lg">{t("editor.evidence")}</span>
          </label>

          {rule ? (
            <ConfirmButton
              className="w-full"
              label={t("editor.remove")}
              question={t("editor.removeConfirm", { code: rule.code, title: rule.title })}
              busy={remove.isPending}
              disabled={busy}
              onConfirm={() => remove.mutate({ id: rule.id })}
              testId="rule-remove"
            />
          ) : null}
          <div className="sticky bottom-0 -mx-4 space-y-2 border-t border-stone-200 bg-paper px-4 pb-[max(0.75rem,env(safe-area-inset-bottom))] pt-2">
            <ErrorBox message={save.error?.message ?? remove.error?.message} />
            <Button type="submit" className="w-full" disabled={busy} data-testid="rule-save">
              {save.isPending ? t("editor.saving") : t("editor.save")}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
