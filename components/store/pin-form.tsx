"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/**
 * The villager sets the household card PIN (for family members who pay with the printed card). Only
 * the household can: the committee can only clear it, and then this says a new one is needed.
 */
export function PinForm() {
  const t = useTranslations("store.pay");
  const trpc = useTRPC();
  const [pin, setPin] = useState("");
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.household.mine.queryOptions());
  const save = useMutation(
    trpc.store.setPin.mutationOptions({
      onSuccess: () => {
        setPin("");
        return queryClient.invalidateQueries({ queryKey: trpc.household.mine.queryKey() });
      },
    }),
  );
  if (mine.data === null) return null;
  return (
    <Card>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ pin });
        }}
      >
        <h2 className="text-lg font-bold">{t("pinTitle")}</h2>
        <p className="text-base text-stone-600">{t("pinHint")}</p>
        {mine.data ? (
          <p className={`text-base ${mine.data.pinSet ? "text-stone-700" : "font-medium text-amber-800"}`} data-testid="pin-status">
            {mine.data.pinSet ? t("pinIsSet") : t("pinNotSetYet")}
          </p>
        ) : null}
        <Field label={t("pinLabel")}>
          <Input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={6}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
          />
        </Field>
        <ErrorBox message={save.error?.message} />
        {save.isSuccess ? (
          <p role="status" className="text-base text-green-800">
            {t("pinSaved")}
          </p>
        ) : null}
        <Button type="submit" disabled={save.isPending || pin.length < 6} className="w-full">
          {t("pinSave")}
        </Button>
      </form>
    </Card>
  );
}
