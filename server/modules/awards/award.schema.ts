/**
 * Inputs of awards with due process (docs/architecture.md, "Due process"): proposals, review, public notice (公示),
 * objections, reversal, and the villager's points pages. The only awards file the browser may import.
 */
import { z } from "zod";
import { ZId, ZIdempotencyKey } from "@/server/lib/words.schema";

export const AWARD_STATUSES = ["PROPOSED", "APPROVED", "REJECTED", "IN_NOTICE", "OVERTURNED", "FINAL", "REVERSED"] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
/** Not yet final: shown to the household apart from the statement. */
export const PENDING_STATUSES = ["PROPOSED", "APPROVED", "IN_NOTICE"] as const satisfies readonly AwardStatus[];
export const OBJECTION_STATUSES = ["OPEN", "UPHELD", "DISMISSED"] as const;
export const TX_KINDS = ["AWARD", "DEDUCTION", "REDEMPTION", "REVERSAL", "EXPIRY", "SETTLEMENT", "REFUND"] as const;

export const REASON_MAX = 200;
export const OBJECTION_REASON_MAX = 500;
export const ANSWER_MAX = 500;
export const BATCH_MAX = 500;

export const ZReason = z.string().trim().min(2).max(REASON_MAX);

/** A link to an uploaded photo or document: a path on this site or an http(s) address. */
export const ZEvidenceUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^(\/[^/\\]|https?:\/\/)/, { message: "validation.format" });

export const ZProposeInput = z.object({
  householdId: ZId,
  ruleId: ZId,
  reason: ZReason,
  /** the household member who earned it, where known */
  memberId: ZId.nullish(),
  evidenceUrl: ZEvidenceUrl.nullish(),
  idempotencyKey: ZIdempotencyKey,
});
export type ProposeInput = z.infer<typeof ZProposeInput>;

/** One rule, many households: picked from the register (householdIds) or a whole grid (gridId). */
export const ZProposeBatchInput = z
  .object({
    ruleId: ZId,
    householdIds: z.array(ZId).min(1).max(BATCH_MAX).optional(),
    gridId: ZId.optional(),
    reason: ZReason,
    evidenceUrl: ZEvidenceUrl.nullish(),
    idempotencyKey: ZIdempotencyKey,
  })
  .refine((v) => !!v.householdIds !== !!v.gridId, { message: "validation.batchTarget", path: ["householdIds"] });
export type ProposeBatchInput = z.infer<typeof ZProposeBatchInput>;

export const ZAwardListInput = z.object({
  status: z.enum(AWARD_STATUSES).optional(),
  householdId: ZId.optional(),
  /** the id of the last award of the previous page */
  cursor: ZId.nullish(),
  take: z.number().int().min(1).max(100).default(30),
});
export type AwardListInput = z.infer<typeof ZAwardListInput>;

export const ZAwardIdInput = z.object({ id: ZId });

export const ZApproveInput = z.object({ id: ZId, note: z.string().trim().max(REASON_MAX).optional() });
export const ZRejectInput = z.object({ id: ZId, note: ZReason });
export const ZReverseInput = z.object({ id: ZId, reason: ZReason });

export const ZPublishInput = z.object({
  /** default: every APPROVED entry of the village */
  awardIds: z.array(ZId).min(1).max(BATCH_MAX).optional(),
  title: z.string().trim().min(2).max(50).optional(),
});
export type PublishInput = z.infer<typeof ZPublishInput>;

export const ZBatchListInput = z.object({
  cursor: ZId.nullish(),
  take: z.number().int().min(1).max(50).default(20),
});

export const ZObjectionCreateInput = z.object({ awardId: ZId, reason: z.string().trim().min(5).max(OBJECTION_REASON_MAX) });
export const ZObjectionListInput = z.object({ status: z.enum(OBJECTION_STATUSES).optional() });
export const ZObjectionRuleInput = z.object({
  id: ZId,
  decision: z.enum(["UPHOLD", "DISMISS"]),
  answer: z.string().trim().min(2).max(ANSWER_MAX),
});
export type ObjectionRuleInput = z.infer<typeof ZObjectionRuleInput>;

export const ZRelationDeclareInput = z.object({
  householdId: ZId,
  /** e.g. 表兄弟 / 儿女亲家: free text */
  relation: z.string().trim().min(1).max(20),
  /** the supervisor the relation is declared for (a committee declaring for one); default: oneself */
  userId: ZId.optional(),
});
export type RelationDeclareInput = z.infer<typeof ZRelationDeclareInput>;
export const ZRelationListInput = z.object({ userId: ZId.optional() });
/** The supervisor's answer to a relation the committee proposed for them. */
export const ZRelationAnswerInput = z.object({ id: ZId, answer: z.enum(["CONFIRM", "DISPUTE"]) });
export type RelationAnswerInput = z.infer<typeof ZRelationAnswerInput>;

export const ZStatementInput = z.object({
  /** the last posting id of the previous page */
  cursor: ZId.nullish(),
  take: z.number().int().min(1).max(50).default(20),
});
export const ZTrailInput = z.object({ awardId: ZId });
