/** Inputs of a village's settings (docs/architecture.md, "Village settings"). */
import { z } from "zod";

export const SETTING_KEYS = ["noticeDays", "checkInAutoApproveMaxPoints", "maxRulePoints", "matterSupportThreshold", "matterAnswerDays"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The 公示 window: at least one day, so every entry can be seen and objected to before it is final. */
export const ZNoticeDays = z.number().int({ message: "validation.integer" }).min(1).max(30);

export const ZUpdateSettingsInput = z.object({
  noticeDays: ZNoticeDays,
  /** 0 = every check-in award goes to a supervisor */
  checkInAutoApproveMaxPoints: z.number().int({ message: "validation.integer" }).min(0).max(1000),
  maxRulePoints: z.number().int({ message: "validation.integer" }).min(1).max(1000),
  /** 村民说事: left out = unchanged (older clients and scripts send only the first three) */
  matterSupportThreshold: z.number().int({ message: "validation.integer" }).min(1).max(1000).optional(),
  matterAnswerDays: z.number().int({ message: "validation.integer" }).min(1).max(90).optional(),
  /** why: shown on the village's notice board with the change */
  reason: z.string().trim().min(2).max(200),
});
export type UpdateSettingsInput = z.infer<typeof ZUpdateSettingsInput>;
