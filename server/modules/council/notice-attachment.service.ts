/**
 * Photos and PDFs attached to notices. The committee uploads them to a draft, or to a published
 * notice for its next correction (staged: no villager sees them until that version is published);
 * every version keeps the list it was published with, so an old version's files stay as they were.
 */
import type { Actor } from "@/server/auth/actor";
import { checkAttachment } from "@/server/lib/attachment";
import { NOTICE_ATTACHMENTS_MAX } from "@/server/lib/attachment.schema";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import { noticeVillage } from "./notice.policy";
import * as repo from "./notice.repo";

/** Roles that see a notice's staged attachments (the ones not yet published). */
const STAFF_ROLES = new Set(["COMMITTEE", "SUPERVISOR"]);

export type AttachmentView = { id: string; kind: "PHOTO" | "PDF"; fileName: string; size: number; url: string };

export const attachmentUrl = (id: string) => `/api/notices/attachment/${id}`;

export function viewOf(a: repo.AttachmentRow): AttachmentView {
  return { id: a.id, kind: a.kind, fileName: a.fileName, size: a.size, url: attachmentUrl(a.id) };
}

/**
 * Checks and keeps an uploaded file for the notice's next publication (the draft's first, or the next
 * correction). Nothing is written when the file is refused. Throws NOT_FOUND, NOTICE_TOO_MANY_ATTACHMENTS
 * and the checks' codes (server/lib/attachment.ts).
 */
export async function addAttachment(deps: Deps, actor: Actor, input: { noticeId: string; fileName: string; bytes: Buffer }) {
  const villageId = noticeVillage(actor);
  const file = await checkAttachment(input.bytes, input.fileName);
  return deps.db.$transaction(async (tx) => {
    if (!(await repo.lockNotice(tx, villageId, input.noticeId))) throw new DomainError("NOT_FOUND");
    const notice = await repo.findNotice(tx, villageId, input.noticeId);
    if (!notice) throw new DomainError("NOT_FOUND");
    const [attachments, versions] = await Promise.all([repo.listAttachments(tx, villageId, notice.id), repo.listVersions(tx, notice.id)]);
    const current = versions.find((v) => v.version === notice.version)?.attachmentIds ?? [];
    const staged = attachments.filter((a) => a.publishedIn === null).length;
    if (current.length + staged >= NOTICE_ATTACHMENTS_MAX) throw new DomainError("NOTICE_TOO_MANY_ATTACHMENTS", { max: NOTICE_ATTACHMENTS_MAX });
    const a = await repo.createAttachment(tx, { villageId, noticeId: notice.id, kind: file.kind, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes, createdById: actor.userId });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "villageNotice.attach",
      entity: "NoticeAttachment",
      entityId: a.id,
      after: { noticeId: notice.id, kind: a.kind, fileName: a.fileName, size: a.size },
    });
    return viewOf(a);
  });
}

/** Removes a staged attachment (a published one is dropped by a correction instead). Throws NOT_FOUND. */
export async function removeStaged(deps: Deps, actor: Actor, input: { noticeId: string; attachmentId: string }) {
  const villageId = noticeVillage(actor);
  return deps.db.$transaction(async (tx) => {
    if ((await repo.deleteStaged(tx, villageId, input.noticeId, input.attachmentId)) === 0) throw new DomainError("NOT_FOUND");
    await recordAudit(tx, actor, { regionId: villageId, action: "villageNotice.detach", entity: "NoticeAttachment", entityId: input.attachmentId, before: { noticeId: input.noticeId } });
    return { id: input.attachmentId };
  });
}

/**
 * An attachment's bytes for the file route: people of the notice's village only (another village's
 * id is NOT_FOUND, like one that does not exist). Villagers get only files of published versions of
 * published notices; the committee and supervisors also the staged ones.
 */
export async function attachmentFile(deps: Deps, actor: Actor, id: string) {
  if (!actor.villageId || id.length > 40) throw new DomainError("NOT_FOUND");
  const a = await repo.attachmentFile(deps.db, actor.villageId, id);
  if (!a) throw new DomainError("NOT_FOUND");
  const visible = STAFF_ROLES.has(actor.role) || (a.publishedIn !== null && a.notice.status === "PUBLISHED");
  if (!visible) throw new DomainError("NOT_FOUND");
  return { bytes: a.bytes, kind: a.kind, contentType: a.contentType, fileName: a.fileName, createdAt: a.createdAt };
}
