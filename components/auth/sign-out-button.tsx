"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("me");
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: "/signin" })} data-testid="sign-out">
      {t("signOut")}
    </Button>
  );
}
