/** Inputs of 村民说事 (matters): raise, support, answer, decline, agenda, outcome, rating. Client-safe. */
import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";
import { PHOTO_MAX_BYTES } from "@/server/lib/photo.schema";

export const MATTER_CATEGORIES = ["ROADS", "WATER", "ENVIRONMENT", "NEIGHBOURS", "SECURITY", "SUGGESTION", "OTHER"] as const;
export type MatterCategory = (typeof MATTER_CATEGORIES)[number];
export const MATTER_STATUSES = ["OPEN", "ANSWERED", "DECLINED", "ON_AGENDA", "DONE"] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
export const MATTER_RATINGS = ["SATISFIED", "BASIC", "UNSATISFIED"] as const;
export type MatterRatingValue = (typeof MATTER_RATINGS)[number];

export const MATTER_TITLE_MAX = 40;
export const MATTER_BODY_MAX = 1000;
export const MATTER_REPLY_MAX = 1000;
export const MATTER_PHOTOS_MAX = 3;
/** base64 of a 2 MB photo is 4/3 of it; a little over that reaches the photo check, which says "too large" in words */
const PHOTO_BASE64_MAX = Math.ceil((PHOTO_MAX_BYTES * 3) / 2);

export const ZMatterIdInput = z.object({ id: ZId });

export const ZRaiseMatterInput = z.object({
  /** the household it is for: a grid worker must name one of their grid; a villager may leave it out */
  householdId: ZId.optional(),
  title: z.string().trim().min(2).max(MATTER_TITLE_MAX),
  body: z.string().trim().min(5).max(MATTER_BODY_MAX),
  category: z.enum(MATTER_CATEGORIES),
  anonymous: z.boolean().default(false),
  photos: z.array(z.string().max(PHOTO_BASE64_MAX)).max(MATTER_PHOTOS_MAX).default([]),
});
export type RaiseMatterInput = z.infer<typeof ZRaiseMatterInput>;

export const ZSupportMatterInput = z.object({ matterId: ZId, householdId: ZId.optional() });
export type SupportMatterInput = z.infer<typeof ZSupportMatterInput>;

export const ZRateMatterInput = z.object({ matterId: ZId, householdId: ZId.optional(), rating: z.enum(MATTER_RATINGS) });
export type RateMatterInput = z.infer<typeof ZRateMatterInput>;

const ZReply = z.string().trim().min(2).max(MATTER_REPLY_MAX);
export const ZAnswerMatterInput = z.object({ id: ZId, answer: ZReply });
export const ZDeclineMatterInput = z.object({ id: ZId, reason: ZReply });
export const ZAgendaMatterInput = z.object({ id: ZId, meetingId: ZId });
/** what was decided (required after a meeting) and what was done (办事) */
export const ZCompleteMatterInput = z.object({ id: ZId, decision: z.string().trim().max(MATTER_REPLY_MAX).default(""), outcome: ZReply });
export type CompleteMatterInput = z.infer<typeof ZCompleteMatterInput>;

export const ZMatterVillageInput = z.object({ villageId: ZId });
