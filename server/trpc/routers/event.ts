import { allow, router } from "../init";
import * as events from "@/server/modules/events/event.service";
import * as checkins from "@/server/modules/events/checkin.service";
import * as rosters from "@/server/modules/events/roster.service";
import {
  ZCancelInput,
  ZCheckInInput,
  ZEventCreateInput,
  ZEventIdInput,
  ZEventListInput,
  ZRosterInput,
  ZStaffCheckInInput,
} from "@/server/modules/events/event.schema";

export const eventRouter = router({
  list: allow("event.list")
    .input(ZEventListInput)
    .query(({ ctx, input }) => events.listEvents(ctx.deps, ctx.actor, input)),
  create: allow("event.create")
    .input(ZEventCreateInput)
    .mutation(({ ctx, input }) => events.createEvent(ctx.deps, ctx.actor, input)),
  signup: allow("event.signup")
    .input(ZEventIdInput)
    .mutation(({ ctx, input }) => events.signup(ctx.deps, ctx.actor, input)),
  kiosk: allow("event.kiosk")
    .input(ZEventIdInput)
    .query(({ ctx, input }) => checkins.kiosk(ctx.deps, ctx.actor, input)),
  checkIn: allow("event.checkIn")
    .input(ZCheckInInput)
    .mutation(({ ctx, input }) => checkins.checkIn(ctx.deps, ctx.actor, input)),
  staffCheckIn: allow("event.staffCheckIn")
    .input(ZStaffCheckInInput)
    .mutation(({ ctx, input }) => checkins.staffCheckIn(ctx.deps, ctx.actor, input)),
  roster: allow("event.roster")
    .input(ZRosterInput)
    .query(({ ctx, input }) => rosters.roster(ctx.deps, ctx.actor, input)),
  close: allow("event.close")
    .input(ZEventIdInput)
    .mutation(({ ctx, input }) => events.close(ctx.deps, ctx.actor, input)),
  cancel: allow("event.cancel")
    .input(ZCancelInput)
    .mutation(({ ctx, input }) => events.cancel(ctx.deps, ctx.actor, input)),
});
