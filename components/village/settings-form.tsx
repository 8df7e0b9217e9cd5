"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

type Settings = { noticeDays: number; checkInAutoApproveMaxPoints: number; maxRulePoints: number; matterSupportThreshold: number; matterAnswerDays: number };

/** The committee's form of the village settings; a reason is required and posted with the change. */
export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const router = useRouter();
  const [f, setF] = useState({
    noticeDays: String(initial.noticeDays),
    checkInAutoApproveMaxPoints: String(initial.checkInAutoApproveMaxPoints),
    maxRulePoints: String(initial.maxRulePoints),
    matterSupportThreshold: String(initial.matterSupportThreshold),
    matterAnswerDays: String(initial.matterAnswerDays),
    reason: "",
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [k]: e.target.value }));
  const save = useMutation(
    trpc.village.updateSettings.mutationOptions({
      onSuccess: () => {
        setF((prev) => ({ ...prev, reason: "" }));
        router.refresh();
      },
    }),
  );
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
  return (
    <form
      className="space-y-3"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          noticeDays: num(f.noticeDays),
          checkInAutoApproveMaxPoints: num(f.checkInAutoApproveMaxPoints),
          maxRulePoints: num(f.maxRulePoints),
          matterSupportThreshold: num(f.matterSupportThreshold),
          matterAnswerDays: num(f.matterAnswerDays),
          reason: f.reason.trim(),
        });
      }}
    >
      <Field label={t("noticeDays")} hint={t("noticeDaysHint")}>
        <Input type="number" inputMode="numeric" min={1} max={30} value={f.noticeDays} onChange={set("noticeDays")} required data-testid="setting-notice-days" />
      </Field>
      <Field label={t("autoApprove")} hint={t("autoApproveHint")}>
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          max={1000}
          value={f.checkInAutoApproveMaxPoints}
          onChange={set("checkInAutoApproveMaxPoints")}
          required
          data-testid="setting-auto-approve"
        />
      </Field>
      <Field label={t("maxRulePoints")} hint={t("maxRulePointsHint")}>
        <Input type="number" inputMode="numeric" min={1} max={1000} value={f.maxRulePoints} onChange={set("maxRulePoints")} required data-testid="setting-max-rule-points" />
      </Field>
      <Field label={t("matterSupportThreshold")} hint={t("matterSupportThresholdHint")}>
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          value={f.matterSupportThreshold}
          onChange={set("matterSupportThreshold")}
          required
          data-testid="setting-matter-threshold"
        />
      </Field>
      <Field label={t("matterAnswerDays")} hint={t("matterAnswerDaysHint")}>
        <Input type="number" inputMode="numeric" min={1} max={90} value={f.matterAnswerDays} onChange={set("matterAnswerDays")} required data-testid="setting-matter-days" />
      </Field>
      <Field label={t("reason")} hint={t("reasonHint")}>
        <textarea
          value={f.reason}
          onChange={set("reason")}
          maxLength={200}
          rows={2}
          required
          className="w-full rounded-xl border border-stone-300 bg-white px-4 py-2 text-lg outline-none focus:border-brand"
          data-testid="setting-reason"
        />
      </Field>
      <ErrorBox message={save.error?.message} />
      {save.isSuccess ? (
        <p role="status" className="rounded-xl border border-green-300 bg-green-50 p-3 text-base text-green-800" data-testid="settings-saved">
          {save.data.changed ? t("saved", { count: save.data.changed }) : t("unchanged")}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={save.isPending} data-testid="settings-save">
        {save.isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
