/**
 * Uploads one photo or PDF to a notice (the committee's plain form, multipart, works without script):
 * checked and kept for the notice's next publication, then back to the notice with what happened
 * (?attached=1 or ?attachError=<code>, shown there in the reader's language).
 */
import { route } from "@/server/http/route";
import { ATTACHMENT_REQUEST_MAX_BYTES, PDF_MAX_BYTES } from "@/server/lib/attachment.schema";
import { DomainError } from "@/server/lib/errors";
import { addAttachment } from "@/server/modules/council/notice-attachment.service";

export const dynamic = "force-dynamic";

const back = (id: string, query: string) => new Response(null, { status: 303, headers: { Location: `/c/notices/${encodeURIComponent(id)}?${query}#attachments` } });

export const POST = route<{ id: string }>("notice.attach", async ({ deps, actor, req, params }) => {
  if (params.id.length > 40) throw new DomainError("NOT_FOUND");
  try {
    // the declared size first, so a huge body is refused before it is read
    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (!Number.isFinite(declared) || declared > ATTACHMENT_REQUEST_MAX_BYTES) throw new DomainError("ATTACHMENT_TOO_LARGE", { mb: PDF_MAX_BYTES / 1024 / 1024 });
    const form = await req.formData().catch(() => null);
    if (!form) throw new DomainError("ATTACHMENT_NOT_ALLOWED");
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new DomainError("ATTACHMENT_NOT_ALLOWED");
    if (file.size > PDF_MAX_BYTES) throw new DomainError("ATTACHMENT_TOO_LARGE", { mb: PDF_MAX_BYTES / 1024 / 1024 });
    await addAttachment(deps, actor, { noticeId: params.id, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    return back(params.id, "attached=1");
  } catch (e) {
    // a refused file goes back to the form with its reason; NOT_FOUND stays a 404
    if (e instanceof DomainError && e.code !== "NOT_FOUND") return back(params.id, `attachError=${e.code}`);
    throw e;
  }
});
