/** Inputs of 人民调解 (mediation) cases: opening, sessions, outcomes, confirmations and the 回访. */
import { z } from "zod";
import { ZInstant } from "@/server/lib/dates.schema";
import { ZId } from "@/server/lib/words.schema";

export const MEDIATION_TYPES = ["NEIGHBOR", "FAMILY", "LAND", "SUPPORT", "DAMAGES", "OTHER"] as const;
export type MediationType = (typeof MEDIATION_TYPES)[number];
export const MEDIATION_STATUSES = ["OPEN", "RESOLVED", "REFERRED", "WITHDRAWN"] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

/** A case is due this many days after it was opened (人民调解 normally within a month). */
export const MEDIATION_DEADLINE_DAYS = 30;
export const MEDIATION_SUMMARY_MAX = 500;
export const MEDIATION_TEXT_MAX = 2000;
export const MEDIATION_REASON_MAX = 300;
export const MEDIATION_PLACE_MAX = 60;
export const MEDIATION_PARTIES_MAX = 10;
export const MEDIATION_MEDIATORS_MAX = 5;

const ZReason = z.string().trim().min(1).max(MEDIATION_REASON_MAX);

export const ZOpenCaseInput = z.object({
  type: z.enum(MEDIATION_TYPES),
  summary: z.string().trim().min(1).max(MEDIATION_SUMMARY_MAX),
  /** the party households (at least two, all of the village) */
  householdIds: z.array(ZId).min(2).max(MEDIATION_PARTIES_MAX),
  /** the mediators' accounts, among the candidates; a grid worker who opens a case is one anyway */
  mediatorUserIds: z.array(ZId).max(MEDIATION_MEDIATORS_MAX).default([]),
});
export type OpenCaseInput = z.infer<typeof ZOpenCaseInput>;

export const ZCaseIdInput = z.object({ id: ZId });
export const ZCandidatesInput = z.object({ householdIds: z.array(ZId).max(MEDIATION_PARTIES_MAX).default([]) }).default({ householdIds: [] });

export const ZScheduleSessionInput = z.object({
  caseId: ZId,
  startsAt: ZInstant,
  place: z.string().trim().min(1).max(MEDIATION_PLACE_MAX),
});
export type ScheduleSessionInput = z.infer<typeof ZScheduleSessionInput>;

export const ZRecordSessionInput = z.object({
  caseId: ZId,
  sessionId: ZId,
  /** the party households that came */
  attendedHouseholdIds: z.array(ZId).max(MEDIATION_PARTIES_MAX),
  notes: z.string().trim().min(1).max(MEDIATION_TEXT_MAX),
});
export type RecordSessionInput = z.infer<typeof ZRecordSessionInput>;

export const ZAgreeInput = z.object({ caseId: ZId, agreement: z.string().trim().min(1).max(MEDIATION_TEXT_MAX) });
export type AgreeInput = z.infer<typeof ZAgreeInput>;

export const ZReferInput = z.object({ caseId: ZId, reason: ZReason });
export const ZWithdrawInput = z.object({ caseId: ZId, reason: ZReason });
export type ReasonInput = z.infer<typeof ZReferInput>;

/** A villager of a party household confirms the agreement in the app. */
export const ZConfirmInput = z.object({ caseId: ZId });
/** A mediator records a party household's confirmation on paper (signed agreement). */
export const ZConfirmPaperInput = z.object({ caseId: ZId, householdId: ZId });

export const ZFollowUpInput = z.object({ caseId: ZId, visitedAt: ZInstant, notes: z.string().trim().min(1).max(MEDIATION_TEXT_MAX) });
export type FollowUpInput = z.infer<typeof ZFollowUpInput>;
