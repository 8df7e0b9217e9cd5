import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/lib/errors";

/** The village whose rule books the actor works with; admins have none, so they match nothing. */
export function ruleVillage(actor: Actor): string {
  return actor.villageId ?? "__none__";
}

type BookState = { status: "DRAFT" | "ADOPTED" | "RETIRED"; proposedAt: Date | null };

/**
 * Only a DRAFT that is not waiting for a countersign may change: an adopted version is what awards
 * cite, a retired one is history, and a proposed one is what the supervisor is reading.
 */
export function isEditable(book: BookState): boolean {
  return book.status === "DRAFT" && !book.proposedAt;
}

/** Throws RULE_BOOK_NOT_DRAFT unless the book is a draft not put forward. */
export function assertEditable(book: BookState): void {
  if (!isEditable(book)) throw new DomainError("RULE_BOOK_NOT_DRAFT");
}

/** Throws RULE_POINTS_TOO_HIGH when an item carries more points (either way) than the village allows. */
export function assertWithinMax(points: number, maxRulePoints: number): void {
  if (Math.abs(points) > maxRulePoints) throw new DomainError("RULE_POINTS_TOO_HIGH", { max: maxRulePoints });
}

/**
 * A countersign (or refusal) is a second person's: the book must be put forward, and not by the
 * one who signs. Throws RULE_BOOK_NOT_PROPOSED, COUNTERSIGN_OWN_PROPOSAL.
 */
export function assertCountersignable(book: BookState & { proposedById: string | null }, userId: string): void {
  if (book.status !== "DRAFT" || !book.proposedAt) throw new DomainError("RULE_BOOK_NOT_PROPOSED");
  if (book.proposedById === userId) throw new DomainError("COUNTERSIGN_OWN_PROPOSAL");
}
