import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/lib/errors";
import type { NoticeStatus } from "./notice.schema";

/** The village whose notices the actor works with; admins have none, so they match nothing. */
export function noticeVillage(actor: Actor): string {
  return actor.villageId ?? "__none__";
}

/** Throws NOTICE_NOT_DRAFT: a published notice is never edited in place, only corrected. */
export function assertDraft(status: NoticeStatus): void {
  if (status !== "DRAFT") throw new DomainError("NOTICE_NOT_DRAFT");
}

/** Throws NOTICE_NOT_PUBLISHED: only what villagers have seen can be corrected. */
export function assertPublished(status: NoticeStatus): void {
  if (status !== "PUBLISHED") throw new DomainError("NOTICE_NOT_PUBLISHED");
}

/**
 * Unread first (a household has not read it, or not the newest correction), then pinned, then
 * newest: what a villager has not seen yet is what the board is for.
 */
export function boardOrder<T extends { unread: boolean; pinned: boolean; publishedAt: Date | null }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.unread) - Number(a.unread) ||
      Number(b.pinned) - Number(a.pinned) ||
      (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0),
  );
}
