import { allow, router } from "../init";
import { ZObjectionCreateInput, ZObjectionListInput, ZObjectionRuleInput } from "@/server/modules/awards/award.schema";
import * as objections from "@/server/modules/awards/objection.service";

export const objectionRouter = router({
  create: allow("objection.create")
    .input(ZObjectionCreateInput)
    .mutation(({ ctx, input }) => objections.createObjection(ctx.deps, ctx.actor, input)),
  list: allow("objection.list")
    .input(ZObjectionListInput)
    .query(({ ctx, input }) => objections.listObjections(ctx.deps, ctx.actor, input)),
  rule: allow("objection.rule")
    .input(ZObjectionRuleInput)
    .mutation(({ ctx, input }) => objections.ruleObjection(ctx.deps, ctx.actor, input)),
});
