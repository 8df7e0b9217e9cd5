"use client";
/**
 * Closing early and cancelling (no one acts alone): the committee's request with a reason and its
 * withdrawal, the committee's cancel of a draft, and the supervisor's confirm / refuse.
 */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { MOTION_REASON_MAX } from "@/server/modules/council/motion.schema";

const AREA = "min-h-24 w-full rounded-xl border border-stone-300 bg-white p-3 text-lg outline-none focus:border-brand";

/** The committee's buttons on an open motion without a pending request: ask for an early close or a cancellation. */
export function RequestClose({ id }: { id: string }) {
  const t = useTranslations("votes.staff");
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<"EARLY_CLOSE" | "CANCEL" | null>(null);
  const [reason, setReason] = useState("");
  const m = useMutation(trpc.motion.request.mutationOptions({ onSuccess: () => router.refresh() }));
  if (!kind)
    return (
      <div className="grid grid-cols-2 gap-2">
        <Button variant="secondary" onClick={() => setKind("EARLY_CLOSE")} data-testid="motion-request-early">
          {t("requestEarly")}
        </Button>
        <Button variant="secondary" onClick={() => setKind("CANCEL")} data-testid="motion-request-cancel">
          {t("requestCancel")}
        </Button>
      </div>
    );
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ id, kind, reason });
      }}
    >
      <label className="block text-lg font-medium text-stone-900">
        {t(kind === "CANCEL" ? "requestCancel" : "requestEarly")} · {t("reason")}
        <textarea className={AREA} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={MOTION_REASON_MAX} required minLength={2} data-testid="motion-request-reason" />
      </label>
      <ErrorBox message={m.error?.message} />
      <div className="grid grid-cols-2 gap-2">
        <Button type="button" variant="secondary" onClick={() => setKind(null)}>
          {t("cancelForm")}
        </Button>
        <Button type="submit" disabled={m.isPending} data-testid="motion-request-send">
          {t("sendRequest")}
        </Button>
      </div>
    </form>
  );
}

/** The requester takes the request back. */
export function WithdrawRequest({ requestId }: { requestId: string }) {
  const t = useTranslations("votes.staff");
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.motion.withdrawRequest.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <ErrorBox message={m.error?.message} />
      <Button variant="secondary" className="w-full" disabled={m.isPending} onClick={() => m.mutate({ requestId })} data-testid="motion-withdraw">
        {t("withdraw")}
      </Button>
    </div>
  );
}

/** The committee cancels a draft alone. */
export function CancelDraft({ id }: { id: string }) {
  const t = useTranslations("votes.staff");
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.motion.cancel.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <ErrorBox message={m.error?.message} />
      <ConfirmButton variant="danger" className="w-full" label={t("cancelDraft")} question={t("cancelDraftQuestion")} busy={m.isPending} onConfirm={() => m.mutate({ id })} testId="motion-cancel-draft" />
    </div>
  );
}

/** A supervisor confirms or refuses (with a note) a request of someone else. */
export function DecideRequest({ requestId, kind }: { requestId: string; kind: "EARLY_CLOSE" | "CANCEL" }) {
  const t = useTranslations("votes.supervise");
  const trpc = useTRPC();
  const router = useRouter();
  const [refusing, setRefusing] = useState(false);
  const [note, setNote] = useState("");
  const confirm = useMutation(trpc.motion.confirmRequest.mutationOptions({ onSuccess: () => router.refresh() }));
  const refuse = useMutation(trpc.motion.refuseRequest.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <ErrorBox message={confirm.error?.message ?? refuse.error?.message} />
      {refusing ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            refuse.mutate({ requestId, note });
          }}
        >
          <label className="block text-lg font-medium text-stone-900">
            {t("refuseNote")}
            <textarea className={AREA} value={note} onChange={(e) => setNote(e.target.value)} maxLength={MOTION_REASON_MAX} required minLength={2} data-testid="request-refuse-note" />
          </label>
          <Button type="submit" variant="danger" className="w-full" disabled={refuse.isPending} data-testid="request-refuse-send">
            {t("sendRefuse")}
          </Button>
        </form>
      ) : (
        <div className="grid grid-cols-2 gap-2">
          <ConfirmButton variant="primary" label={t("confirm")} question={t(`confirmQuestion.${kind}`)} busy={confirm.isPending} onConfirm={() => confirm.mutate({ requestId })} testId="request-confirm" />
          <Button variant="secondary" onClick={() => setRefusing(true)} data-testid="request-refuse">
            {t("refuse")}
          </Button>
        </div>
      )}
    </div>
  );
}
