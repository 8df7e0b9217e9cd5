"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";

const MIN = 5;

/**
 * 提出异议 on one entry of the notice board: one tap opens a reason box (5–500 characters); after
 * sending, the entry shows 已提异议 (one objection per household). The page is then refreshed from
 * the server so "my objections" lists it too. `max` comes from the server page (award.schema), so
 * the villager's bundle does not carry zod.
 */
export function ObjectionForm({ awardId, label, max }: { awardId: string; label: string; max: number }) {
  const t = useTranslations("points.objection");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const create = useMutation(
    trpc.objection.create.mutationOptions({
      onSuccess: () => router.refresh(),
    }),
  );
  const length = reason.trim().length;

  if (create.isSuccess) {
    return (
      <p className="mt-2 rounded-xl bg-green-50 p-3 text-lg font-medium text-green-900 ring-1 ring-green-300" role="status" data-testid="objection-sent">
        {t("sent")}
      </p>
    );
  }
  if (!open) {
    return (
      <Button type="button" variant="secondary" className="mt-2 w-full" onClick={() => setOpen(true)} aria-label={label} data-testid="object-open">
        {t("open")}
      </Button>
    );
  }
  return (
    <form
      className="mt-2 space-y-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-300"
      onSubmit={(e) => {
        e.preventDefault();
        if (length < MIN || create.isPending) return;
        create.mutate({ awardId, reason: reason.trim() });
      }}
    >
      <label className="block">
        <span className="mb-1 block text-lg font-medium text-stone-900">{t("reasonLabel")}</span>
        <textarea
          className="min-h-28 w-full rounded-xl border border-stone-300 bg-white p-3 text-lg outline-none focus:border-brand"
          value={reason}
          maxLength={max}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("placeholder")}
          autoFocus
          data-testid="objection-reason"
        />
        <span className="mt-1 block text-sm text-stone-600">{t("hint", { min: MIN, max: max, count: length })}</span>
      </label>
      <ErrorBox message={create.error?.message} />
      <div className="flex gap-2">
        <Button type="submit" className="flex-1" disabled={length < MIN || create.isPending} data-testid="objection-submit">
          {create.isPending ? tc("loading") : t("submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={create.isPending}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
