import { allow, router } from "../init";
import {
  ZAgendaMatterInput,
  ZAnswerMatterInput,
  ZCompleteMatterInput,
  ZDeclineMatterInput,
  ZMatterIdInput,
  ZMatterVillageInput,
  ZRaiseMatterInput,
  ZRateMatterInput,
  ZSupportMatterInput,
} from "@/server/modules/matters/matter.schema";
import * as matters from "@/server/modules/matters/matter.service";

export const matterRouter = router({
  board: allow("matter.board").query(({ ctx }) => matters.board(ctx.deps, ctx.actor)),
  get: allow("matter.get")
    .input(ZMatterIdInput)
    .query(({ ctx, input }) => matters.get(ctx.deps, ctx.actor, input.id)),
  raise: allow("matter.raise")
    .input(ZRaiseMatterInput)
    .mutation(({ ctx, input }) => matters.raise(ctx.deps, ctx.actor, input)),
  support: allow("matter.support")
    .input(ZSupportMatterInput)
    .mutation(({ ctx, input }) => matters.support(ctx.deps, ctx.actor, input)),
  rate: allow("matter.rate")
    .input(ZRateMatterInput)
    .mutation(({ ctx, input }) => matters.rate(ctx.deps, ctx.actor, input)),
  queue: allow("matter.queue").query(({ ctx }) => matters.queue(ctx.deps, ctx.actor)),
  answer: allow("matter.answer")
    .input(ZAnswerMatterInput)
    .mutation(({ ctx, input }) => matters.answer(ctx.deps, ctx.actor, input)),
  decline: allow("matter.decline")
    .input(ZDeclineMatterInput)
    .mutation(({ ctx, input }) => matters.decline(ctx.deps, ctx.actor, input)),
  agenda: allow("matter.agenda")
    .input(ZAgendaMatterInput)
    .mutation(({ ctx, input }) => matters.agenda(ctx.deps, ctx.actor, input)),
  complete: allow("matter.complete")
    .input(ZCompleteMatterInput)
    .mutation(({ ctx, input }) => matters.complete(ctx.deps, ctx.actor, input)),
  village: allow("matter.village")
    .input(ZMatterVillageInput)
    .query(({ ctx, input }) => matters.villageCounts(ctx.deps, ctx.actor, input.villageId)),
});
