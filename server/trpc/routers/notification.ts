import { allow, router } from "../init";
import { listNotifications, markRead } from "@/server/modules/notifications/notification.service";
import { ZMarkReadInput, ZNotificationListInput } from "@/server/modules/notifications/notification.schema";

export const notificationRouter = router({
  list: allow("notification.list")
    .input(ZNotificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.actor, input)),
  markRead: allow("notification.markRead")
    .input(ZMarkReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.deps, ctx.actor, input)),
});
