/**
 * A notice's attachment. GET: the file, for people of the notice's village (another village's, a
 * draft's or a staged one for a villager: 404), photos inline, PDFs as a download with their name.
 * POST (the committee's 删除 button, a plain form): removes a staged attachment and goes back.
 */
import { route } from "@/server/http/route";
import { contentDisposition } from "@/server/lib/attachment";
import { DomainError } from "@/server/lib/errors";
import { attachmentFile, removeStaged } from "@/server/modules/council/notice-attachment.service";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>("notice.attachment", async ({ deps, actor, params }) => {
  const file = await attachmentFile(deps, actor, params.id);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.kind === "PDF" ? "attachment" : "inline", file.fileName),
      "Cache-Control": "private, max-age=604800, immutable",
      "X-Content-Type-Options": "nosniff",
      // a PDF opened anyway runs no script of this origin
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    },
  });
});

export const POST = route<{ id: string }>("notice.detach", async ({ deps, actor, req, params }) => {
  const form = await req.formData().catch(() => null);
  if (!form) throw new DomainError("INVALID_INPUT");
  const noticeId = String(form.get("noticeId") ?? "");
  if (!noticeId || noticeId.length > 40) throw new DomainError("NOT_FOUND");
  await removeStaged(deps, actor, { noticeId, attachmentId: params.id });
  return new Response(null, { status: 303, headers: { Location: `/c/notices/${encodeURIComponent(noticeId)}#attachments` } });
});
