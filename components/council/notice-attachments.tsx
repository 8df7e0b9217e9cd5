import { getTranslations } from "next-intl/server";
import type { ErrorCode } from "@/server/lib/errors";

type File = { id: string; kind: "PHOTO" | "PDF"; fileName: string; size: number; url: string };

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/** A notice's files, server-rendered: photos shown small (tap to open), PDFs as download links. */
export async function AttachmentList({ files, testId = "notice-attachments" }: { files: File[]; testId?: string }) {
  const t = await getTranslations("notices.attachments");
  if (files.length === 0) return null;
  return (
    <ul className="space-y-2" data-testid={testId}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} className="flex min-h-12 items-center gap-3 rounded-xl bg-stone-50 p-2 text-lg text-brand ring-1 ring-stone-200" data-testid="notice-attachment">
            {f.kind === "PHOTO" ? (
              <img src={f.url} alt="" className="h-14 w-14 rounded-lg object-cover" loading="lazy" />
            ) : (
              <span className="rounded-lg bg-red-100 px-2 py-3 text-base font-bold text-red-800">PDF</span>
            )}
            <span className="min-w-0 flex-1 break-all">
              {f.fileName}
              <span className="block text-base text-stone-600">
                {t(f.kind === "PDF" ? "pdf" : "photo")} · {kb(f.size)}
              </span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The committee's upload form (a plain multipart form: works without script) and the staged files with 删除. */
export async function AttachmentUpload({ noticeId, staged, attached, error }: { noticeId: string; staged: File[]; attached: boolean; error: ErrorCode | null }) {
  const [t, te] = await Promise.all([getTranslations("notices.attachments"), getTranslations("errors")]);
  return (
    <div className="space-y-3" id="attachments">
      <h2 className="text-xl font-bold">{t("add")}</h2>
      {attached ? (
        <p className="rounded-xl bg-green-50 p-3 text-lg text-green-900" role="status" data-testid="attach-ok">
          {t("attached")}
        </p>
      ) : null}
      {error ? (
        <p className="rounded-xl bg-red-50 p-3 text-lg text-red-900" role="alert" data-testid="attach-error">
          {t("failed")}
          {te(error, { mb: 5, max: 5, megapixels: 40 })}
        </p>
      ) : null}
      {staged.length ? (
        <div className="space-y-2">
          <p className="text-base text-stone-700">{t("staged")}</p>
          <ul className="space-y-2" data-testid="staged-attachments">
            {staged.map((f) => (
              <li key={f.id} className="flex items-center gap-2">
                <a href={f.url} className="min-w-0 flex-1 break-all text-lg text-brand" data-testid="staged-attachment">
                  {f.fileName}
                </a>
                <form method="post" action={f.url}>
                  <input type="hidden" name="noticeId" value={noticeId} />
                  <button className="min-h-11 rounded-xl px-3 text-lg text-red-800 ring-1 ring-red-200">{t("remove")}</button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`/api/notices/${noticeId}/attachments`} encType="multipart/form-data" className="space-y-2">
        <p className="text-base text-stone-700">{t("addHint")}</p>
        <input type="file" name="file" required accept="image/jpeg,image/png,image/webp,application/pdf" className="block w-full text-lg" data-testid="attach-file" />
        <button className="min-h-12 rounded-xl bg-brand px-4 text-lg font-medium text-white" data-testid="attach-upload">
          {t("upload")}
        </button>
      </form>
    </div>
  );
}
