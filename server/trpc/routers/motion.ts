import { allow, router } from "../init";
import {
  ZCancelDraftInput,
  ZCreateMotionInput,
  ZMotionIdInput,
  ZMotionRequestInput,
  ZMotionVillageInput,
  ZRefuseRequestInput,
  ZRequestIdInput,
  ZVoteInput,
} from "@/server/modules/council/motion.schema";
import * as motions from "@/server/modules/council/motion.service";
import * as closing from "@/server/modules/council/motion-close.service";
import { ZPaperSecretInput, ZPaperSheetInput, ZPaperVoteInput } from "@/server/modules/council/motion-paper.schema";
import * as paper from "@/server/modules/council/motion-paper.service";

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
  cancel: allow("motion.cancel")
    .input(ZCancelDraftInput)
    .mutation(({ ctx, input }) => closing.cancelDraft(ctx.deps, ctx.actor, input)),
  request: allow("motion.request")
    .input(ZMotionRequestInput)
    .mutation(({ ctx, input }) => closing.requestClose(ctx.deps, ctx.actor, input)),
  withdrawRequest: allow("motion.withdrawRequest")
    .input(ZRequestIdInput)
    .mutation(({ ctx, input }) => closing.withdrawRequest(ctx.deps, ctx.actor, input.requestId)),
  requests: allow("motion.requests").query(({ ctx }) => closing.pendingList(ctx.deps, ctx.actor)),
  confirmRequest: allow("motion.confirmRequest")
    .input(ZRequestIdInput)
    .mutation(({ ctx, input }) => closing.confirmRequest(ctx.deps, ctx.actor, input.requestId)),
  refuseRequest: allow("motion.refuseRequest")
    .input(ZRefuseRequestInput)
    .mutation(({ ctx, input }) => closing.refuseRequest(ctx.deps, ctx.actor, input)),
  village: allow("motion.village")
    .input(ZMotionVillageInput)
    .query(({ ctx, input }) => closing.villageMotions(ctx.deps, ctx.actor, input.villageId)),
  paperSheet: allow("motion.paperSheet")
    .input(ZPaperSheetInput)
    .query(({ ctx, input }) => paper.paperSheet(ctx.deps, ctx.actor, input.motionId)),
  paperVote: allow("motion.paperVote")
    .input(ZPaperVoteInput)
    .mutation(({ ctx, input }) => paper.enterPaperVote(ctx.deps, ctx.actor, input)),
  paperSecret: allow("motion.paperSecret")
    .input(ZPaperSecretInput)
    .mutation(({ ctx, input }) => paper.enterPaperSecret(ctx.deps, ctx.actor, input)),
});
