import { allow, router } from "../init";
import * as awards from "@/server/modules/awards/award.service";
import {
  ZApproveInput,
  ZAwardIdInput,
  ZAwardListInput,
  ZProposeBatchInput,
  ZProposeInput,
  ZRejectInput,
  ZReverseInput,
} from "@/server/modules/awards/award.schema";

export const awardRouter = router({
  propose: allow("award.propose")
    .input(ZProposeInput)
    .mutation(({ ctx, input }) => awards.propose(ctx.deps, ctx.actor, input)),
  proposeBatch: allow("award.proposeBatch")
    .input(ZProposeBatchInput)
    .mutation(({ ctx, input }) => awards.proposeBatch(ctx.deps, ctx.actor, input)),
  list: allow("award.list")
    .input(ZAwardListInput)
    .query(({ ctx, input }) => awards.listAwards(ctx.deps, ctx.actor, input)),
  get: allow("award.get")
    .input(ZAwardIdInput)
    .query(({ ctx, input }) => awards.getAward(ctx.deps, ctx.actor, input.id)),
  approve: allow("award.approve")
    .input(ZApproveInput)
    .mutation(({ ctx, input }) => awards.review(ctx.deps, ctx.actor, { ...input, decision: "APPROVED" })),
  reject: allow("award.reject")
    .input(ZRejectInput)
    .mutation(({ ctx, input }) => awards.review(ctx.deps, ctx.actor, { ...input, decision: "REJECTED" })),
  reverse: allow("award.reverse")
    .input(ZReverseInput)
    .mutation(({ ctx, input }) => awards.reverseAward(ctx.deps, ctx.actor, input)),
});
