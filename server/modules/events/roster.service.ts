/**
 * The roll-call list staff use at an event: the village's households, who of them checked in, how and
 * by whom.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { userNames } from "../accounts/account.read";
import { eventState } from "./event.policy";
import { eventOrThrow } from "./event.service";
import * as repo from "./event.repo";
import type { RosterInput } from "./event.schema";
import { likeText } from "@/server/lib/like";

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
  const grid = actor.role === "GRID_WORKER" && actor.gridId ? await repo.findGrid(deps.db, villageId, actor.gridId) : null;
  const scope = grid && input.scope !== "village" ? ("grid" as const) : ("village" as const);
  const households = await deps.db.household.findMany({
    where: {
      villageId,
      status: "ACTIVE",
      ...(scope === "grid" && grid ? { gridId: grid.id } : {}),
      ...(q ? { OR: [{ number: { contains: likeText(q) } }, { headName: { contains: likeText(q) } }, { members: { some: { name: { contains: likeText(q) } } } }] } : {}),
    },
    orderBy: { number: "asc" },
    take: ROSTER_MAX,
    select: {
      id: true,
      number: true,
      headName: true,
      grid: { select: { name: true } },
      members: { select: { id: true, name: true, relation: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const ids = households.map((h) => h.id);
  const [checkIns, presence, count, flagged] = await Promise.all([
    deps.db.eventCheckIn.findMany({
      where: { eventId: e.id, householdId: { in: ids } },
      select: { householdId: true, method: true, createdAt: true, userId: true, staffUserId: true, positionFlagged: true, accuracyM: true },
    }),
    deps.db.eventPresence.findMany({ where: { eventId: e.id, householdId: { in: ids }, memberId: { not: null } }, select: { memberId: true } }),
    deps.db.eventCheckIn.count({ where: { eventId: e.id } }),
    deps.db.eventCheckIn.count({ where: { eventId: e.id, positionFlagged: true } }),
  ]);
  const present = new Set(presence.map((p) => p.memberId));
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
        gridName: h.grid?.name ?? null,
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

