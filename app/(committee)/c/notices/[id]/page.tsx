import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CorrectNotice, PinNotice, PublishNotice } from "@/components/council/notice-actions";
import { NoticeForm } from "@/components/council/notice-form";
import { NoticeProse } from "@/components/council/notice-prose";
import { AttachmentList, AttachmentUpload } from "@/components/council/notice-attachments";
import { ERROR_STATUS, type ErrorCode } from "@/server/lib/errors";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * One notice for the committee. A draft: what villagers will see, the editor and 发布. Published:
 * the read count, 置顶, 更正 (a new version) and every version so far.
 */
export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  const attachError = query.attachError && query.attachError in ERROR_STATUS ? (query.attachError as ErrorCode) : null;
  const caller = await serverCaller();
  const [t, locale, n] = await Promise.all([getTranslations("notices"), getLocale(), caller.notice.get({ id })]);
  const draft = n.status === "DRAFT";
  return (
    <div className="space-y-4">
      <Link href="/c/notices" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("detail.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{t(`kind.${n.kind}`)}</Badge>
        <Badge tone={draft ? "stone" : "green"}>{t(`status.${n.status}`)}</Badge>
        {n.pinned ? <Badge tone="amber">{t("board.pinned")}</Badge> : null}
      </div>
      <PageTitle>{n.title}</PageTitle>
      {draft ? null : (
        <p className="-mt-3 text-lg font-medium text-stone-900" data-testid="read-count">
          {t("staff.readCount", { read: n.readHouseholds, total: n.households })}
        </p>
      )}

      <Card className="space-y-2">
        <h2 className="text-base font-medium text-stone-600">{t("detail.preview")}</h2>
        <NoticeProse html={n.html} testId="notice-preview" />
        <AttachmentList files={draft ? n.staged : n.attachments} />
      </Card>

      <Card>
        <AttachmentUpload noticeId={n.id} staged={draft ? [] : n.staged} attached={query.attached === "1"} error={attachError} />
      </Card>

      {draft ? (
        <>
          <PublishNotice id={n.id} />
          <Card className="space-y-3">
            <h2 className="text-xl font-bold">{t("detail.edit")}</h2>
            <NoticeForm initial={{ id: n.id, kind: n.kind, title: n.title, body: n.body }} />
          </Card>
        </>
      ) : (
        <>
          <PinNotice id={n.id} pinned={n.pinned} />
          <Card className="space-y-3">
            <h2 className="text-xl font-bold">{t("detail.correctTitle")}</h2>
            <CorrectNotice key={n.version} id={n.id} title={n.title} body={n.body} />
          </Card>
          <Card className="space-y-2">
            <h2 className="text-xl font-bold">{t("detail.history")}</h2>
            <ol className="divide-y divide-stone-200" data-testid="notice-versions">
              {[...n.versions].reverse().map((v) => (
                <li key={v.version} className="py-3">
                  <p className="text-base font-medium text-stone-900">
                    {t("detail.version", { version: v.version, date: formatDateTime(v.publishedAt, locale), name: v.publishedByName })}
                  </p>
                  {v.reason ? <p className="text-base text-stone-700">{t("detail.because", { reason: v.reason })}</p> : null}
                  {v.version < n.version ? (
                    <details className="mt-1">
                      <summary className="min-h-11 cursor-pointer py-2 text-lg text-brand">{t("open.showOld")}</summary>
                      <NoticeProse html={v.html} />
                      <AttachmentList files={v.attachments} testId="version-attachments" />
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        </>
      )}
    </div>
  );
}
