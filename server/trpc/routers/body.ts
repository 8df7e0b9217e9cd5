import { allow, router } from "../init";
import {
  ZAddBodyMemberInput,
  ZBodyPeopleInput,
  ZBodyVillageInput,
  ZCreateBodyInput,
  ZEndTermInput,
} from "@/server/modules/council/body.schema";
import * as bodies from "@/server/modules/council/body.service";

export const bodyRouter = router({
  list: allow("body.list").query(({ ctx }) => bodies.staffBodies(ctx.deps, ctx.actor)),
  people: allow("body.people")
    .input(ZBodyPeopleInput)
    .query(({ ctx, input }) => bodies.people(ctx.deps, ctx.actor, input.q)),
  create: allow("body.create")
    .input(ZCreateBodyInput)
    .mutation(({ ctx, input }) => bodies.createBody(ctx.deps, ctx.actor, input)),
  addMember: allow("body.addMember")
    .input(ZAddBodyMemberInput)
    .mutation(({ ctx, input }) => bodies.addMember(ctx.deps, ctx.actor, input)),
  endTerm: allow("body.endTerm")
    .input(ZEndTermInput)
    .mutation(({ ctx, input }) => bodies.endTerm(ctx.deps, ctx.actor, input)),
  board: allow("body.board").query(({ ctx }) => bodies.board(ctx.deps, ctx.actor)),
  village: allow("body.village")
    .input(ZBodyVillageInput)
    .query(({ ctx, input }) => bodies.villageBodies(ctx.deps, ctx.actor, input.villageId)),
});
