/**
 * Village events (docs/architecture: events): the committee creates an event for a rule of the adopted
 * book, households sign up, and closing the event turns each household's check-in into one award entry
 * through due process. Checking in lives in checkin.service.ts, the roll-call list in roster.service.ts.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { newEventSecret } from "@/server/lib/qr-token";
import { villageDay, villageMinute } from "@/server/lib/village-time.schema";
import { recordAudit } from "../audit/audit.service";
import { intakeAwards } from "../awards/intake.service";
import { publish } from "../awards/publicity.service";
import { memberNames } from "../households/member.read";
import { ruleInForce, ruleLabels } from "../rules/rule.read";
import { eventState } from "./event.policy";
import * as repo from "./event.repo";
import type { EventCreateInput, EventListInput } from "./event.schema";
import { householdOfUser } from "../households/household.read";

const LIST_MAX = 50;

export function notOpen(e: repo.EventRow): DomainError {
  return new DomainError("EVENT_NOT_OPEN", { title: e.title, from: villageMinute(e.startsAt), to: villageMinute(e.endsAt) });
}

export async function eventOrThrow(deps: Deps, villageId: string, id: string) {
  const e = await repo.findEvent(deps.db, villageId, id);
  if (!e) throw new DomainError("EVENT_NOT_FOUND");
  return e;
}

/**
 * Creates an event awarding an item of the adopted rule book. Its category is the rule's.
 * Throws RULE_NOT_IN_FORCE, EVENT_IN_PAST (it would already have ended).
 */
export async function createEvent(deps: Deps, actor: Actor, input: EventCreateInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  if (input.endsAt <= now) throw new DomainError("EVENT_IN_PAST");
  return deps.db.$transaction(async (tx) => {
    const rule = await ruleInForce(tx, villageId, input.ruleId);
    if (!rule) throw new DomainError("RULE_NOT_IN_FORCE");
    const geo = input.geoRadiusM != null;
    const e = await repo.createEventRow(tx, {
      villageId,
      title: input.title,
      description: input.description,
      category: rule.category,
      ruleId: rule.id,
      place: input.place,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      geoLat: geo ? input.geoLat! : null,
      geoLng: geo ? input.geoLng! : null,
      geoRadiusM: geo ? input.geoRadiusM! : null,
      capacity: input.capacity ?? null,
      signupRequired: input.signupRequired,
      needsApproval: input.needsApproval,
      allowStaticCode: input.allowStaticCode,
      secret: newEventSecret(),
      createdById: actor.userId,
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "event.create",
      entity: "Event",
      entityId: e.id,
      after: {
        title: input.title,
        ruleId: rule.id,
        ruleCode: rule.code,
        points: rule.points,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        place: input.place,
        geofence: geo ? `${input.geoLat},${input.geoLng} r=${input.geoRadiusM}m` : null,
        capacity: input.capacity ?? null,
        signupRequired: input.signupRequired,
        needsApproval: input.needsApproval,
        allowStaticCode: input.allowStaticCode,
      },
    });
    return e;
  });
}

/**
 * Upcoming (not yet ended, not cancelled) or past events of the actor's village. A member of a
 * household also sees their household's sign-up, check-in and who of them was present.
 */
export async function listEvents(deps: Deps, actor: Actor, input: EventListInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const upcoming = input.when === "upcoming";
  const rows = await repo.listVillageEvents(deps.db, villageId, upcoming, now, LIST_MAX);
  const ids = rows.map((r) => r.id);
  const [checkIns, signups, ruleById, member] = await Promise.all([
    repo.checkInCounts(deps.db, ids),
    repo.signupCounts(deps.db, ids),
    ruleLabels(deps.db, villageId, rows.map((r) => r.ruleId)),
    householdOfUser(deps.db, villageId, actor.userId),
  ]);
  const householdId = member?.household.id ?? null;
  const mine = householdId ? await repo.householdAtEvents(deps.db, householdId, ids) : { checkIns: [], signups: [], presence: [] };
  const { checkIns: myCheckIns, signups: mySignups, presence: myPresence } = mine;
  const names = await memberNames(deps.db, myPresence.map((p) => p.memberId));
  return {
    household: member ? { number: member.household.number, headName: member.household.headName } : null,
    items: rows.map((e) => {
      const ci = myCheckIns.find((c) => c.eventId === e.id);
      const rule = ruleById.get(e.ruleId);
      return {
        id: e.id,
        title: e.title,
        description: e.description,
        place: e.place,
        category: e.category,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        state: eventState(e, now),
        rule: rule ? { code: rule.code, title: rule.title, points: rule.points } : null,
        geofence: e.geoRadiusM != null ? { radiusM: e.geoRadiusM } : null,
        capacity: e.capacity,
        signupRequired: e.signupRequired,
        needsApproval: e.needsApproval,
        checkIns: checkIns.get(e.id) ?? 0,
        signups: signups.get(e.id) ?? 0,
        mine: householdId
          ? {
              signedUp: mySignups.some((s) => s.eventId === e.id),
              checkedIn: !!ci,
              checkedInAt: ci?.createdAt ?? null,
              method: ci?.method ?? null,
              awarded: !!ci?.awardId,
              present: myPresence.filter((p) => p.eventId === e.id).map((p) => names.get(p.memberId) ?? ""),
            }
          : null,
      };
    }),
  };
}

/**
 * Signs the actor's household up for an event that takes sign-ups. Signing up twice is harmless.
 * Throws EVENT_NOT_FOUND, HOUSEHOLD_NOT_LINKED, SIGNUP_NOT_OPEN, EVENT_NOT_OPEN, EVENT_FULL.
 */
export async function signup(deps: Deps, actor: Actor, input: { eventId: string }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const member = await householdOfUser(deps.db, villageId, actor.userId);
  const e = await eventOrThrow(deps, villageId, input.eventId);
  if (!member) throw new DomainError("HOUSEHOLD_NOT_LINKED");
  if (!e.signupRequired) throw new DomainError("SIGNUP_NOT_OPEN");
  const state = eventState(e, now);
  if (state !== "UPCOMING" && state !== "OPEN") throw notOpen(e);
  const householdId = member.household.id;
  try {
    return await deps.db.$transaction(async (tx) => {
      const existing = await repo.findSignup(tx, e.id, householdId);
      if (existing) return { signedUp: true, already: true };
      if (e.capacity) {
        await repo.lockEvent(tx, e.id);
        if ((await repo.countSignups(tx, e.id)) >= e.capacity) throw new DomainError("EVENT_FULL", { capacity: e.capacity });
      }
      const s = await repo.createSignup(tx, { eventId: e.id, householdId, userId: actor.userId });
      await recordAudit(tx, actor, { regionId: villageId, action: "event.signup", entity: "EventSignup", entityId: s.id, after: { eventId: e.id, householdId } });
      return { signedUp: true, already: false };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { signedUp: true, already: true };
    throw err;
  }
}

/**
 * Closes an ended event: every check-in becomes one award entry for the event's rule, named after the
 * event, PROPOSED for a supervisor; only when the event does not ask for approval and the village's
 * checkInAutoApproveMaxPoints covers a rule without required evidence are they APPROVED and
 * published into a notice batch at once (the closer is recorded as the proposer).
 * Closing twice is refused and creates nothing.
 * Throws EVENT_NOT_FOUND, EVENT_CLOSED (already closed or cancelled), EVENT_NOT_ENDED, RULE_NOT_IN_FORCE.
 */
export async function close(deps: Deps, actor: Actor, input: { eventId: string }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const result = await deps.db.$transaction(
    async (tx) => {
      if (!(await repo.findEvent(tx, villageId, input.eventId))) throw new DomainError("EVENT_NOT_FOUND");
      await repo.lockEvent(tx, input.eventId);
      const e = (await repo.findEvent(tx, villageId, input.eventId))!;
      if (e.closedAt || e.cancelledAt) throw new DomainError("EVENT_CLOSED");
      if (now < e.endsAt) throw new DomainError("EVENT_NOT_ENDED", { to: villageMinute(e.endsAt) });
      const checkIns = await repo.unawardedCheckIns(tx, e.id);
      // the member who earned it: the first member recorded present
      const presence = await repo.memberPresence(tx, e.id);
      const firstMember = new Map<string, string>();
      for (const p of presence) if (!firstMember.has(p.householdId)) firstMember.set(p.householdId, p.memberId);
      const day = villageDay(e.startsAt);
      const awards = checkIns.length
        ? await intakeAwards(tx, actor, {
            villageId,
            source: "CHECKIN",
            ruleId: e.ruleId,
            reason: `参加活动「${e.title}」（${day}）`,
            status: e.needsApproval ? "PROPOSED" : "AUTO",
            now,
            mode: "skip",
            auditAction: "award.fromSource",
            entries: checkIns.map((c) => ({ householdId: c.householdId, memberId: firstMember.get(c.householdId) ?? null, sourceId: c.id })),
          })
        : { status: "PROPOSED" as const, created: [], points: 0, skippedExisting: 0, skippedInactive: [], skippedOverCap: [] };
      for (const a of awards.created) {
        await repo.linkAward(tx, a.sourceId!, a.id);
      }
      await repo.markClosed(tx, e.id, now, actor.userId);
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "event.close",
        entity: "Event",
        entityId: e.id,
        before: { closedAt: null },
        after: {
          closedAt: now.toISOString(),
          checkIns: checkIns.length,
          awards: awards.created.length,
          status: awards.status,
          skippedInactive: awards.skippedInactive.join(","),
          skippedOverCap: awards.skippedOverCap.join(","),
        },
      });
      return { event: e, awards };
    },
    { timeout: 60_000 },
  );
  let published: { batchId: string; noticeDays: number } | null = null;
  const ids = result.awards.created.map((a) => a.id);
  if (result.awards.status === "APPROVED" && ids.length) {
    try {
      const p = await publish(deps, actor, { awardIds: ids, title: `活动签到积分公示：${result.event.title}`.slice(0, 50) });
      published = { batchId: p.batchId, noticeDays: p.noticeDays };
    } catch (err) {
      // The entries stay APPROVED and go out with the next notice the committee publishes.
      console.error(`[event.close] publishing the awards of event ${result.event.id} failed:`, err instanceof Error ? err.message : err);
    }
  }
  return {
    eventId: result.event.id,
    awards: ids.length,
    status: result.awards.status,
    published,
    skippedInactive: result.awards.skippedInactive,
    skippedOverCap: result.awards.skippedOverCap,
  };
}

/** Cancels an event that is not closed: no award comes of it. Throws EVENT_NOT_FOUND, EVENT_CLOSED. */
export async function cancel(deps: Deps, actor: Actor, input: { eventId: string; reason: string }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    if (!(await repo.findEvent(tx, villageId, input.eventId))) throw new DomainError("EVENT_NOT_FOUND");
    await repo.lockEvent(tx, input.eventId);
    const e = (await repo.findEvent(tx, villageId, input.eventId))!;
    if (e.closedAt || e.cancelledAt) throw new DomainError("EVENT_CLOSED");
    await repo.markCancelled(tx, e.id, now);
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "event.cancel",
      entity: "Event",
      entityId: e.id,
      before: { cancelledAt: null },
      after: { cancelledAt: now.toISOString(), reason: input.reason },
    });
    return { eventId: e.id, cancelledAt: now };
  });
}

