"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input } from "@/components/ui/field";
import { NOTICE_REASON_MAX, NOTICE_TITLE_MAX } from "@/server/modules/council/notice.schema";
import { TEXTAREA } from "./notice-form";

/** 发布: asks first (a published notice can only be corrected), then reloads the page. */
export function PublishNotice({ id }: { id: string }) {
  const t = useTranslations("notices.detail");
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.notice.publish.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <ErrorBox message={publish.error?.message} />
      <ConfirmButton
        variant="primary"
        className="w-full"
        label={t("publish")}
        question={t("publishQuestion")}
        busy={publish.isPending}
        onConfirm={() => publish.mutate({ id })}
        testId="notice-publish"
      />
    </div>
  );
}

/** 置顶 / 取消置顶. */
export function PinNotice({ id, pinned }: { id: string; pinned: boolean }) {
  const t = useTranslations("notices.detail");
  const trpc = useTRPC();
  const router = useRouter();
  const pin = useMutation(trpc.notice.pin.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <ErrorBox message={pin.error?.message} />
      <Button type="button" variant="secondary" className="w-full" disabled={pin.isPending} onClick={() => pin.mutate({ id, pinned: !pinned })} data-testid="notice-pin">
        {pinned ? t("unpin") : t("pin")}
      </Button>
    </div>
  );
}

/** 更正: the corrected title and text with the reason, published as the next version. */
export function CorrectNotice({ id, title: title0, body: body0 }: { id: string; title: string; body: string }) {
  const t = useTranslations("notices");
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState(title0);
  const [body, setBody] = useState(body0);
  const [reason, setReason] = useState("");
  const correct = useMutation(
    trpc.notice.correct.mutationOptions({
      onSuccess: () => {
        setReason("");
        router.refresh();
      },
    }),
  );
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        correct.mutate({ id, title, body, reason });
      }}
    >
      <p className="text-base text-stone-700">{t("detail.correctHint")}</p>
      <Field label={t("form.title")}>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={NOTICE_TITLE_MAX} required />
      </Field>
      <Field label={t("form.body")} hint={t("form.bodyHint")}>
        <textarea className={TEXTAREA} value={body} onChange={(e) => setBody(e.target.value)} required data-testid="correct-body" />
      </Field>
      <Field label={t("form.reason")} hint={t("form.reasonHint")}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={NOTICE_REASON_MAX} required data-testid="correct-reason" />
      </Field>
      <ErrorBox message={correct.error?.message} />
      {correct.isSuccess ? (
        <p role="status" className="text-lg text-green-800" data-testid="correct-done">
          {t("form.corrected", { version: correct.data.version })}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={correct.isPending} data-testid="correct-submit">
        {correct.isPending ? t("form.correcting") : t("form.correct")}
      </Button>
    </form>
  );
}
