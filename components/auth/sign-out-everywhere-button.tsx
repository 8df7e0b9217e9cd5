"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";

/** Ends every session of this account (a lost phone, a shared computer), this one included. */
export function SignOutEverywhereButton() {
  const t = useTranslations("me");
  const trpc = useTRPC();
  const end = useMutation(trpc.me.signOutEverywhere.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: "/signin" }) }));
  return (
    <div className="space-y-2">
      <p className="text-base text-stone-600">{t("signOutEverywhereHint")}</p>
      <ErrorBox message={end.error?.message} />
      <Button variant="secondary" className="w-full" disabled={end.isPending} onClick={() => end.mutate()} data-testid="sign-out-everywhere">
        {t("signOutEverywhere")}
      </Button>
    </div>
  );
}
