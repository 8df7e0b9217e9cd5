"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { NOTICE_KINDS, NOTICE_TITLE_MAX, type NoticeKind } from "@/server/modules/council/notice.schema";

export const TEXTAREA = "min-h-60 w-full rounded-xl border border-stone-300 bg-white p-4 text-lg outline-none focus:border-brand";

/**
 * Writes a notice draft (new, or the draft `initial` names): kind, title and Markdown text. Saving a
 * new draft opens its page, where the committee previews and publishes it.
 */
export function NoticeForm({ initial }: { initial?: { id: string; kind: NoticeKind; title: string; body: string } }) {
  const t = useTranslations("notices");
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<NoticeKind>(initial?.kind ?? "GENERAL");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  const create = useMutation(trpc.notice.create.mutationOptions({ onSuccess: (r) => router.push(`/c/notices/${r.id}`) }));
  const update = useMutation(trpc.notice.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const busy = create.isPending || update.isPending;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (initial) update.mutate({ id: initial.id, kind, title, body });
        else create.mutate({ kind, title, body });
      }}
    >
      <Field label={t("form.kind")}>
        <Select value={kind} onChange={(e) => setKind(e.target.value as NoticeKind)} data-testid="notice-kind">
          {NOTICE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.title")}>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={NOTICE_TITLE_MAX} required data-testid="notice-title" />
      </Field>
      <Field label={t("form.body")} hint={t("form.bodyHint")}>
        <textarea className={TEXTAREA} value={body} onChange={(e) => setBody(e.target.value)} required data-testid="notice-body" />
      </Field>
      <ErrorBox message={create.error?.message ?? update.error?.message} />
      {update.isSuccess && !busy ? (
        <p role="status" className="text-lg text-green-800">
          {t("form.saved")}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={busy} data-testid="notice-save">
        {busy ? t("form.saving") : t("form.save")}
      </Button>
    </form>
  );
}
