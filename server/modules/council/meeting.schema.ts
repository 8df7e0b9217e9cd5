/** Inputs of a body's meetings: scheduling, attendance and minutes. */
import { z } from "zod";
import { ZInstant } from "@/server/lib/dates.schema";
import { ZId } from "@/server/lib/words.schema";
import { ZNoticeBody } from "./notice.schema";

export const MEETING_TITLE_MAX = 60;
export const MEETING_PLACE_MAX = 60;
export const AGENDA_ITEM_MAX = 200;
export const AGENDA_ITEMS_MAX = 20;
export const AGENDA_OUTCOME_MAX = 200;
/** How attendance was recorded: by the secretary, from a printed household card, or the member's own scan of the kiosk QR. */
export const ATTENDANCE_CHANNELS = ["SECRETARY", "CARD", "QR"] as const;
export type AttendanceChannel = (typeof ATTENDANCE_CHANNELS)[number];
/** The channels staff pick when marking by hand (QR is only ever the member's own scan). */
export const STAFF_CHANNELS = ["SECRETARY", "CARD"] as const;
const ZAgendaText = z.string().trim().min(1).max(AGENDA_ITEM_MAX);

export const ZScheduleMeetingInput = z.object({
  bodyId: ZId,
  title: z.string().trim().min(1).max(MEETING_TITLE_MAX),
  startsAt: ZInstant,
  place: z.string().trim().min(1).max(MEETING_PLACE_MAX),
  agenda: z.array(ZAgendaText).min(1).max(AGENDA_ITEMS_MAX),
  /** also post a 会议通知 to the village's board */
  postNotice: z.boolean().default(false),
});
export type ScheduleMeetingInput = z.infer<typeof ZScheduleMeetingInput>;

export const ZMeetingIdInput = z.object({ id: ZId });
export const ZMeetingVillageInput = z.object({ villageId: ZId });

export const ZMarkAttendanceInput = z.object({
  meetingId: ZId,
  /** the household member (a person of the village) who is present */
  personId: ZId,
  channel: z.enum(STAFF_CHANNELS),
});
export type MarkAttendanceInput = z.infer<typeof ZMarkAttendanceInput>;

/** The minutes' text, and an outcome line for any of the agenda items (by item id). */
export const ZPublishMinutesInput = z.object({
  id: ZId,
  minutes: ZNoticeBody,
  outcomes: z
    .array(z.object({ itemId: ZId, outcome: z.string().trim().max(AGENDA_OUTCOME_MAX) }))
    .max(AGENDA_ITEMS_MAX)
    .default([]),
});
export type PublishMinutesInput = z.infer<typeof ZPublishMinutesInput>;

// ───────── Agenda items ─────────

/** Adds an item at the end of a scheduled meeting's agenda, optionally about a motion of the village. */
export const ZAgendaAddInput = z.object({ meetingId: ZId, text: ZAgendaText, motionId: ZId.optional() });
export type AgendaAddInput = z.infer<typeof ZAgendaAddInput>;
export const ZAgendaRemoveInput = z.object({ id: ZId });
export type AgendaRemoveInput = z.infer<typeof ZAgendaRemoveInput>;
/** The meeting's item ids in their new order: all of them, each once. */
export const ZAgendaReorderInput = z.object({
  meetingId: ZId,
  ids: z
    .array(ZId)
    .min(1)
    .max(AGENDA_ITEMS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: "validation.duplicate" }),
});
export type AgendaReorderInput = z.infer<typeof ZAgendaReorderInput>;

// ───────── Attendance by QR and by card ─────────

export const ZMeetingKioskInput = z.object({ id: ZId });
/** A member's scan of the meeting kiosk's rotating QR. */
export const ZMeetingCheckInInput = z.object({ token: z.string().max(1000) });
export type MeetingCheckInInput = z.infer<typeof ZMeetingCheckInInput>;
/** A printed household card scanned by the secretary or a grid worker; `personIds` (when given) are marked present. */
export const ZMeetingCardInput = z.object({
  meetingId: ZId,
  card: z.string().trim().min(1).max(60),
  personIds: z.array(ZId).max(20).optional(),
});
export type MeetingCardInput = z.infer<typeof ZMeetingCardInput>;
