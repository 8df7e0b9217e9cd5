import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoticeProse } from "@/components/council/notice-prose";
import { AttachmentList } from "@/components/council/notice-attachments";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * One notice, rendered on the server (no script to download). Opening it records that the
 * household read this version. Earlier versions stay readable under 更正记录. The board's links
 * prefetch only down to notices/loading.tsx, so a notice is recorded as read only when it is opened.
 */
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const [t, locale, n] = await Promise.all([
    getTranslations("notices"),
    getLocale(),
    // a link to a notice of another village, or one that was never published, says so plainly
    caller.notice.open({ id }).catch((e: unknown) => {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
      throw e;
    }),
  ]);
  const back = (
    <Link href="/v/affairs/notices" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="notice-back">
      ‹ {t("open.back")}
    </Link>
  );
  if (!n)
    return (
      <div className="space-y-4">
        {back}
        <Card>
          <p className="text-lg" data-testid="notice-not-found">
            {t("open.notFound")}
          </p>
        </Card>
      </div>
    );
  return (
    <div className="space-y-4">
      {back}
      <p className="text-base font-medium text-brand">{t(`kind.${n.kind}`)}</p>
      <PageTitle>{n.title}</PageTitle>
      <p className="-mt-3 text-base text-stone-600">
        {t("open.published", { date: formatDateTime(n.publishedAt!, locale) })}
        {n.correctedAt ? ` · ${t("open.corrected", { date: formatDateTime(n.correctedAt, locale), version: n.version })}` : null}
      </p>
      <Card>
        <NoticeProse html={n.html} testId="notice-text" />
      </Card>
      {n.attachments.length ? (
        <Card className="space-y-2">
          <h2 className="text-xl font-bold">{t("attachments.title")}</h2>
          <AttachmentList files={n.attachments} />
        </Card>
      ) : null}
      {n.history.length ? (
        <Card className="space-y-2" data-testid="notice-history">
          <h2 className="text-xl font-bold">{t("open.history")}</h2>
          <p className="text-base text-stone-700">{t("open.historyHint")}</p>
          <ol className="divide-y divide-stone-200">
            {n.history.map((v) => (
              <li key={v.version} className="py-3">
                <p className="text-base font-medium text-stone-900">{t("open.version", { version: v.version, date: formatDateTime(v.publishedAt, locale) })}</p>
                {v.replacedBecause ? <p className="text-base text-stone-700">{t("open.because", { reason: v.replacedBecause })}</p> : null}
                <details className="mt-1">
                  <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand">{t("open.showOld")}</summary>
                  <NoticeProse html={v.html} />
                  <AttachmentList files={v.attachments} testId="version-attachments" />
                </details>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  );
}
