/**
 * The regions module's read face: a village's name, grids and settings, and the public record of
 * its setting changes. Other modules (villages, awards, rules) call these instead of querying
 * Region, Grid or VillageSettingChange themselves.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export type VillageSettings = {
  noticeDays: number;
  checkInAutoApproveMaxPoints: number;
  maxRulePoints: number;
};

export const SETTINGS_SELECT = { noticeDays: true, checkInAutoApproveMaxPoints: true, maxRulePoints: true } as const;

/** The settings of a village, or null when `villageId` is not a village. */
export async function villageSettings(db: Reader, villageId: string): Promise<VillageSettings | null> {
  return db.region.findFirst({ where: { id: villageId, kind: "VILLAGE" }, select: SETTINGS_SELECT });
}

/** The village's name, or null when `villageId` is not a village. */
export async function villageName(db: Reader, villageId: string): Promise<string | null> {
  const v = await db.region.findFirst({ where: { id: villageId, kind: "VILLAGE" }, select: { name: true } });
  return v?.name ?? null;
}

/** The village's grids in creation order (第一网格, 第二网格, …); only `gridId` when given. */
export async function villageGrids(db: Reader, villageId: string, gridId?: string) {
  return db.grid.findMany({
    where: { villageId, ...(gridId ? { id: gridId } : {}) },
    select: { id: true, name: true },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
  });
}

export type SettingChangeView = {
  id: string;
  setting: string;
  before: number;
  after: number;
  reason: string;
  changedById: string;
  createdAt: Date;
};

/** Setting changes of the village since `since`, newest first (the 公示 board and the settings page). */
export async function settingChanges(db: Reader, villageId: string, opts: { since?: Date; take: number }): Promise<SettingChangeView[]> {
  return db.villageSettingChange.findMany({
    where: { villageId, ...(opts.since ? { createdAt: { gte: opts.since } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
    select: { id: true, setting: true, before: true, after: true, reason: true, changedById: true, createdAt: true },
  });
}
