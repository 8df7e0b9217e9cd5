import { allow, router } from "../init";
import {
  ZAcceptReportInput,
  ZCreateReportInput,
  ZDeclineReportInput,
  ZDuplicateReportInput,
  ZRemoveLandmarkInput,
  ZReportOfAwardInput,
  ZReportQueueInput,
  ZSaveLandmarkInput,
} from "@/server/modules/reports/report.schema";
import * as reports from "@/server/modules/reports/report.service";

export const reportRouter = router({
  create: allow("report.create")
    .input(ZCreateReportInput)
    .mutation(({ ctx, input }) => reports.createReport(ctx.deps, ctx.actor, input)),
  mine: allow("report.mine").query(({ ctx }) => reports.myReports(ctx.deps, ctx.actor)),
  options: allow("report.options").query(({ ctx }) => reports.formOptions(ctx.deps, ctx.actor)),
  queue: allow("report.queue")
    .input(ZReportQueueInput)
    .query(({ ctx, input }) => reports.reviewQueue(ctx.deps, ctx.actor, input)),
  accept: allow("report.accept")
    .input(ZAcceptReportInput)
    .mutation(({ ctx, input }) => reports.acceptReport(ctx.deps, ctx.actor, input)),
  decline: allow("report.decline")
    .input(ZDeclineReportInput)
    .mutation(({ ctx, input }) => reports.declineReport(ctx.deps, ctx.actor, input)),
  markDuplicate: allow("report.markDuplicate")
    .input(ZDuplicateReportInput)
    .mutation(({ ctx, input }) => reports.markDuplicate(ctx.deps, ctx.actor, input)),
  ofAward: allow("report.ofAward")
    .input(ZReportOfAwardInput)
    .query(({ ctx, input }) => reports.reportOfAward(ctx.deps, ctx.actor, input.awardId)),
  landmarks: allow("landmark.list").query(({ ctx }) => reports.listLandmarks(ctx.deps, ctx.actor)),
  saveLandmark: allow("landmark.save")
    .input(ZSaveLandmarkInput)
    .mutation(({ ctx, input }) => reports.saveLandmark(ctx.deps, ctx.actor, input)),
  removeLandmark: allow("landmark.remove")
    .input(ZRemoveLandmarkInput)
    .mutation(({ ctx, input }) => reports.removeLandmark(ctx.deps, ctx.actor, input.id)),
});
