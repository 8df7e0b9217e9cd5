"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";

/**
 * 会签: a supervisor (not the one who put the book forward) countersigns a draft into force, or
 * refuses it with a reason, which sends it back to the committee.
 */
export function CountersignCard({ bookId, version, ruleCount }: { bookId: string; version: number; ruleCount: number }) {
  const t = useTranslations("rules.countersign");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  // the card stays with its answer; the page shows the new state when opened again
  const after = () => queryClient.invalidateQueries({ queryKey: trpc.rule.pathKey() });
  const countersign = useMutation(trpc.rule.countersign.mutationOptions({ onSuccess: after }));
  const refuse = useMutation(trpc.rule.refuse.mutationOptions({ onSuccess: after }));
  const done = countersign.isSuccess || refuse.isSuccess;
  return (
    <Card className="border-t-4 border-brand" data-testid="countersign-card">
      <h2 className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-base text-stone-700">{t("body")}</p>
      <ErrorBox message={countersign.error?.message ?? refuse.error?.message} />
      {done ? (
        <p role="status" className="mt-3 rounded-xl bg-green-50 p-3 text-base text-green-900" data-testid="countersign-done">
          {countersign.isSuccess ? t("done", { version }) : t("refused")}
        </p>
      ) : (
        <div className="mt-3 space-y-3">
          <ConfirmButton
            variant="primary"
            className="w-full"
            label={t("countersign")}
            question={t("confirm", { version, count: ruleCount })}
            busy={countersign.isPending}
            onConfirm={() => countersign.mutate({ id: bookId })}
            testId="countersign"
          />
          <form
            className="space-y-2 border-t border-stone-200 pt-3"
            onSubmit={(e) => {
              e.preventDefault();
              refuse.mutate({ id: bookId, reason: reason.trim() });
            }}
          >
            <Field label={t("refuseLabel")} hint={t("refuseHint")}>
              <textarea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={200}
                rows={2}
                required
                className="w-full rounded-xl border border-stone-300 bg-white px-4 py-2 text-lg outline-none focus:border-brand"
                data-testid="refuse-reason"
              />
            </Field>
            <Button type="submit" variant="secondary" className="w-full" disabled={refuse.isPending} data-testid="refuse">
              {t("refuse")}
            </Button>
          </form>
        </div>
      )}
    </Card>
  );
}
