import { z } from "zod";

export const ZAuditListInput = z.object({
  cursor: z.string().max(40).optional(),
  take: z.number().int().min(1).max(100).default(30),
});
