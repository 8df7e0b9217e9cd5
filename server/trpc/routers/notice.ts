import { allow, router } from "../init";
import {
  ZCorrectNoticeInput,
  ZCreateNoticeInput,
  ZNoticeIdInput,
  ZPinNoticeInput,
  ZUpdateNoticeInput,
} from "@/server/modules/council/notice.schema";
import * as notices from "@/server/modules/council/notice.service";

export const noticeRouter = router({
  list: allow("notice.list").query(({ ctx }) => notices.staffList(ctx.deps, ctx.actor)),
  get: allow("notice.get")
    .input(ZNoticeIdInput)
    .query(({ ctx, input }) => notices.staffGet(ctx.deps, ctx.actor, input.id)),
  create: allow("notice.create")
    .input(ZCreateNoticeInput)
    .mutation(({ ctx, input }) => notices.createDraft(ctx.deps, ctx.actor, input)),
  update: allow("notice.update")
    .input(ZUpdateNoticeInput)
    .mutation(({ ctx, input }) => notices.updateDraft(ctx.deps, ctx.actor, input)),
  publish: allow("notice.publish")
    .input(ZNoticeIdInput)
    .mutation(({ ctx, input }) => notices.publish(ctx.deps, ctx.actor, input.id)),
  correct: allow("notice.correct")
    .input(ZCorrectNoticeInput)
    .mutation(({ ctx, input }) => notices.correct(ctx.deps, ctx.actor, input)),
  pin: allow("notice.pin")
    .input(ZPinNoticeInput)
    .mutation(({ ctx, input }) => notices.pin(ctx.deps, ctx.actor, input)),
  board: allow("notice.board").query(({ ctx }) => notices.board(ctx.deps, ctx.actor)),
  open: allow("notice.open")
    .input(ZNoticeIdInput)
    .mutation(({ ctx, input }) => notices.open(ctx.deps, ctx.actor, input.id)),
});
