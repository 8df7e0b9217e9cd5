/** Pure rules of 村民说事: when a matter must be answered, and whether it is overdue. */
import { DomainError } from "@/server/lib/errors";
import type { Actor } from "@/server/auth/actor";
import type { MatterStatus } from "./matter.schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The village a staff member or villager works in; admins name villages explicitly. Throws FORBIDDEN. */
export function matterVillage(actor: Actor): string {
  if (!actor.villageId) throw new DomainError("FORBIDDEN");
  return actor.villageId;
}

/**
 * When a matter must be answered: `answerDays` after the support that reached the village's
 * threshold (null while it has fewer supports than that).
 */
export function answerDueAt(thresholdReachedAt: Date | null, answerDays: number): Date | null {
  return thresholdReachedAt ? new Date(thresholdReachedAt.getTime() + answerDays * DAY_MS) : null;
}

/** Overdue: still OPEN (not answered, declined or put on an agenda) after its due time. At the due instant itself it is not yet overdue. */
export function isOverdue(status: MatterStatus, dueAt: Date | null, now: Date): boolean {
  return status === "OPEN" && dueAt !== null && now.getTime() > dueAt.getTime();
}

/** The states from which each committee step may be taken. */
export const FROM: Record<"answer" | "decline" | "agenda" | "complete", MatterStatus[]> = {
  answer: ["OPEN"],
  decline: ["OPEN"],
  agenda: ["OPEN"],
  complete: ["ANSWERED", "ON_AGENDA"],
};
