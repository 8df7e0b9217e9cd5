import { allow, router } from "../init";
import { ZRelationAnswerInput, ZRelationDeclareInput, ZRelationListInput } from "@/server/modules/awards/award.schema";
import * as relations from "@/server/modules/awards/relation.service";

export const relationRouter = router({
  list: allow("relation.list")
    .input(ZRelationListInput)
    .query(({ ctx, input }) => relations.listRelations(ctx.deps, ctx.actor, input)),
  declare: allow("relation.declare")
    .input(ZRelationDeclareInput)
    .mutation(({ ctx, input }) => relations.declareRelation(ctx.deps, ctx.actor, input)),
  answer: allow("relation.answer")
    .input(ZRelationAnswerInput)
    .mutation(({ ctx, input }) => relations.answerRelation(ctx.deps, ctx.actor, input)),
});
