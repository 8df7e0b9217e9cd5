/** 随手拍 reports: inputs and the words the browser shares with the server (client-safe: zod only). */
import { z } from "zod";
import { PHOTO_MAX_BYTES } from "@/server/lib/photo.schema";
import { ZId, ZIdempotencyKey } from "@/server/lib/words.schema";

export const REPORT_CATEGORIES = ["GOOD_DEED", "ENVIRONMENT", "SAFETY", "FACILITY", "OTHER"] as const;
export const REPORT_STATUSES = ["SUBMITTED", "ACCEPTED", "DECLINED", "DUPLICATE"] as const;
export type ReportStatusWord = (typeof REPORT_STATUSES)[number];
export const REPORT_MAX_PHOTOS = 3;
/** a photo as base64 or a data URL: 4/3 of the bytes plus the data URL's prefix */
const PHOTO_BASE64_MAX = Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 64;

/**
 * Where it happened: the phone's position at capture (GPS, with the accuracy it reported), or a place
 * picked from the village's grids or landmarks. Coordinates outside the earth's range are refused.
 */
export const ZReportPlace = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("GPS"),
    lat: z.number().finite().min(-90).max(90),
    lng: z.number().finite().min(-180).max(180),
    accuracyM: z.number().finite().min(0).max(100_000).nullish(),
  }),
  z.object({ kind: z.literal("GRID"), gridId: ZId }),
  z.object({ kind: z.literal("LANDMARK"), landmarkId: ZId }),
]);
export type ReportPlace = z.infer<typeof ZReportPlace>;

export const ZCreateReportInput = z.object({
  /** a grid worker names the household they file for (proxy); a villager leaves it out */
  householdId: ZId.nullish(),
  category: z.enum(REPORT_CATEGORIES),
  text: z.string().trim().min(2).max(500),
  photos: z
    .array(z.string().max(PHOTO_BASE64_MAX, { message: "validation.photoTooLarge" }))
    .min(1)
    .max(REPORT_MAX_PHOTOS),
  place: ZReportPlace,
  requestKey: ZIdempotencyKey,
});
export type CreateReportInput = z.infer<typeof ZCreateReportInput>;

export const ZReportIdInput = z.object({ id: ZId });
export const ZReportOfAwardInput = z.object({ awardId: ZId });

export const ZReportQueueInput = z
  .object({ status: z.enum(REPORT_STATUSES).default("SUBMITTED") })
  .default({ status: "SUBMITTED" });

export const ZAcceptReportInput = z.object({ id: ZId, ruleId: ZId });
export const ZDeclineReportInput = z.object({ id: ZId, reason: z.string().trim().min(2).max(200) });
export const ZDuplicateReportInput = z.object({ id: ZId, duplicateOfId: ZId });

export const ZSaveLandmarkInput = z.object({
  name: z.string().trim().min(1).max(30),
  lat: z.number().finite().min(-90).max(90),
  lng: z.number().finite().min(-180).max(180),
});
export const ZRemoveLandmarkInput = z.object({ id: ZId });
