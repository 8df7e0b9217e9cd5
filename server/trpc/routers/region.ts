import { allow, router } from "../init";
import { ZCreateVillageInput } from "@/server/modules/regions/region.schema";
import { createVillage, listVillages } from "@/server/modules/regions/region.service";

export const regionRouter = router({
  villages: allow("region.villages").query(({ ctx }) => listVillages(ctx.deps, ctx.actor)),
  createVillage: allow("region.createVillage")
    .input(ZCreateVillageInput)
    .mutation(({ ctx, input }) => createVillage(ctx.deps, ctx.actor, input)),
});
