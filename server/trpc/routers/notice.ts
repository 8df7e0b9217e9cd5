import { allow, router } from "../init";
import { ZBatchListInput, ZPublishInput } from "@/server/modules/awards/award.schema";
import * as notices from "@/server/modules/awards/notice.service";

export const noticeRouter = router({
  publish: allow("notice.publish")
    .input(ZPublishInput)
    .mutation(({ ctx, input }) => notices.publish(ctx.deps, ctx.actor, input)),
  batches: allow("notice.batches")
    .input(ZBatchListInput)
    .query(({ ctx, input }) => notices.listBatches(ctx.deps, ctx.actor, input)),
  board: allow("notice.board").query(({ ctx }) => notices.board(ctx.deps, ctx.actor)),
});
