"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** 结算积分: closes an ended event; its check-ins become points entries through due process. */
export function CloseEvent({ eventId }: { eventId: string }) {
  const t = useTranslations("events.c");
  const trpc = useTRPC();
  const router = useRouter();
  const close = useMutation(trpc.event.close.mutationOptions({ onSuccess: () => router.refresh() }));
  const r = close.data;
  const skipped = r ? [...r.skippedOverCap, ...r.skippedInactive] : [];
  return (
    <div className="mt-2 space-y-2">
      {r ? (
        <div role="status" className="rounded-xl bg-green-50 p-3 text-base text-green-900 ring-1 ring-green-200" data-testid="close-result">
          <p>
            {r.awards === 0
              ? t("closedNone")
              : r.status === "PROPOSED"
                ? t("closedProposed", { count: r.awards })
                : t("closedPublished", { count: r.awards })}
          </p>
          {skipped.length ? <p>{t("skipped", { list: skipped.join("、") })}</p> : null}
        </div>
      ) : (
        <>
          <p className="text-base text-stone-600">{t("closeHint")}</p>
          <ConfirmButton
            label={t("close")}
            question={t("closeConfirm")}
            variant="primary"
            busy={close.isPending}
            className="w-full"
            onConfirm={() => close.mutate({ eventId })}
            testId="event-close"
          />
        </>
      )}
      <ErrorBox message={close.error?.message} />
    </div>
  );
}
