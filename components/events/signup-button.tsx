"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";

/** 报名: signs the household up, then refreshes the list. */
export function SignupButton({ eventId }: { eventId: string }) {
  const t = useTranslations("events");
  const trpc = useTRPC();
  const router = useRouter();
  const signup = useMutation(trpc.event.signup.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="mt-2 space-y-2">
      <Button type="button" className="w-full" disabled={signup.isPending || signup.isSuccess} onClick={() => signup.mutate({ eventId })} data-testid="event-signup">
        {signup.isPending ? t("signingUp") : signup.isSuccess ? t("signupDone") : t("signup")}
      </Button>
      <ErrorBox message={signup.error?.message} />
    </div>
  );
}
