import { z } from "zod";
import { ZId, ZPassword, ZPersonName, ZPhone } from "../accounts/account.schema";

export const ZRegionName = z.string().trim().min(2).max(30);

export const ZCreateVillageInput = z.object({
  townId: ZId,
  name: ZRegionName,
  noticeDays: z.number().int().min(0).max(30).default(7),
  committee: z.object({ phone: ZPhone, name: ZPersonName, password: ZPassword }),
});
export type CreateVillageInput = z.infer<typeof ZCreateVillageInput>;
