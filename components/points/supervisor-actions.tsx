"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { NoteBox } from "./note-box";

/**
 * What a supervisor may do with one entry, under its trail: approve or reject a proposal; reverse a
 * final entry (with a reason, after a confirmation). When they must step aside (their own proposal,
 * a related household) the buttons are replaced by the reason. The server checks all of it again.
 */
export function SupervisorActions({
  id,
  status,
  reviewBlock,
  blockReason,
  openObjections,
  max,
}: {
  id: string;
  status: string;
  reviewBlock: "OWN_PROPOSAL" | "RELATED_HOUSEHOLD" | null;
  blockReason?: "OWN_PROPOSAL" | "MEMBER" | "DECLARED" | "PROPOSED" | "SHARED_PERSON" | null;
  openObjections: number;
  max: number;
}) {
  const t = useTranslations("points");
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "reject" | "reverse" | "confirmReverse">("idle");
  const [reason, setReason] = useState("");
  const done = {
    onSuccess: () => {
      setMode("idle");
      router.refresh();
    },
  };
  const approve = useMutation(trpc.award.approve.mutationOptions(done));
  const reject = useMutation(trpc.award.reject.mutationOptions(done));
  const reverse = useMutation(trpc.award.reverse.mutationOptions(done));
  const error = approve.error?.message ?? reject.error?.message ?? reverse.error?.message;

  // Reversing corrects a mistake: only a relation to the household stops it (not having proposed it).
  const block = status === "FINAL" ? (reviewBlock === "RELATED_HOUSEHOLD" ? reviewBlock : null) : reviewBlock;
  if (status !== "PROPOSED" && status !== "FINAL") {
    return status === "IN_NOTICE" && openObjections > 0 ? (
      <Link
        href="/s/objections"
        className="flex min-h-12 items-center justify-center rounded-xl bg-amber-50 px-4 text-lg font-medium text-amber-950 ring-1 ring-amber-300"
        data-testid="go-objections"
      >
        {t("review.toObjections", { count: openObjections })}
      </Link>
    ) : null;
  }
  if (block) {
    return (
      <Card className="bg-stone-100">
        <p className="text-lg text-stone-800" data-testid="review-blocked">
          {blockReason && blockReason !== "OWN_PROPOSAL" ? t(`blockWhy.${blockReason}`) : t(`reviewBlock.${block}`)}
        </p>
      </Card>
    );
  }

  return (
    <Card>
      <h2 className="mb-2 text-lg font-bold">{status === "PROPOSED" ? t("review.title") : t("reverse.title")}</h2>
      <ErrorBox message={error} />
      {status === "PROPOSED" ? (
        mode === "reject" ? (
          <NoteBox
            label={t("review.rejectNote")}
            submitLabel={t("review.reject")}
            max={max}
            busy={reject.isPending}
            onSubmit={(note) => reject.mutate({ id, note })}
            onCancel={() => setMode("idle")}
            testId="reject-note"
          />
        ) : (
          <div className="flex gap-2">
            <Button
              type="button"
              className="flex-1"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ id })}
              data-testid="approve"
            >
              {approve.isPending ? t("review.working") : t("review.approve")}
            </Button>
            <Button type="button" variant="danger" className="flex-1" onClick={() => setMode("reject")} data-testid="reject">
              {t("review.reject")}
            </Button>
          </div>
        )
      ) : mode === "idle" ? (
        <>
          <p className="mb-2 text-base text-stone-700">{t("reverse.body")}</p>
          <Button type="button" variant="danger" className="w-full" onClick={() => setMode("reverse")} data-testid="reverse">
            {t("reverse.button")}
          </Button>
        </>
      ) : mode === "reverse" ? (
        <NoteBox
          label={t("reverse.reason")}
          submitLabel={t("reverse.next")}
          max={max}
          busy={false}
          onSubmit={(text) => {
            setReason(text);
            setMode("confirmReverse");
          }}
          onCancel={() => setMode("idle")}
          testId="reverse-reason"
        />
      ) : (
        <div role="alertdialog" aria-label={t("reverse.confirm")} className="rounded-xl border border-amber-300 bg-amber-50 p-3">
          <p className="text-lg text-stone-900">{t("reverse.confirm")}</p>
          <p className="mt-1 text-base text-stone-700">{t("reverse.reasonIs", { reason })}</p>
          <div className="mt-2 flex gap-2">
            <Button
              type="button"
              variant="danger"
              className="flex-1"
              disabled={reverse.isPending}
              onClick={() => reverse.mutate({ id, reason })}
              data-testid="reverse-confirm"
            >
              {reverse.isPending ? t("review.working") : t("reverse.button")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode("idle")} disabled={reverse.isPending}>
              {t("reverse.cancel")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
