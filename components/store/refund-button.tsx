"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { newRequestKey } from "@/components/points/format";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/** Refunds what is left of a receipt, with a reason (same day at the shop; later a supervisor). */
export function RefundButton({ redemptionId }: { redemptionId: string }) {
  const t = useTranslations("store.shopHome");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [requestKey] = useState(newRequestKey);
  const refund = useMutation(trpc.store.refund.mutationOptions({ onSuccess: () => router.refresh() }));
  if (refund.isSuccess) return <p role="status" className="text-base text-green-800">{t("refundDone")}</p>;
  if (!open) {
    return (
      <Button type="button" variant="danger" className="w-full" onClick={() => setOpen(true)}>
        {t("refund")}
      </Button>
    );
  }
  return (
    <form
      className="space-y-2 border-t border-stone-200 pt-2"
      onSubmit={(e) => {
        e.preventDefault();
        refund.mutate({ redemptionId, reason, idempotencyKey: requestKey });
      }}
    >
      <Field label={t("refundReason")}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} required minLength={2} />
      </Field>
      <ErrorBox message={refund.error?.message} />
      <div className="flex gap-2">
        <Button type="button" variant="secondary" className="flex-1" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
        <Button type="submit" variant="danger" className="flex-1" disabled={refund.isPending || reason.trim().length < 2}>
          {refund.isPending ? t("refunding") : t("refundAll")}
        </Button>
      </div>
    </form>
  );
}
