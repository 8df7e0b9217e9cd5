"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

export function ChangePasswordForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const change = useMutation(trpc.me.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent("");
        setPassword("");
        // the new password ended every session, this one too: back to sign-in after the message is read
        setTimeout(() => void signOut({ callbackUrl: "/signin" }), 2500);
      },
    }));
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ current, password });
      }}
    >
      <Field label={t("fields.current")}>
        <Input type="password" autoComplete="current-password" maxLength={64} value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </Field>
      <Field label={t("fields.password")} hint={t("validation.password")}>
        <Input type="password" autoComplete="new-password" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} required />
      </Field>
      <ErrorBox message={change.error?.message} />
      {change.isSuccess ? <p className="text-base text-green-700">{t("me.passwordChanged")}</p> : null}
      <Button type="submit" variant="secondary" className="w-full" disabled={change.isPending}>
        {change.isPending ? t("app.loading") : t("app.save")}
      </Button>
    </form>
  );
}
