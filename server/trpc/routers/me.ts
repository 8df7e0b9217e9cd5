import { allow, router } from "../init";
import { ZChangePasswordInput } from "@/server/modules/accounts/account.schema";
import { changePassword, me, signOutEverywhere } from "@/server/modules/accounts/account.service";

export const meRouter = router({
  get: allow("me.get").query(({ ctx }) => me(ctx.deps, ctx.actor)),
  changePassword: allow("me.changePassword")
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.actor, input)),
  signOutEverywhere: allow("me.signOutEverywhere").mutation(({ ctx }) => signOutEverywhere(ctx.deps, ctx.actor)),
});
