/** A village at a glance, for the homes of the committee, the supervisors and the grid workers. */
import type { Actor } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { DAY_MS } from "@/server/lib/village-time.schema";
import { activeRoleCounts } from "../accounts/account.read";
import { auditCountSince } from "../audit/audit.read";
import { householdCounts } from "../households/household.read";
import { villageName } from "../regions/place.read";
import { villageGrids } from "../regions/region.read";
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

  const [name, counts, grids] = await Promise.all([
    villageName(db, villageId),
    householdCounts(db, villageId, gridId),
    villageGrids(db, villageId, gridId),
  ]);
  if (!name) throw new DomainError("NOT_FOUND");
  const inGrid = (id: string | null) => counts.perGrid.find((r) => r.gridId === id)?.households ?? 0;

  let accountsByRole: VillageSummary["accountsByRole"] = null;
  let recentAudit: number | null = null;
  if (!isGrid) {
    const [roles, audit] = await Promise.all([
      activeRoleCounts(db, villageId),
      auditCountSince(db, villageId, new Date(deps.now().getTime() - 7 * DAY_MS)),
    ]);
    const order = ["VILLAGER", "COMMITTEE", "SUPERVISOR", "GRID_WORKER", "SHOPKEEPER"];
    accountsByRole = roles.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    recentAudit = audit;
  }

  return {
    scope: isGrid ? "GRID" : "VILLAGE",
    villageName: name,
    grid: isGrid ? (grids[0] ?? null) : null,
    households: { active: counts.active, inactive: counts.inactive },
    members: counts.members,
    membersWithAccount: counts.membersWithAccount,
    grids: grids.map((g) => ({ id: g.id, name: g.name, households: inGrid(g.id) })),
    householdsWithoutGrid: isGrid ? null : inGrid(null),
    accountsByRole,
    recentAudit,
  };
}
