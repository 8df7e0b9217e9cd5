"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card, ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";

/**
 * 提请会签: records the meeting or vote that adopted the draft and puts it forward, after an explicit
 * confirmation; a supervisor's countersign puts it in force (and retires the version in force).
 */
export function AdoptCard({
  bookId,
  version,
  ruleCount,
  inForceVersion,
}: {
  bookId: string;
  version: number;
  ruleCount: number;
  inForceVersion: number | null;
}) {
  const t = useTranslations("rules");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [adoptedBy, setAdoptedBy] = useState("");
  const adopt = useMutation(
    trpc.rule.adopt.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.rule.pathKey() });
        // the card goes away with the draft; show the adopted version from its top
        window.scrollTo({ top: 0, behavior: "smooth" });
      },
    }),
  );
  return (
    <Card className="border-t-4 border-brand">
      <h2 className="text-xl font-bold">{t("adopt.heading")}</h2>
      <p className="mt-1 text-base text-stone-700">
        {inForceVersion ? t("adopt.body", { version: inForceVersion }) : t("adopt.bodyFirst")}
      </p>
      <div className="mt-3 space-y-3">
        <Field label={tf("adoptedBy")} hint={t("adopt.hint")}>
          <textarea
            value={adoptedBy}
            onChange={(e) => setAdoptedBy(e.target.value)}
            maxLength={200}
            rows={3}
            className="w-full rounded-xl border border-stone-300 bg-white px-4 py-2 text-lg outline-none focus:border-brand"
            data-testid="adopt-by"
          />
        </Field>
        <ErrorBox message={adopt.error?.message} />
        {adopt.isSuccess ? (
          <p role="status" className="rounded-xl bg-green-50 p-3 text-base text-green-900" data-testid="adopt-done">
            {t("adopt.done", { version })}
          </p>
        ) : (
          <ConfirmButton
            variant="primary"
            className="w-full"
            label={t("adopt.submit")}
            question={t("adopt.confirm", { version, count: ruleCount })}
            busy={adopt.isPending}
            onConfirm={() => adopt.mutate({ id: bookId, adoptedBy: adoptedBy.trim() })}
            testId="adopt"
          />
        )}
      </div>
    </Card>
  );
}
