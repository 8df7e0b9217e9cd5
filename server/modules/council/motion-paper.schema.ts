/** Inputs of paper ballots entered by the committee (the secretary) at a meeting. */
import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";
import { MOTION_OPTION_MAX, MOTION_OPTIONS_MAX } from "./motion.schema";

/** The most voters one secret-ballot entry may list (a village's households fit many times over). */
export const PAPER_LIST_MAX = 3000;

const ZOption = z.string().trim().min(1).max(MOTION_OPTION_MAX);

/** An open ballot: one voter (a household, or a body's member) and their choice. */
export const ZPaperVoteInput = z.object({ motionId: ZId, electorId: ZId, option: ZOption, meetingId: ZId.optional() });
export type PaperVoteInput = z.infer<typeof ZPaperVoteInput>;

/** A secret ballot: the count per option, and who handed a paper ballot in (never linked to a choice). */
export const ZPaperSecretInput = z.object({
  motionId: ZId,
  electorIds: z.array(ZId).min(1).max(PAPER_LIST_MAX),
  totals: z
    .array(z.object({ option: ZOption, count: z.number().int().min(0).max(PAPER_LIST_MAX) }))
    .min(1)
    .max(MOTION_OPTIONS_MAX),
  meetingId: ZId.optional(),
});
export type PaperSecretInput = z.infer<typeof ZPaperSecretInput>;

export const ZPaperSheetInput = z.object({ motionId: ZId });
