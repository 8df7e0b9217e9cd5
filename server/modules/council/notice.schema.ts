/** Inputs of village notices (通知公告, 议事公告 …): drafts, publishing, corrections, pins, reading. */
import { z } from "zod";
import { NOTICE_ATTACHMENTS_MAX } from "@/server/lib/attachment.schema";
import { ZId } from "@/server/lib/words.schema";

/** The kinds posted in villages, in the order the committee picks them (docs/architecture.md). */
export const NOTICE_KINDS = ["GENERAL", "DELIBERATION", "MEETING", "MINUTES", "RESULT", "AFFAIRS"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const ZNoticeKind = z.enum(NOTICE_KINDS);
export type NoticeStatus = "DRAFT" | "PUBLISHED";

export const NOTICE_TITLE_MAX = 60;
/** A notice's Markdown, in UTF-8 bytes (about 21,000 Chinese characters); the API refuses a request over 512 KB unread. */
export const NOTICE_BODY_MAX_BYTES = 64 * 1024;
export const NOTICE_REASON_MAX = 200;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

export const ZNoticeTitle = z.string().trim().min(1).max(NOTICE_TITLE_MAX);
export const ZNoticeBody = z
  .string()
  .min(1)
  // a character cap first, so a huge string is refused without encoding it
  .max(NOTICE_BODY_MAX_BYTES, { message: "validation.noticeTooLong" })
  .refine((s) => utf8Bytes(s) <= NOTICE_BODY_MAX_BYTES, { message: "validation.noticeTooLong" })
  .refine((s) => s.trim().length > 0, { message: "validation.required" });

export const ZCreateNoticeInput = z.object({ kind: ZNoticeKind, title: ZNoticeTitle, body: ZNoticeBody });
export type CreateNoticeInput = z.infer<typeof ZCreateNoticeInput>;

export const ZUpdateNoticeInput = ZCreateNoticeInput.extend({ id: ZId });
export type UpdateNoticeInput = z.infer<typeof ZUpdateNoticeInput>;

export const ZNoticeIdInput = z.object({ id: ZId });

/** A correction of a published notice: the new text and why (shown with the 更正 history). */
export const ZCorrectNoticeInput = z.object({
  id: ZId,
  title: ZNoticeTitle,
  body: ZNoticeBody,
  reason: z.string().trim().min(1).max(NOTICE_REASON_MAX),
  /** attachments of the current version the correction no longer carries */
  dropAttachmentIds: z.array(ZId).max(NOTICE_ATTACHMENTS_MAX).default([]),
});
export type CorrectNoticeInput = z.infer<typeof ZCorrectNoticeInput>;

export const ZPinNoticeInput = z.object({ id: ZId, pinned: z.boolean() });
export type PinNoticeInput = z.infer<typeof ZPinNoticeInput>;
