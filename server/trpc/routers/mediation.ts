import { allow, router } from "../init";
import {
  ZAgreeInput,
  ZCandidatesInput,
  ZCaseIdInput,
  ZConfirmInput,
  ZConfirmPaperInput,
  ZFollowUpInput,
  ZOpenCaseInput,
  ZRecordSessionInput,
  ZReferInput,
  ZScheduleSessionInput,
  ZWithdrawInput,
} from "@/server/modules/mediation/mediation.schema";
import * as mediation from "@/server/modules/mediation/mediation.service";

export const mediationRouter = router({
  list: allow("mediation.list").query(({ ctx }) => mediation.listCases(ctx.deps, ctx.actor)),
  get: allow("mediation.get").input(ZCaseIdInput).query(({ ctx, input }) => mediation.getCase(ctx.deps, ctx.actor, input)),
  candidates: allow("mediation.candidates").input(ZCandidatesInput).query(({ ctx, input }) => mediation.candidates(ctx.deps, ctx.actor, input)),
  open: allow("mediation.open").input(ZOpenCaseInput).mutation(({ ctx, input }) => mediation.openCase(ctx.deps, ctx.actor, input)),
  schedule: allow("mediation.schedule").input(ZScheduleSessionInput).mutation(({ ctx, input }) => mediation.scheduleSession(ctx.deps, ctx.actor, input)),
  recordSession: allow("mediation.recordSession").input(ZRecordSessionInput).mutation(({ ctx, input }) => mediation.recordSession(ctx.deps, ctx.actor, input)),
  agree: allow("mediation.agree").input(ZAgreeInput).mutation(({ ctx, input }) => mediation.recordAgreement(ctx.deps, ctx.actor, input)),
  confirm: allow("mediation.confirm").input(ZConfirmInput).mutation(({ ctx, input }) => mediation.confirm(ctx.deps, ctx.actor, input)),
  confirmPaper: allow("mediation.confirmPaper").input(ZConfirmPaperInput).mutation(({ ctx, input }) => mediation.confirmOnPaper(ctx.deps, ctx.actor, input)),
  refer: allow("mediation.refer").input(ZReferInput).mutation(({ ctx, input }) => mediation.refer(ctx.deps, ctx.actor, input)),
  withdraw: allow("mediation.withdraw").input(ZWithdrawInput).mutation(({ ctx, input }) => mediation.withdraw(ctx.deps, ctx.actor, input)),
  followUp: allow("mediation.followUp").input(ZFollowUpInput).mutation(({ ctx, input }) => mediation.followUp(ctx.deps, ctx.actor, input)),
  stats: allow("mediation.stats").query(({ ctx }) => mediation.stats(ctx.deps, ctx.actor)),
});
