import { allow, router } from "../init";
import { ZCreateMotionInput, ZMotionIdInput, ZVoteInput } from "@/server/modules/council/motion.schema";
import * as motions from "@/server/modules/council/motion.service";

export const motionRouter = router({
  list: allow("motion.list").query(({ ctx }) => motions.staffList(ctx.deps, ctx.actor)),
  create: allow("motion.create")
    .input(ZCreateMotionInput)
    .mutation(({ ctx, input }) => motions.createMotion(ctx.deps, ctx.actor, input)),
  open: allow("motion.open")
    .input(ZMotionIdInput)
    .mutation(({ ctx, input }) => motions.openMotion(ctx.deps, ctx.actor, input.id)),
  close: allow("motion.close")
    .input(ZMotionIdInput)
    .mutation(({ ctx, input }) => motions.closeMotion(ctx.deps, ctx.actor, input.id)),
  board: allow("motion.board").query(({ ctx }) => motions.board(ctx.deps, ctx.actor)),
  vote: allow("motion.vote")
    .input(ZVoteInput)
    .mutation(({ ctx, input }) => motions.vote(ctx.deps, ctx.actor, input)),
});
