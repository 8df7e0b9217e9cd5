"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/** 《…细则》（2026年版） → （2027年版）: the usual name of the next edition, for the committee to adjust. */
function nextTitle(title: string): string {
  return title.replace(/(\d{4})(\s*年版)/, (_, y: string, rest: string) => `${Number(y) + 1}${rest}`);
}

/**
 * 新建草稿: a title and one tap. Based on the version in force (all its items copied) when there is
 * one; a blank draft otherwise, or when asked for.
 */
export function CreateDraftForm({ adopted }: { adopted: { title: string; version: number; ruleCount: number } | null }) {
  const t = useTranslations("rules");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [title, setTitle] = useState(() => nextTitle(adopted?.title ?? ""));
  const create = useMutation(
    trpc.rule.createDraft.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.rule.pathKey() });
        router.push(`/c/rules/${id}`);
      },
    }),
  );
  const busy = create.isPending || create.isSuccess;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-bold">{t("create.heading")}</h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ title: title.trim(), fromAdopted: !!adopted });
        }}
      >
        <Field label={tf("title")} hint={t("create.titleHint")}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} required autoComplete="off" data-testid="draft-title" />
        </Field>
        {adopted ? <p className="text-base text-stone-600">{t("create.fromAdoptedNote", { version: adopted.version, count: adopted.ruleCount })}</p> : null}
        <ErrorBox message={create.error?.message} />
        <Button type="submit" className="w-full" disabled={busy} data-testid="draft-create">
          {busy ? t("create.creating") : adopted ? t("create.fromAdopted") : t("create.blank")}
        </Button>
        {adopted ? (
          <Button
            type="button"
            variant="secondary"
            className="w-full"
            disabled={busy}
            onClick={() => create.mutate({ title: title.trim(), fromAdopted: false })}
            data-testid="draft-create-blank"
          >
            {t("create.blank")}
          </Button>
        ) : null}
      </form>
    </Card>
  );
}
