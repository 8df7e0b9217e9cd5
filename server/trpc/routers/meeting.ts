import { allow, router } from "../init";
import { ZMarkAttendanceInput, ZMeetingVillageInput, ZPublishMinutesInput, ZScheduleMeetingInput } from "@/server/modules/council/meeting.schema";
import * as meetings from "@/server/modules/council/meeting.service";

export const meetingRouter = router({
  list: allow("meeting.list").query(({ ctx }) => meetings.staffList(ctx.deps, ctx.actor)),
  schedule: allow("meeting.schedule")
    .input(ZScheduleMeetingInput)
    .mutation(({ ctx, input }) => meetings.schedule(ctx.deps, ctx.actor, input)),
  attend: allow("meeting.attend")
    .input(ZMarkAttendanceInput)
    .mutation(({ ctx, input }) => meetings.markAttendance(ctx.deps, ctx.actor, input)),
  minutes: allow("meeting.minutes")
    .input(ZPublishMinutesInput)
    .mutation(({ ctx, input }) => meetings.publishMinutes(ctx.deps, ctx.actor, input)),
  village: allow("meeting.village")
    .input(ZMeetingVillageInput)
    .query(({ ctx, input }) => meetings.villageMeetings(ctx.deps, ctx.actor, input.villageId)),
});
