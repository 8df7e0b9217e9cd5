/**
 * The households module's read face for figures other modules show (the village summary): counts
 * only, never names, phones or ID numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

export type HouseholdCounts = {
  active: number;
  inactive: number;
  /** members of active households */
  members: number;
  /** members of active households with an account linked */
  membersWithAccount: number;
  /** active households per grid (null: not assigned to a grid) */
  perGrid: { gridId: string | null; households: number }[];
};

/** Counts for a village, or one grid of it when `gridId` is given. */
export async function householdCounts(db: Db | Tx, villageId: string, gridId?: string): Promise<HouseholdCounts> {
  const scope = { villageId, ...(gridId ? { gridId } : {}) };
  const [byStatus, members, membersWithAccount, perGrid] = await Promise.all([
    db.household.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.householdMember.count({ where: { household: { ...scope, status: "ACTIVE" } } }),
    db.householdMember.count({ where: { household: { ...scope, status: "ACTIVE" }, userId: { not: null } } }),
    db.household.groupBy({ by: ["gridId"], where: { ...scope, status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  const count = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
  return {
    active: count("ACTIVE"),
    inactive: count("INACTIVE"),
    members,
    membersWithAccount,
    perGrid: perGrid.map((r) => ({ gridId: r.gridId, households: r._count._all })),
  };
}
