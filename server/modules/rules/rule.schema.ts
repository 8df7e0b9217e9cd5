/** Inputs of the village rule book (积分细则): versions, their items, adoption by a recorded vote. */
import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";

/** The categories in the order villages list them (docs/architecture.md). */
export const RULE_CATEGORIES = [
  "LAW_ABIDING",
  "HARD_WORK",
  "FILIAL",
  "CUSTOMS",
  "PUBLIC_GOOD",
  "ENVIRONMENT",
  "SAFETY",
  "REPORT",
  "OTHER",
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];
export const ZRuleCategory = z.enum(RULE_CATEGORIES);

export const CAP_PERIODS = ["MONTH", "YEAR"] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];
export const ZCapPeriod = z.enum(CAP_PERIODS);

/** One item is worth at most this many points either way (the database allows more; villages do not). */
export const RULE_POINTS_LIMIT = 1000;
export const RULE_CAP_MAX = 100;

// The explicit message: zod 4 reports a fraction as invalid_type without the input, which would read as "required".
export const ZRulePoints = z
  .number()
  .int({ message: "validation.integer" })
  .min(-RULE_POINTS_LIMIT)
  .max(RULE_POINTS_LIMIT)
  .refine((p) => p !== 0, { message: "validation.notZero" });

/** 编号 such as A01 or GY-3; stored upper-case so "a01" and "A01" are the same code. */
export const ZRuleCode = z
  .string()
  .trim()
  .min(1)
  .max(12)
  .regex(/^[0-9A-Za-z-]+$/, { message: "validation.householdNumber" })
  .transform((s) => s.toUpperCase());

export const ZRuleBookTitle = z.string().trim().min(2).max(60);

export const ZCreateDraftInput = z.object({
  title: ZRuleBookTitle,
  /** copy every item of the version in force (RULE_NONE_ADOPTED when there is none) */
  fromAdopted: z.boolean(),
});
export type CreateDraftInput = z.infer<typeof ZCreateDraftInput>;

export const ZSaveRuleInput = z
  .object({
    ruleBookId: ZId,
    /** absent: add a new item; present: change that item */
    id: ZId.optional(),
    code: ZRuleCode,
    category: ZRuleCategory,
    title: z.string().trim().min(1).max(60),
    description: z.string().trim().max(500).default(""),
    points: ZRulePoints,
    capPeriod: ZCapPeriod.nullish(),
    capCount: z.number().int({ message: "validation.integer" }).min(1).max(RULE_CAP_MAX).nullish(),
    evidenceRequired: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    // A cap is "at most N times per month/year": both halves or neither.
    if (r.capPeriod && r.capCount == null) ctx.addIssue({ code: "custom", path: ["capCount"], message: "validation.required" });
    if (!r.capPeriod && r.capCount != null) ctx.addIssue({ code: "custom", path: ["capPeriod"], message: "validation.required" });
  });
export type SaveRuleInput = z.infer<typeof ZSaveRuleInput>;

export const ZRemoveRuleInput = z.object({ id: ZId });

/** The committee puts a draft forward for adoption; it is in force once a supervisor countersigns. */
export const ZAdoptInput = z.object({
  id: ZId,
  /** the meeting or vote that adopted it, e.g. 2026年3月5日村民代表会议表决通过（到会42人，同意39人） */
  adoptedBy: z.string().trim().min(2).max(200),
});
export type AdoptInput = z.infer<typeof ZAdoptInput>;

export const ZBookInput = z.object({ id: ZId });

/** A supervisor's countersign: adopts the book put forward. */
export const ZCountersignInput = z.object({ id: ZId });

/** A supervisor's refusal: the draft goes back to the committee with the reason. */
export const ZRefuseInput = z.object({ id: ZId, reason: z.string().trim().min(2).max(200) });
export type RefuseInput = z.infer<typeof ZRefuseInput>;

/** Plain data the pages render (dates arrive as Date through superjson). */
export type RuleView = {
  id: string;
  code: string;
  category: RuleCategory;
  title: string;
  description: string;
  points: number;
  capPeriod: CapPeriod | null;
  capCount: number | null;
  evidenceRequired: boolean;
};
export type RuleGroup = { category: RuleCategory; rules: RuleView[] };

/** Rules grouped by category in RULE_CATEGORIES order; empty categories are left out. */
export function groupRules(rules: RuleView[]): RuleGroup[] {
  return RULE_CATEGORIES.map((category) => ({ category, rules: rules.filter((r) => r.category === category) })).filter(
    (g) => g.rules.length > 0,
  );
}
