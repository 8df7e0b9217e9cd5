"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/** The villager sets the household card PIN (for family members who pay with the printed card). */
export function PinForm() {
  const t = useTranslations("store.pay");
  const trpc = useTRPC();
  const [pin, setPin] = useState("");
  const save = useMutation(trpc.store.setPin.mutationOptions({ onSuccess: () => setPin("") }));
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
