import { z } from "zod";
import { ZId, ZPassword, ZPersonName, ZPhone } from "@/server/lib/words.schema";

/** Roles a committee may give to people of its own village (admins' roles are not among them). */
export const VILLAGE_ROLE_VALUES = ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER", "SHOPKEEPER"] as const;
export const ZVillageRole = z.enum(VILLAGE_ROLE_VALUES);
export type VillageRole = z.infer<typeof ZVillageRole>;
/**
 * The roles the committee itself gives or removes: SUPERVISOR is missing on purpose, because the
 * supervisors watch the committee; the town appoints them.
 */
export const COMMITTEE_ROLE_VALUES = ["VILLAGER", "COMMITTEE", "GRID_WORKER", "SHOPKEEPER"] as const satisfies readonly VillageRole[];

export const ZAccountCreateInput = z.object({
  phone: ZPhone,
  name: ZPersonName,
  password: ZPassword,
  role: ZVillageRole,
  /** required when role is GRID_WORKER (GRID_REQUIRED otherwise), ignored for other roles */
  gridId: ZId.optional(),
});
export type AccountCreateInput = z.infer<typeof ZAccountCreateInput>;

export const ZAccountListInput = z.object({
  /** a part of the name, or digits of the phone number */
  query: z.string().trim().max(20).optional(),
});
export type AccountListInput = z.infer<typeof ZAccountListInput>;

export const ZResetPasswordInput = z.object({ userId: ZId, password: ZPassword });
export type ResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZSetRoleInput = z.object({
  userId: ZId,
  role: ZVillageRole,
  /** false removes the role from this village */
  enabled: z.boolean(),
  gridId: ZId.optional(),
});
export type SetRoleInput = z.infer<typeof ZSetRoleInput>;

export const ZChangePasswordInput = z.object({ current: z.string().min(1).max(64), password: ZPassword });

/** The town appoints (enabled) or removes a supervisor of one of its villages. */
export const ZSupervisorSetInput = z.object({ villageId: ZId, userId: ZId, enabled: z.boolean() });
export type SupervisorSetInput = z.infer<typeof ZSupervisorSetInput>;

/** The town's view of one village: its supervisors, and people to choose from (by name or phone digits). */
export const ZSupervisorVillageInput = z.object({ villageId: ZId, query: z.string().trim().max(20).optional() });
export type SupervisorVillageInput = z.infer<typeof ZSupervisorVillageInput>;

/**
 * Whose appointment history: a village's supervisors and committee read their own village (no id);
 * the town or county names one of the villages below it.
 */
export const ZSupervisorHistoryInput = z.object({ villageId: ZId.optional() }).optional();
export type SupervisorHistoryInput = z.infer<typeof ZSupervisorHistoryInput>;
