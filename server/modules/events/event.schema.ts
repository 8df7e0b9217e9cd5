/**
 * Inputs of village events and QR check-in (docs/architecture.md, "Check-in and the store"). The only events file the browser may import.
 */
import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";
import { ZInstant } from "@/server/lib/dates.schema";

export const EVENT_CATEGORIES = ["LAW_ABIDING", "HARD_WORK", "FILIAL", "CUSTOMS", "PUBLIC_GOOD", "ENVIRONMENT", "SAFETY", "REPORT", "OTHER"] as const;
export const CHECKIN_METHODS = ["QR", "STATIC_QR", "CARD", "ROLL_CALL"] as const;

export const GEO_RADIUS_MIN = 10;
export const GEO_RADIUS_MAX = 100_000;
/** An event lasts at most this long (a village event, not a season). */
export const EVENT_MAX_DAYS = 31;
export const CAPACITY_MAX = 100_000;

const ZLat = z.number().min(-90).max(90);
const ZLng = z.number().min(-180).max(180);

export const ZEventCreateInput = z
  .object({
    title: z.string().trim().min(2).max(50),
    description: z.string().trim().max(1000).default(""),
    ruleId: ZId,
    place: z.string().trim().max(100).default(""),
    startsAt: ZInstant,
    endsAt: ZInstant,
    geoLat: ZLat.nullish(),
    geoLng: ZLng.nullish(),
    geoRadiusM: z.number().int().min(GEO_RADIUS_MIN).max(GEO_RADIUS_MAX).nullish(),
    capacity: z.number().int().min(1).max(CAPACITY_MAX).nullish(),
    signupRequired: z.boolean().default(false),
    needsApproval: z.boolean().default(true),
    allowStaticCode: z.boolean().default(false),
  })
  .refine((v) => v.endsAt > v.startsAt, { message: "validation.endsBeforeStart", path: ["endsAt"] })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= EVENT_MAX_DAYS * 86_400_000, {
    message: "validation.eventTooLong",
    path: ["endsAt"],
  })
  .refine((v) => [v.geoLat, v.geoLng, v.geoRadiusM].every((x) => x == null) || [v.geoLat, v.geoLng, v.geoRadiusM].every((x) => x != null), {
    message: "validation.geofenceIncomplete",
    path: ["geoRadiusM"],
  })
  .refine((v) => !v.allowStaticCode || v.geoRadiusM != null, { message: "validation.staticNeedsGeofence", path: ["allowStaticCode"] });
export type EventCreateInput = z.infer<typeof ZEventCreateInput>;

export const ZEventListInput = z.object({ when: z.enum(["upcoming", "past"]).default("upcoming") });
export type EventListInput = z.infer<typeof ZEventListInput>;

export const ZEventIdInput = z.object({ eventId: ZId });

/** A villager checks in with the scanned token or the typed six-digit code, and their location if asked. */
export const ZCheckInInput = z
  .object({
    /** the event the villager opened the scanner from, if any (a token of another event is refused) */
    eventId: ZId.optional(),
    token: z.string().max(1000).optional(),
    code: z.string().trim().max(20).optional(),
    lat: ZLat.optional(),
    lng: ZLng.optional(),
    /** the accuracy the phone reported for the position, in metres */
    accuracy: z.number().finite().min(0).max(1_000_000).optional(),
  })
  .refine((v) => !!v.token !== !!v.code, { message: "validation.tokenOrCode", path: ["code"] })
  .refine((v) => (v.lat == null) === (v.lng == null), { message: "validation.format", path: ["lat"] });
export type CheckInInput = z.infer<typeof ZCheckInInput>;

/** Staff check a household in by its printed card's QR, or by picking it from the roll-call list. */
export const ZStaffCheckInInput = z
  .object({
    eventId: ZId,
    card: z.string().max(200).optional(),
    householdId: ZId.optional(),
    /** who of the household is present (roll call) */
    memberIds: z.array(ZId).max(30).optional(),
  })
  .refine((v) => !!v.card !== !!v.householdId, { message: "validation.cardOrHousehold", path: ["householdId"] });
export type StaffCheckInInput = z.infer<typeof ZStaffCheckInInput>;

/** `scope`: a grid worker's own grid (their default) or the whole village; others always see the village. */
export const ROSTER_SCOPES = ["grid", "village"] as const;
export const ZRosterInput = z.object({ eventId: ZId, q: z.string().trim().max(30).optional(), scope: z.enum(ROSTER_SCOPES).optional() });
export type RosterInput = z.infer<typeof ZRosterInput>;

export const ZCancelInput = z.object({ eventId: ZId, reason: z.string().trim().min(2).max(200) });
