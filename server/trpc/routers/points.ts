import { allow, router } from "../init";
import { ZStatementInput, ZTrailInput } from "@/server/modules/awards/award.schema";
import * as points from "@/server/modules/awards/points.service";

export const pointsRouter = router({
  summary: allow("points.summary").query(({ ctx }) => points.summary(ctx.deps, ctx.actor)),
  statement: allow("points.statement")
    .input(ZStatementInput)
    .query(({ ctx, input }) => points.statement(ctx.deps, ctx.actor, input)),
  pending: allow("points.pending").query(({ ctx }) => points.pending(ctx.deps, ctx.actor)),
  trail: allow("points.trail")
    .input(ZTrailInput)
    .query(({ ctx, input }) => points.trail(ctx.deps, ctx.actor, input.awardId)),
});
