import { allow, router } from "../init";
import { ZUpdateSettingsInput } from "@/server/modules/regions/settings.schema";
import { getSettings, updateSettings } from "@/server/modules/regions/settings.service";
import { villageSummary } from "@/server/modules/villages/village.service";

export const villageRouter = router({
  summary: allow("village.summary").query(({ ctx }) => villageSummary(ctx.deps, ctx.actor)),
  settings: allow("village.settings").query(({ ctx }) => getSettings(ctx.deps, ctx.actor)),
  updateSettings: allow("village.updateSettings")
    .input(ZUpdateSettingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.deps, ctx.actor, input)),
});
