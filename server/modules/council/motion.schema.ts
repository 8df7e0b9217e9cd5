/** Inputs of motions and votes: drafting, opening, closing and casting a household's vote. */
import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";
import { YES_NO, ZDecisionRule, ZValidityRule } from "./motion.rules";

export const MOTION_TITLE_MAX = 60;
export const MOTION_QUESTION_MAX = 2000;
export const MOTION_OPTION_MAX = 40;
export const MOTION_OPTIONS_MAX = 20;

const ZOption = z.string().trim().min(1).max(MOTION_OPTION_MAX);

/** Who votes: every household of the village, or the current members of one of its bodies (one vote per person). */
export const ZElectorateInput = z.discriminatedUnion("kind", [z.object({ kind: z.literal("VILLAGE") }), z.object({ kind: z.literal("BODY"), bodyId: ZId })]);
export type ElectorateInput = z.infer<typeof ZElectorateInput>;

export const ZCreateMotionInput = z.object({
  title: z.string().trim().min(1).max(MOTION_TITLE_MAX),
  question: z.string().trim().min(1).max(MOTION_QUESTION_MAX),
  // 同意/不同意/弃权 unless candidates are named
  options: z
    .array(ZOption)
    .min(2)
    .max(MOTION_OPTIONS_MAX)
    .refine((o) => new Set(o).size === o.length, { message: "validation.duplicateOption" })
    .default([...YES_NO]),
  secret: z.boolean().default(false),
  electorate: ZElectorateInput.default({ kind: "VILLAGE" }),
  closesAt: z.coerce.date(),
  validityRule: ZValidityRule.default({ kind: "HOUSEHOLDS_TWO_THIRDS" }),
  decisionRule: ZDecisionRule.default({ kind: "MORE_THAN_HALF_PRESENT" }),
  // a draft rule book put forward for adoption: passing this (yes/no, village-wide) vote adopts it
  ruleBookId: ZId.optional(),
});
export type CreateMotionInput = z.infer<typeof ZCreateMotionInput>;

export const ZMotionIdInput = z.object({ id: ZId });

export const ZVoteInput = z.object({ motionId: ZId, option: ZOption });
export type VoteInput = z.infer<typeof ZVoteInput>;

/** Closing early and cancelling (motion-close.service.ts): the committee's reason, the supervisor's answer. */
export const MOTION_REASON_MAX = 500;
const ZReason = z.string().trim().min(2).max(MOTION_REASON_MAX);
export const ZMotionRequestInput = z.object({ id: ZId, kind: z.enum(["EARLY_CLOSE", "CANCEL"]), reason: ZReason });
export type MotionRequestInput = z.infer<typeof ZMotionRequestInput>;
export const ZCancelDraftInput = z.object({ id: ZId, reason: ZReason.optional() });
export const ZRequestIdInput = z.object({ requestId: ZId });
export const ZRefuseRequestInput = z.object({ requestId: ZId, note: ZReason });
export const ZMotionVillageInput = z.object({ villageId: ZId });
