/** Inputs of village bodies (村民委员会, 村务监督委员会, 村民议事会 …) and their members' terms. */
import { z } from "zod";
import { ZDay } from "@/server/lib/dates.schema";
import { ZId } from "@/server/lib/words.schema";

/** The kinds of bodies, in the order the committee picks them (docs/architecture.md, "Councils as bodies"). */
export const BODY_KINDS = ["COMMITTEE", "SUPERVISORY", "REPRESENTATIVES", "DELIBERATION", "CUSTOMS", "WOMEN", "MEDIATION", "POINTS_REVIEW", "ASSEMBLY", "OTHER"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
/** 主任 / 副主任 / 委员 / 成员 */
export const BODY_ROLES = ["CHAIR", "VICE_CHAIR", "COMMISSIONER", "MEMBER"] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

export const BODY_NAME_MAX = 40;

export const ZCreateBodyInput = z.object({ kind: z.enum(BODY_KINDS), name: z.string().trim().min(1).max(BODY_NAME_MAX) });
export type CreateBodyInput = z.infer<typeof ZCreateBodyInput>;

export const ZAddBodyMemberInput = z
  .object({
    bodyId: ZId,
    /** a member of one of the village's households */
    personId: ZId,
    role: z.enum(BODY_ROLES),
    termStart: ZDay,
    termEnd: ZDay.optional(),
  })
  .refine((v) => !v.termEnd || v.termEnd >= v.termStart, { message: "validation.termEndBeforeStart", path: ["termEnd"] });
export type AddBodyMemberInput = z.infer<typeof ZAddBodyMemberInput>;

/** Ends a term on `day` (today when not given); the row stays as the body's history. */
export const ZEndTermInput = z.object({ id: ZId, day: ZDay.optional() });
export type EndTermInput = z.infer<typeof ZEndTermInput>;

export const ZBodyVillageInput = z.object({ villageId: ZId });
export const ZBodyPeopleInput = z.object({ q: z.string().trim().max(20).default("") });
