import { z } from "zod";

export const ZAuditListInput = z.object({
  /** the id of the last record of the previous page */
  cursor: z.string().max(40).nullish(),
  take: z.number().int().min(1).max(100).default(30),
});
export type AuditListInput = z.infer<typeof ZAuditListInput>;
