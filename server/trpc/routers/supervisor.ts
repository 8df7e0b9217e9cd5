import { allow, router } from "../init";
import { ZSupervisorHistoryInput, ZSupervisorSetInput, ZSupervisorVillageInput } from "@/server/modules/accounts/account.schema";
import * as supervisors from "@/server/modules/accounts/supervisor.service";

export const supervisorRouter = router({
  village: allow("supervisor.village")
    .input(ZSupervisorVillageInput)
    .query(({ ctx, input }) => supervisors.villageSupervisors(ctx.deps, ctx.actor, input)),
  set: allow("supervisor.set")
    .input(ZSupervisorSetInput)
    .mutation(({ ctx, input }) => supervisors.setSupervisor(ctx.deps, ctx.actor, input)),
  history: allow("supervisor.history")
    .input(ZSupervisorHistoryInput)
    .query(({ ctx, input }) => supervisors.supervisorHistory(ctx.deps, ctx.actor, input)),
});
