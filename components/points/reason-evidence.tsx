"use client";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

const TEXTAREA = "min-h-24 w-full rounded-xl border border-stone-300 bg-white p-3 text-lg outline-none focus:border-brand";

/** Step 3 of the proposal and batch forms: the reason in words and the optional (or required) evidence link. */
export function ReasonEvidence(props: {
  title: string;
  reason: string;
  onReason: (v: string) => void;
  reasonMax: number;
  placeholder: string;
  evidenceUrl: string;
  onEvidenceUrl: (v: string) => void;
  evidenceRequired: boolean;
  testIdPrefix: string;
}) {
  const t = useTranslations("points.propose");
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-bold">{props.title}</h2>
      <label className="block">
        <span className="mb-1 block text-base font-medium text-stone-700">{t("reason")}</span>
        <textarea
          className={TEXTAREA}
          value={props.reason}
          maxLength={props.reasonMax}
          onChange={(e) => props.onReason(e.target.value)}
          placeholder={props.placeholder}
          data-testid={`${props.testIdPrefix}-reason`}
        />
        <span className="mt-1 block text-sm text-stone-600">{t("reasonHint", { count: props.reason.trim().length, max: props.reasonMax })}</span>
      </label>
      <Field label={props.evidenceRequired ? t("evidenceRequired") : t("evidence")} hint={t("evidenceHint")}>
        <Input
          type="url"
          inputMode="url"
          maxLength={500}
          value={props.evidenceUrl}
          onChange={(e) => props.onEvidenceUrl(e.target.value)}
          placeholder="https://"
          data-testid={`${props.testIdPrefix}-evidence`}
        />
      </Field>
    </Card>
  );
}
