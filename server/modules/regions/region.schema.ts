import { z } from "zod";
import { ZId, ZPassword, ZPersonName, ZPhone } from "@/server/lib/words.schema";
import { ZNoticeDays } from "./settings.schema";

export const ZRegionName = z.string().trim().min(2).max(30);
export const ZGridName = z.string().trim().min(1).max(20);

export const ZCreateVillageInput = z.object({
  townId: ZId,
  name: ZRegionName,
  noticeDays: ZNoticeDays.default(7),
  /** the village's grids (网格); the committee assigns households and grid workers to them */
  grids: z
    .array(ZGridName)
    .max(30)
    .default([])
    .refine((names) => new Set(names).size === names.length, { message: "validation.duplicate" }),
  committee: z.object({ phone: ZPhone, name: ZPersonName, password: ZPassword }),
});
export type CreateVillageInput = z.infer<typeof ZCreateVillageInput>;
