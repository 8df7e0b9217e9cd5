import { allow, router } from "../init";
import {
  ZAdoptInput,
  ZBookInput,
  ZCountersignInput,
  ZRefuseInput,
  ZCreateDraftInput,
  ZRemoveRuleInput,
  ZSaveRuleInput,
} from "@/server/modules/rules/rule.schema";
import * as rules from "@/server/modules/rules/rule.service";

export const ruleRouter = router({
  adopted: allow("rule.adopted").query(({ ctx }) => rules.adoptedRules(ctx.deps, ctx.actor)),
  books: allow("rule.books").query(({ ctx }) => rules.listBooks(ctx.deps, ctx.actor)),
  book: allow("rule.book")
    .input(ZBookInput)
    .query(({ ctx, input }) => rules.getBook(ctx.deps, ctx.actor, input.id)),
  createDraft: allow("rule.createDraft")
    .input(ZCreateDraftInput)
    .mutation(({ ctx, input }) => rules.createDraft(ctx.deps, ctx.actor, input)),
  saveRule: allow("rule.saveRule")
    .input(ZSaveRuleInput)
    .mutation(({ ctx, input }) => rules.saveRule(ctx.deps, ctx.actor, input)),
  removeRule: allow("rule.removeRule")
    .input(ZRemoveRuleInput)
    .mutation(({ ctx, input }) => rules.removeRule(ctx.deps, ctx.actor, input)),
  adopt: allow("rule.adopt")
    .input(ZAdoptInput)
    .mutation(({ ctx, input }) => rules.adopt(ctx.deps, ctx.actor, input)),
  awaiting: allow("rule.books").query(({ ctx }) => rules.awaitingCountersign(ctx.deps, ctx.actor)),
  countersign: allow("rule.countersign")
    .input(ZCountersignInput)
    .mutation(({ ctx, input }) => rules.countersign(ctx.deps, ctx.actor, input)),
  refuse: allow("rule.refuse")
    .input(ZRefuseInput)
    .mutation(({ ctx, input }) => rules.refuse(ctx.deps, ctx.actor, input)),
});
