import { allow, router } from "../init";
import { ZAuditListInput } from "@/server/modules/audit/audit.schema";
import { listAudit } from "@/server/modules/audit/audit.service";

export const auditRouter = router({
  list: allow("audit.list")
    .input(ZAuditListInput)
    .query(({ ctx, input }) => listAudit(ctx.deps.db, ctx.actor, input)),
});
