import { allow, router } from "../init";
import { villageSummary } from "@/server/modules/villages/village.service";

export const villageRouter = router({
  summary: allow("village.summary").query(({ ctx }) => villageSummary(ctx.deps, ctx.actor)),
});
