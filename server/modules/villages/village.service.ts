/** A village at a glance, for the homes of the committee, the supervisors and the grid workers. */
import type { Actor } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { DAY_MS } from "@/server/lib/village-time.schema";
import type { VillageSummary } from "./village.schema";

/**
 * Counts for the actor's village; a grid worker gets only their grid's numbers (and none of the
 * village-wide account or audit figures). Throws NOT_FOUND (actor without a village).
 */
export async function villageSummary(deps: Deps, actor: Actor): Promise<VillageSummary> {
  const db = deps.db;
  if (!actor.villageId) throw new DomainError("NOT_FOUND");
  const villageId = actor.villageId;
  const isGrid = actor.role === "GRID_WORKER";
  // a grid worker without a grid sees an empty grid, never the whole village
  const gridId = isGrid ? (actor.gridId ?? "__none__") : undefined;
  const scope = { villageId, ...(gridId ? { gridId } : {}) };

  const [village, byStatus, members, membersWithAccount, grids, perGrid] = await Promise.all([
    db.region.findFirst({ where: { id: villageId, kind: "VILLAGE" }, select: { name: true } }),
    db.household.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.householdMember.count({ where: { household: { ...scope, status: "ACTIVE" }, status: "ACTIVE" } }),
    db.householdMember.count({ where: { household: { ...scope, status: "ACTIVE" }, status: "ACTIVE", userId: { not: null } } }),
    db.grid.findMany({
      where: { villageId, ...(gridId ? { id: gridId } : {}) },
      select: { id: true, name: true },
      // creation order keeps 第一网格, 第二网格, 第三网格 in their natural order
      orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    }),
    db.household.groupBy({ by: ["gridId"], where: { ...scope, status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  if (!village) throw new DomainError("NOT_FOUND");
  const count = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
  const inGrid = (id: string | null) => perGrid.find((r) => r.gridId === id)?._count._all ?? 0;

  let accountsByRole: VillageSummary["accountsByRole"] = null;
  let recentAudit: number | null = null;
  if (!isGrid) {
    const [roles, audit] = await Promise.all([
      db.membership.groupBy({
        by: ["role"],
        where: { regionId: villageId, active: true, user: { active: true } },
        _count: { _all: true },
      }),
      db.auditLog.count({ where: { regionId: villageId, createdAt: { gte: new Date(deps.now().getTime() - 7 * DAY_MS) } } }),
    ]);
    const order = ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER", "SHOPKEEPER"];
    accountsByRole = roles
      .map((r) => ({ role: r.role as string, count: r._count._all }))
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    recentAudit = audit;
  }

  return {
    scope: isGrid ? "GRID" : "VILLAGE",
    villageName: village.name,
    grid: isGrid ? (grids[0] ?? null) : null,
    households: { active: count("ACTIVE"), inactive: count("INACTIVE") },
    members,
    membersWithAccount,
    grids: grids.map((g) => ({ id: g.id, name: g.name, households: inGrid(g.id) })),
    householdsWithoutGrid: isGrid ? null : inGrid(null),
    accountsByRole,
    recentAudit,
  };
}
