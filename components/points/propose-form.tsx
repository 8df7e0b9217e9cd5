"use client";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import type { RuleGroup } from "@/server/modules/rules/rule.schema";
import { newRequestKey } from "@/server/lib/words.schema";
import { signed } from "./format";
import { HouseholdPicker, type PickedHousehold } from "./household-picker";
import { ReasonEvidence } from "./reason-evidence";
import { findRule, RulePicker } from "./rule-picker";


/**
 * 积分申报 on a phone: pick the household, the rule (points always come from the rule), write the
 * reason, optionally the member who earned it and an evidence link. The request key is made once
 * per form, so a double tap or a retry over a weak network creates one proposal.
 */
export function ProposeForm({ groups, reasonMax }: { groups: RuleGroup[]; reasonMax: number }) {
  const t = useTranslations("points.propose");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const [key, setKey] = useState(newRequestKey);
  const [household, setHousehold] = useState<PickedHousehold | null>(null);
  const [ruleId, setRuleId] = useState("");
  const [reason, setReason] = useState("");
  const [memberId, setMemberId] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const rule = findRule(groups, ruleId);
  const detail = useQuery(trpc.household.get.queryOptions(household ? { id: household.id } : skipToken));
  const propose = useMutation(trpc.award.propose.mutationOptions());

  const reasonOk = reason.trim().length >= 2;
  const evidenceOk = !rule?.evidenceRequired || evidenceUrl.trim().length > 0;
  const ready = !!household && !!rule && reasonOk && evidenceOk;

  if (propose.isSuccess) {
    const r = propose.data;
    return (
      <Card>
        <div className="space-y-3" data-testid="propose-done">
          <p className="text-xl font-bold text-green-800" role="status">
            {t("done")}
          </p>
          <p className="text-lg text-stone-900">
            {household ? t("householdChip", { number: household.number, head: household.headName }) : ""} · {rule?.title} ·{" "}
            <span className={r.points > 0 ? "text-green-700" : "text-red-700"}>{signed(r.points)}</span>
          </p>
          <p className="text-base text-stone-700">{t("doneBody")}</p>
          <div className="flex gap-2">
            <Link
              href={`/c/awards/${r.id}`}
              className="flex min-h-12 flex-1 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg"
              data-testid="propose-view"
            >
              {t("view")}
            </Link>
            <Button
              type="button"
              className="flex-1"
              onClick={() => {
                propose.reset();
                setKey(newRequestKey());
                setHousehold(null);
                setReason("");
                setMemberId("");
                setEvidenceUrl("");
              }}
              data-testid="propose-another"
            >
              {t("another")}
            </Button>
          </div>
        </div>
      </Card>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready || propose.isPending) return;
        propose.mutate({
          householdId: household.id,
          ruleId: rule.id,
          reason: reason.trim(),
          memberId: memberId || null,
          evidenceUrl: evidenceUrl.trim() || null,
          idempotencyKey: key,
        });
      }}
    >
      <Card className="space-y-2">
        <h2 className="text-lg font-bold">{t("step1")}</h2>
        <HouseholdPicker
          value={household}
          onChange={(h) => {
            setHousehold(h);
            setMemberId("");
          }}
        />
        {household && detail.data && detail.data.members.length > 1 ? (
          <Field label={t("member")}>
            <Select value={memberId} onChange={(e) => setMemberId(e.target.value)} data-testid="member-select">
              <option value="">{t("memberNone")}</option>
              {detail.data.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </Card>

      <Card className="space-y-2">
        <h2 className="text-lg font-bold">{t("step2")}</h2>
        {groups.length === 0 ? <p className="text-lg text-stone-700">{t("noRules")}</p> : <RulePicker groups={groups} value={ruleId} onChange={setRuleId} />}
      </Card>

      <ReasonEvidence
        title={t("step3")}
        reason={reason}
        onReason={setReason}
        reasonMax={reasonMax}
        placeholder={t("reasonPlaceholder")}
        evidenceUrl={evidenceUrl}
        onEvidenceUrl={setEvidenceUrl}
        evidenceRequired={!!rule?.evidenceRequired}
        testIdPrefix="propose"
      />

      <ErrorBox message={propose.error?.message} />
      <Button type="submit" className="w-full" disabled={!ready || propose.isPending} data-testid="propose-submit">
        {propose.isPending ? tc("loading") : rule ? t("submitWith", { points: signed(rule.points) }) : t("submit")}
      </Button>
      {!ready ? <p className="text-center text-base text-stone-600">{t("missing")}</p> : null}
    </form>
  );
}
