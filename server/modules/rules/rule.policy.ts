import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/lib/errors";

/** The village whose rule books the actor works with; admins have none, so they match nothing. */
export function ruleVillage(actor: Actor): string {
  return actor.villageId ?? "__none__";
}

/** Only a DRAFT may change: an adopted version is what awards cite, a retired one is history. */
export function isEditable(status: "DRAFT" | "ADOPTED" | "RETIRED"): boolean {
  return status === "DRAFT";
}

/** Throws RULE_BOOK_NOT_DRAFT unless the book is a draft. */
export function assertEditable(status: "DRAFT" | "ADOPTED" | "RETIRED"): void {
  if (!isEditable(status)) throw new DomainError("RULE_BOOK_NOT_DRAFT");
}
