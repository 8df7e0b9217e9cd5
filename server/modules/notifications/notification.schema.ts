import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";

export const ZNotificationListInput = z.object({ take: z.number().int().min(1).max(100).default(30) }).default({ take: 30 });

/** Marks the given notifications read, or all of them when `ids` is left out. */
export const ZMarkReadInput = z.object({ ids: z.array(ZId).min(1).max(100).optional() });

/** The kinds written today; the text of each is notifications.kind.<kind> in the message catalogue. */
export const NOTIFICATION_KINDS = [
  "pin.reset",
  "household.linkRequested",
  "matter.answered",
  "matter.declined",
  "matter.onAgenda",
  "matter.done",
  "mediation.sessionScheduled",
  "mediation.agreementRecorded",
  "mediation.outcome",
  "motion.opened",
  "meeting.scheduled",
  "report.accepted",
  "report.declined",
  "report.duplicate",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
