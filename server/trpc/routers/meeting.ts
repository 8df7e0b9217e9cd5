import { allow, router } from "../init";
import {
  ZAgendaAddInput,
  ZAgendaRemoveInput,
  ZAgendaReorderInput,
  ZMarkAttendanceInput,
  ZMeetingCardInput,
  ZMeetingCheckInInput,
  ZMeetingKioskInput,
  ZMeetingVillageInput,
  ZPublishMinutesInput,
  ZScheduleMeetingInput,
} from "@/server/modules/council/meeting.schema";
import * as meetings from "@/server/modules/council/meeting.service";

export const meetingRouter = router({
  list: allow("meeting.list").query(({ ctx }) => meetings.staffList(ctx.deps, ctx.actor)),
  schedule: allow("meeting.schedule")
    .input(ZScheduleMeetingInput)
    .mutation(({ ctx, input }) => meetings.schedule(ctx.deps, ctx.actor, input)),
  agendaAdd: allow("meeting.agenda")
    .input(ZAgendaAddInput)
    .mutation(({ ctx, input }) => meetings.addAgendaItem(ctx.deps, ctx.actor, input)),
  agendaRemove: allow("meeting.agenda")
    .input(ZAgendaRemoveInput)
    .mutation(({ ctx, input }) => meetings.removeAgendaItem(ctx.deps, ctx.actor, input)),
  agendaReorder: allow("meeting.agenda")
    .input(ZAgendaReorderInput)
    .mutation(({ ctx, input }) => meetings.reorderAgenda(ctx.deps, ctx.actor, input)),
  attend: allow("meeting.attend")
    .input(ZMarkAttendanceInput)
    .mutation(({ ctx, input }) => meetings.markAttendance(ctx.deps, ctx.actor, input)),
  kiosk: allow("meeting.kiosk")
    .input(ZMeetingKioskInput)
    .query(({ ctx, input }) => meetings.kiosk(ctx.deps, ctx.actor, input)),
  checkIn: allow("meeting.checkIn")
    .input(ZMeetingCheckInInput)
    .mutation(({ ctx, input }) => meetings.checkIn(ctx.deps, ctx.actor, input)),
  card: allow("meeting.card")
    .input(ZMeetingCardInput)
    .mutation(({ ctx, input }) => meetings.card(ctx.deps, ctx.actor, input)),
  upcoming: allow("meeting.upcoming").query(({ ctx }) => meetings.upcomingForStaff(ctx.deps, ctx.actor)),
  mine: allow("meeting.mine").query(({ ctx }) => meetings.villagerMeetings(ctx.deps, ctx.actor)),
  minutes: allow("meeting.minutes")
    .input(ZPublishMinutesInput)
    .mutation(({ ctx, input }) => meetings.publishMinutes(ctx.deps, ctx.actor, input)),
  village: allow("meeting.village")
    .input(ZMeetingVillageInput)
    .query(({ ctx, input }) => meetings.villageMeetings(ctx.deps, ctx.actor, input.villageId)),
});
