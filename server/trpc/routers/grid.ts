import { allow, router } from "../init";
import { listGrids } from "@/server/modules/households/household.service";

export const gridRouter = router({
  list: allow("grid.list").query(({ ctx }) => listGrids(ctx.deps, ctx.actor)),
});
