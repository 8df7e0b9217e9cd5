"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { newRequestKey } from "@/server/lib/words.schema";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

type Line = { id: string; name: string; unitPoints: number; quantity: number; refundedQty: number };

/**
 * Refunds a receipt, whole or some lines, with a reason: the keeper picks how many of each line go
 * back (what is left of it at most) and sees the points that return. Same day at the shop; later a
 * supervisor (the server decides). One request key per form, so a double tap refunds once.
 */
export function RefundButton({ redemptionId, lines }: { redemptionId: string; lines: Line[] }) {
  const t = useTranslations("store.refund");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [qty, setQty] = useState<Record<string, number>>({});
  const [requestKey] = useState(newRequestKey);
  const refund = useMutation(trpc.store.refund.mutationOptions({ onSuccess: () => router.refresh() }));
  const leftLines = lines.filter((l) => l.quantity > l.refundedQty);
  const points = leftLines.reduce((s, l) => s + (qty[l.id] ?? 0) * l.unitPoints, 0);
  const set = (l: Line, q: number) => setQty((c) => ({ ...c, [l.id]: Math.max(0, Math.min(l.quantity - l.refundedQty, q)) }));

  if (refund.isSuccess) {
    return (
      <p role="status" className="text-base text-green-800" data-testid="refund-done">
        {t("done", { points: refund.data.points })}
      </p>
    );
  }
  if (!leftLines.length) return null;
  if (!open) {
    return (
      <Button type="button" variant="danger" className="w-full" onClick={() => setOpen(true)} data-testid="refund-open">
        {t("open")}
      </Button>
    );
  }
  const picked = leftLines.filter((l) => qty[l.id]).map((l) => ({ lineId: l.id, quantity: qty[l.id]! }));
  return (
    <form
      className="space-y-2 border-t border-stone-200 pt-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.length && reason.trim().length >= 2) refund.mutate({ redemptionId, lines: picked, reason, idempotencyKey: requestKey });
      }}
      data-testid="refund-form"
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-base font-medium">{t("pick")}</p>
        <button
          type="button"
          className="min-h-11 px-2 text-base text-brand-dark underline"
          onClick={() => setQty(Object.fromEntries(leftLines.map((l) => [l.id, l.quantity - l.refundedQty])))}
          data-testid="refund-all"
        >
          {t("all")}
        </button>
      </div>
      <ul className="space-y-1">
        {leftLines.map((l) => (
          <li key={l.id} className="flex items-center gap-2" data-testid="refund-line">
            <span className="flex-1 text-base leading-snug">
              {l.name}
              <span className="block text-sm text-stone-600">{t("left", { n: l.quantity - l.refundedQty, points: l.unitPoints })}</span>
            </span>
            <button
              type="button"
              aria-label={t("minus", { name: l.name })}
              onClick={() => set(l, (qty[l.id] ?? 0) - 1)}
              disabled={!qty[l.id]}
              className="h-11 w-11 rounded-lg text-xl ring-1 ring-stone-300 disabled:opacity-40"
            >
              −
            </button>
            <span className="w-8 text-center text-lg tabular-nums" data-testid="refund-qty">
              {qty[l.id] ?? 0}
            </span>
            <button
              type="button"
              aria-label={t("plus", { name: l.name })}
              onClick={() => set(l, (qty[l.id] ?? 0) + 1)}
              disabled={(qty[l.id] ?? 0) >= l.quantity - l.refundedQty}
              className="h-11 w-11 rounded-lg text-xl ring-1 ring-stone-300 disabled:opacity-40"
            >
              +
            </button>
          </li>
        ))}
      </ul>
      <Field label={t("reason")}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} required minLength={2} data-testid="refund-reason" />
      </Field>
      <ErrorBox message={refund.error?.message} />
      <div className="flex gap-2">
        <Button type="button" variant="secondary" className="flex-1" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
        <Button type="submit" variant="danger" className="flex-1" disabled={refund.isPending || !picked.length || reason.trim().length < 2} data-testid="refund-submit">
          {refund.isPending ? t("refunding") : t("submit", { points })}
        </Button>
      </div>
    </form>
  );
}
