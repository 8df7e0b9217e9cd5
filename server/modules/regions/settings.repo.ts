/** Writes of a village's settings and of the record of each change; every query names the village. */
import type { Tx } from "@/server/lib/deps";
import type { VillageSettings } from "./region.read";

/** Locks the village's row for the rest of the transaction (two changes at once apply one after the other). */
export async function lockSettings(tx: Tx, villageId: string): Promise<VillageSettings | null> {
  const rows = await tx.$queryRaw<VillageSettings[]>`
    SELECT "noticeDays", "checkInAutoApproveMaxPoints", "maxRulePoints", "matterSupportThreshold", "matterAnswerDays" FROM "Region"
    WHERE "id" = ${villageId} AND "kind" = 'VILLAGE'
    FOR UPDATE`;
  return rows[0] ?? null;
}

export async function writeSettings(tx: Tx, villageId: string, data: VillageSettings) {
  await tx.region.update({ where: { id: villageId }, data, select: { id: true } });
}

export async function recordChange(
  tx: Tx,
  row: { villageId: string; setting: string; before: number; after: number; reason: string; changedById: string; createdAt: Date },
) {
  return tx.villageSettingChange.create({ data: row, select: { id: true } });
}
