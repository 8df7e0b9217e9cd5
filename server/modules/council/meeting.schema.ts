/** Inputs of a body's meetings: scheduling, attendance and minutes. */
import { z } from "zod";
import { ZInstant } from "@/server/lib/dates.schema";
import { ZId } from "@/server/lib/words.schema";
import { ZNoticeBody } from "./notice.schema";

export const MEETING_TITLE_MAX = 60;
export const MEETING_PLACE_MAX = 60;
export const AGENDA_ITEM_MAX = 200;
export const AGENDA_ITEMS_MAX = 20;
export const ATTENDANCE_CHANNELS = ["SECRETARY", "CARD"] as const;
export type AttendanceChannel = (typeof ATTENDANCE_CHANNELS)[number];

export const ZScheduleMeetingInput = z.object({
  bodyId: ZId,
  title: z.string().trim().min(1).max(MEETING_TITLE_MAX),
  startsAt: ZInstant,
  place: z.string().trim().min(1).max(MEETING_PLACE_MAX),
  agenda: z.array(z.string().trim().min(1).max(AGENDA_ITEM_MAX)).min(1).max(AGENDA_ITEMS_MAX),
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
  channel: z.enum(ATTENDANCE_CHANNELS),
});
export type MarkAttendanceInput = z.infer<typeof ZMarkAttendanceInput>;

export const ZPublishMinutesInput = z.object({ id: ZId, minutes: ZNoticeBody });
export type PublishMinutesInput = z.infer<typeof ZPublishMinutesInput>;
