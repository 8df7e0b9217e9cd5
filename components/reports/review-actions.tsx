"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import type { QueueItem } from "./types";

/** Accept (with a 随手拍 rule of the book in force), decline with a reason, or mark a suggested duplicate. */
export function ReviewActions({ item, rules, radiusM, windowHours }: { item: QueueItem; rules: { id: string; code: string; title: string; points: number }[]; radiusM: number; windowHours: number }) {
  const t = useTranslations("reports.queue");
  const trpc = useTRPC();
  const router = useRouter();
  const [ruleId, setRuleId] = useState(rules[0]?.id ?? "");
  const [reason, setReason] = useState("");
  const done = { onSuccess: () => router.refresh() };
  const accept = useMutation(trpc.report.accept.mutationOptions(done));
  const decline = useMutation(trpc.report.decline.mutationOptions(done));
  const dup = useMutation(trpc.report.markDuplicate.mutationOptions(done));
  const busy = accept.isPending || decline.isPending || dup.isPending;
  return (
    <div className="mt-3 space-y-3 border-t border-stone-200 pt-3">
      {item.likelyDuplicates.length ? (
        <div data-testid="report-likely">
          <p className="text-base text-stone-700">{t("likely", { m: radiusM, h: windowHours })}</p>
          {item.likelyDuplicates.map((d) => (
            <Button key={d.id} type="button" variant="secondary" className="mt-1 w-full text-left" disabled={busy} onClick={() => dup.mutate({ id: item.id, duplicateOfId: d.id })} data-testid="report-mark-duplicate">
              {t("duplicate")}：{d.text}（{d.distanceM} m）
            </Button>
          ))}
        </div>
      ) : null}
      {rules.length ? (
        <>
          <Field label={t("rule")}>
            <Select value={ruleId} onChange={(e) => setRuleId(e.target.value)} data-testid="report-rule">
              {rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.code} {r.title}（{r.points > 0 ? `+${r.points}` : r.points}）
                </option>
              ))}
            </Select>
          </Field>
          <Button type="button" className="w-full" disabled={busy || !ruleId} onClick={() => accept.mutate({ id: item.id, ruleId })} data-testid="report-accept">
            {t("accept")}
          </Button>
        </>
      ) : (
        <p className="text-base text-amber-700">{t("noRules")}</p>
      )}
      <Field label={t("reason")}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="report-reason" />
      </Field>
      <Button type="button" variant="danger" className="w-full" disabled={busy || reason.trim().length < 2} onClick={() => decline.mutate({ id: item.id, reason })} data-testid="report-decline">
        {t("decline")}
      </Button>
      <ErrorBox message={accept.error?.message ?? decline.error?.message ?? dup.error?.message} />
    </div>
  );
}
