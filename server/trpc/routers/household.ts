import { allow, router } from "../init";
import * as households from "@/server/modules/households/household.service";
import { importHouseholds } from "@/server/modules/households/household-import";
import { resetPin } from "@/server/modules/households/pin.service";
import { cardSheet } from "@/server/modules/households/card.service";
import { ZCardSelection } from "@/server/modules/households/card.schema";
import {
  ZAddMemberInput,
  ZAnswerLinkInput,
  ZHouseholdGetInput,
  ZHouseholdCreateInput,
  ZHouseholdListInput,
  ZHouseholdStatusInput,
  ZHouseholdUpdateInput,
  ZImportInput,
  ZLinkMemberInput,
  ZRemoveMemberInput,
  ZResetPinInput,
} from "@/server/modules/households/household.schema";

export const householdRouter = router({
  mine: allow("household.mine").query(({ ctx }) => households.myHousehold(ctx.deps, ctx.actor)),
  list: allow("household.list")
    .input(ZHouseholdListInput)
    .query(({ ctx, input }) => households.listHouseholds(ctx.deps, ctx.actor, input)),
  get: allow("household.get")
    .input(ZHouseholdGetInput)
    .query(({ ctx, input }) => households.getHousehold(ctx.deps, ctx.actor, input.id, input.includeLeft)),
  create: allow("household.create")
    .input(ZHouseholdCreateInput)
    .mutation(({ ctx, input }) => households.createHousehold(ctx.deps, ctx.actor, input)),
  update: allow("household.update")
    .input(ZHouseholdUpdateInput)
    .mutation(({ ctx, input }) => households.updateHousehold(ctx.deps, ctx.actor, input)),
  setStatus: allow("household.setStatus")
    .input(ZHouseholdStatusInput)
    .mutation(({ ctx, input }) => households.setHouseholdStatus(ctx.deps, ctx.actor, input)),
  addMember: allow("household.addMember")
    .input(ZAddMemberInput)
    .mutation(({ ctx, input }) => households.addMember(ctx.deps, ctx.actor, input)),
  removeMember: allow("household.removeMember")
    .input(ZRemoveMemberInput)
    .mutation(({ ctx, input }) => households.removeMember(ctx.deps, ctx.actor, input)),
  linkMember: allow("household.linkMember")
    .input(ZLinkMemberInput)
    .mutation(({ ctx, input }) => households.linkMember(ctx.deps, ctx.actor, input)),
  myLinks: allow("me.links").query(({ ctx }) => households.myLinkRequests(ctx.deps, ctx.actor)),
  answerLink: allow("me.answerLink")
    .input(ZAnswerLinkInput)
    .mutation(({ ctx, input }) => households.answerLink(ctx.deps, ctx.actor, input)),
  resetPin: allow("household.resetPin")
    .input(ZResetPinInput)
    .mutation(({ ctx, input }) => resetPin(ctx.deps, ctx.actor, input)),
  import: allow("household.import")
    .input(ZImportInput)
    .mutation(({ ctx, input }) => importHouseholds(ctx.deps, ctx.actor, input)),
  cards: allow("household.cards")
    .input(ZCardSelection)
    .query(({ ctx, input }) => cardSheet(ctx.deps, ctx.actor, input)),
});
