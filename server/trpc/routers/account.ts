import { allow, router } from "../init";
import {
  ZAccountCreateInput,
  ZAccountListInput,
  ZResetPasswordInput,
  ZSetRoleInput,
} from "@/server/modules/accounts/account.schema";
import * as accounts from "@/server/modules/accounts/account.service";

export const accountRouter = router({
  list: allow("account.list")
    .input(ZAccountListInput)
    .query(({ ctx, input }) => accounts.listAccounts(ctx.deps, ctx.actor, input)),
  create: allow("account.create")
    .input(ZAccountCreateInput)
    .mutation(({ ctx, input }) => accounts.createAccount(ctx.deps, ctx.actor, input)),
  resetPassword: allow("account.resetPassword")
    .input(ZResetPasswordInput)
    .mutation(({ ctx, input }) => accounts.resetPassword(ctx.deps, ctx.actor, input)),
  setRole: allow("account.setRole")
    .input(ZSetRoleInput)
    .mutation(({ ctx, input }) => accounts.setRole(ctx.deps, ctx.actor, input)),
});
