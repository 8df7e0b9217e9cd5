/**
 * The roll-call list staff use at an event: the village's households, who of them checked in, how and
 * by whom.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { userNames } from "../accounts/account.read";
import { rollCallHouseholds } from "../households/member.read";
import { gridNames, gridOfVillage } from "../regions/region.read";
import { eventState } from "./event.policy";
import { eventOrThrow } from "./event.service";
import * as repo from "./checkin.repo";
import type { RosterInput } from "./event.schema";

const ROSTER_MAX = 100;

/**
 * The roll-call list: households of the village with members, whether they have checked in, how and
 * by whom; searchable by 户号 or name. A grid worker sees their own grid unless they ask for the whole
 * village (scope "village"); `grid` names their grid so the screen can offer the choice.
 * Throws EVENT_NOT_FOUND.
 */
export async function roster(deps: Deps, actor: Actor, input: RosterInput) {
  const villageId = villageOf(actor);
  const e = await eventOrThrow(deps, villageId, input.eventId);
  const q = input.q?.trim();
  const grid = actor.role === "GRID_WORKER" && actor.gridId ? await gridOfVillage(deps.db, villageId, actor.gridId) : null;
  const scope = grid && input.scope !== "village" ? ("grid" as const) : ("village" as const);
  const households = await rollCallHouseholds(deps.db, villageId, {
    gridId: scope === "grid" && grid ? grid.id : undefined,
    q: q || undefined,
    take: ROSTER_MAX,
  });
  const ids = households.map((h) => h.id);
  const [checkIns, presence, count, grids, flagged] = await Promise.all([
    repo.checkInsOfHouseholds(deps.db, e.id, ids),
    repo.presentMemberIds(deps.db, e.id, ids),
    repo.countCheckIns(deps.db, e.id),
    gridNames(deps.db, households.flatMap((h) => (h.gridId ? [h.gridId] : []))),
    repo.countFlaggedCheckIns(deps.db, e.id),
  ]);
  const present = new Set(presence);
  const byId = new Map(checkIns.map((c) => [c.householdId, c]));
  const names = await userNames(deps.db, checkIns.map((c) => c.staffUserId ?? c.userId));
  return {
    /** `geofenced`: check-ins must come from the place, by the position the phone itself reports */
    event: { id: e.id, title: e.title, state: eventState(e, deps.now()), geofenced: e.geoRadiusM != null },
    count,
    /** check-ins of the whole event whose position came with no or poor accuracy */
    flagged,
    grid: grid ? { name: grid.name } : null,
    scope,
    households: households.map((h) => {
      const ci = byId.get(h.id);
      return {
        id: h.id,
        number: h.number,
        headName: h.headName,
        gridName: h.gridId ? (grids.get(h.gridId) ?? null) : null,
        checkedIn: !!ci,
        method: ci?.method ?? null,
        /** when and by whom: the staff member, or the member who scanned the kiosk's QR */
        checkedInAt: ci?.createdAt ?? null,
        checkedInBy: ci ? names.get(ci.staffUserId ?? ci.userId) ?? "" : null,
        /** the phone sent no accuracy or a poor one: its position (and so the geofence) is not to be trusted */
        positionFlagged: ci?.positionFlagged ?? false,
        accuracyM: ci?.accuracyM ?? null,
        members: h.members.map((m) => ({ id: m.id, name: m.name, present: present.has(m.id) })),
      };
    }),
  };
}

