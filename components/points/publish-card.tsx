"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Card, ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/server/lib/village-time.schema";

/**
 * 发布公示: publishes every approved entry in one notice batch. Before asking, it says how many
 * entries will go on the board and when the notice closes; after, the page reloads its batches.
 */
export function PublishCard({ count, noticeDays, closesAt }: { count: number; noticeDays: number; closesAt: Date }) {
  const t = useTranslations("points.publish");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.publicity.publish.mutationOptions({ onSuccess: () => router.refresh() }));
  const closes = formatDateTime(closesAt, locale);

  return (
    <Card className="space-y-3">
      <h2 className="text-xl font-bold">{t("title")}</h2>
      {publish.isSuccess ? (
        <p className="rounded-xl bg-green-50 p-3 text-lg font-medium text-green-900 ring-1 ring-green-300" role="status" data-testid="publish-done">
          {t("done", { count: publish.data.count, date: formatDateTime(publish.data.closesAt, locale) })}
        </p>
      ) : null}
      {count === 0 ? (
        publish.isSuccess ? null : (
          <p className="text-lg text-stone-700" data-testid="publish-nothing">
            {t("nothing")}
          </p>
        )
      ) : (
        <>
          <p className="text-lg text-stone-900" data-testid="publish-count">
            {t("ready", { count, days: noticeDays, date: closes })}
          </p>
          <ErrorBox message={publish.error?.message} />
          <ConfirmButton
            variant="primary"
            className="w-full"
            label={t("button", { count })}
            question={t("confirm", { count, date: closes })}
            busy={publish.isPending}
            onConfirm={() => publish.mutate({})}
            testId="publish"
          />
        </>
      )}
    </Card>
  );
}
