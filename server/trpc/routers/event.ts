import { allow, router } from "../init";
import * as events from "@/server/modules/events/event.service";
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
    .query(({ ctx, input }) => events.kiosk(ctx.deps, ctx.actor, input)),
  checkIn: allow("event.checkIn")
    .input(ZCheckInInput)
    .mutation(({ ctx, input }) => events.checkIn(ctx.deps, ctx.actor, input)),
  staffCheckIn: allow("event.staffCheckIn")
    .input(ZStaffCheckInInput)
    .mutation(({ ctx, input }) => events.staffCheckIn(ctx.deps, ctx.actor, input)),
  roster: allow("event.roster")
    .input(ZRosterInput)
    .query(({ ctx, input }) => events.roster(ctx.deps, ctx.actor, input)),
  close: allow("event.close")
    .input(ZEventIdInput)
    .mutation(({ ctx, input }) => events.close(ctx.deps, ctx.actor, input)),
  cancel: allow("event.cancel")
    .input(ZCancelInput)
    .mutation(({ ctx, input }) => events.cancel(ctx.deps, ctx.actor, input)),
});
