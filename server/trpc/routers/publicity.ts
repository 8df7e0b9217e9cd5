import { allow, router } from "../init";
import { ZBatchListInput, ZPublishInput } from "@/server/modules/awards/award.schema";
import * as publicity from "@/server/modules/awards/publicity.service";

export const publicityRouter = router({
  publish: allow("publicity.publish")
    .input(ZPublishInput)
    .mutation(({ ctx, input }) => publicity.publish(ctx.deps, ctx.actor, input)),
  batches: allow("publicity.batches")
    .input(ZBatchListInput)
    .query(({ ctx, input }) => publicity.listBatches(ctx.deps, ctx.actor, input)),
  board: allow("publicity.board").query(({ ctx }) => publicity.board(ctx.deps, ctx.actor)),
});
