/**
 * Reading places (towns, villages) and grids: what other modules show or check, and a village's
 * settings with the public record of their changes. They call this instead of querying Region, Grid
 * or VillageSettingChange themselves. Names and ids only.
 */
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/**
 * Regions as a derived table with the columns (id, name), for a statement of another module that has to
 * show a place's name in the same round trip (the actor, loaded on every request). PostgreSQL folds it
 * into the outer query, so the plan is the join it replaces.
 */
export const REGION_NAMES_SQL = Prisma.sql`(SELECT "id", "name" FROM "Region")`;

/** The region and every region below it (a town: its villages; a county: its towns and their villages). */
export async function regionAndBelow(db: Reader, regionId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE sub AS (
      SELECT id FROM "Region" WHERE id = ${regionId}
      UNION ALL SELECT r.id FROM "Region" r JOIN sub ON r."parentId" = sub.id)
    SELECT id FROM sub`;
  return rows.map((r) => r.id);
}

/** Names of regions by id (for labels). */
export async function regionNames(db: Reader, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.region.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of grids by id (for labels). */
export async function gridNames(db: Reader, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.grid.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((g) => [g.id, g.name]));
}

/** The grid (id and name) when it is one of the village's; null otherwise. */
export function gridOfVillage(db: Reader, villageId: string, gridId: string): Promise<{ id: string; name: string } | null> {
  return db.grid.findFirst({ where: { id: gridId, villageId }, select: { id: true, name: true } });
}

/** The village `villageId` when it is one of `regionIds` (e.g. an admin's scope), or null. */
export function villageAmong(db: Db | Tx, villageId: string, regionIds: string[]) {
  return db.region.findFirst({
    where: { AND: [{ id: villageId }, { id: { in: regionIds } }], kind: "VILLAGE" },
    select: { id: true, name: true },
  });
}

export type VillageSettings = {
  noticeDays: number;
  checkInAutoApproveMaxPoints: number;
  maxRulePoints: number;
  /** 村民说事: supporting households after which a matter must be answered, and in how many days */
  matterSupportThreshold: number;
  matterAnswerDays: number;
};

export const SETTINGS_SELECT = {
  noticeDays: true,
  checkInAutoApproveMaxPoints: true,
  maxRulePoints: true,
  matterSupportThreshold: true,
  matterAnswerDays: true,
} as const;

/** The settings of a village, or null when `villageId` is not a village. */
export async function villageSettings(db: Reader, villageId: string): Promise<VillageSettings | null> {
  return db.region.findFirst({ where: { id: villageId, kind: "VILLAGE" }, select: SETTINGS_SELECT });
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
