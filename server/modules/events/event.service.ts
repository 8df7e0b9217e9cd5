/**
 * Village events and check-in (ARCHITECTURE §8): the committee creates an event for a rule of the
 * adopted book; villagers check in by scanning the kiosk's rotating QR (or typing its short code),
 * staff check households in by their printed card or a roll call; closing the event turns each
 * household's check-in into one award entry through due process (ARCHITECTURE §6).
 *
 * One check-in per household per event: the unique index (eventId, householdId) is the guarantee;
 * a second member's scan records their presence and answers ALREADY_CHECKED_IN.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { qrDataUrl } from "@/server/lib/qr-image";
import {
  newEventSecret,
  parseCard,
  parseToken,
  shortCode,
  signRotating,
  signStatic,
  verifyShortCode,
  verifyToken,
  windowEndsAt,
  type TokenReason,
} from "@/server/lib/qr-token";
import { auditInsertFrom, recordAudit } from "../audit/audit.service";
import { createAwardsFromSource } from "../awards/award.service";
import { publish } from "../awards/notice.service";
import { ruleInForce } from "../rules/rule.read";
import { eventState, geofenceCheck, mayStaffCheckIn, openFor } from "./event.policy";
import * as repo from "./event.repo";
import type { CheckInInput, EventCreateInput, EventListInput, RosterInput, StaffCheckInInput } from "./event.schema";
import { userNames } from "../accounts/account.read";
import { likeText } from "@/server/lib/like";

const KIOSK_RECENT = 5;
const LIST_MAX = 50;
const ROSTER_MAX = 100;

/** A time as messages show it, in the villages' time zone: "2026-11-23 08:00". */
function shanghaiTime(d: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

function notOpen(e: repo.EventRow): DomainError {
  return new DomainError("EVENT_NOT_OPEN", { title: e.title, from: shanghaiTime(e.startsAt), to: shanghaiTime(e.endsAt) });
}

async function eventOrThrow(deps: Deps, villageId: string, id: string) {
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
    const e = await tx.event.create({
      data: {
        villageId,
        title: input.title,
        description: input.description,
        category: rule.category as never,
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
      },
      select: { id: true, title: true },
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
  const rows = await deps.db.event.findMany({
    where: upcoming
      ? { villageId, cancelledAt: null, closedAt: null, endsAt: { gte: now } }
      : { villageId, OR: [{ endsAt: { lt: now } }, { cancelledAt: { not: null } }, { closedAt: { not: null } }] },
    orderBy: upcoming ? [{ startsAt: "asc" }, { id: "asc" }] : [{ startsAt: "desc" }, { id: "desc" }],
    take: LIST_MAX,
    select: repo.eventSelect,
  });
  const ids = rows.map((r) => r.id);
  const [checkIns, signups, rules, member] = await Promise.all([
    repo.checkInCounts(deps.db, ids),
    repo.signupCounts(deps.db, ids),
    deps.db.rule.findMany({ where: { villageId, id: { in: [...new Set(rows.map((r) => r.ruleId))] } }, select: { id: true, code: true, title: true, points: true } }),
    repo.householdOfUser(deps.db, villageId, actor.userId),
  ]);
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const householdId = member?.household.id ?? null;
  const [myCheckIns, mySignups, myPresence] = householdId
    ? await Promise.all([
        deps.db.eventCheckIn.findMany({ where: { householdId, eventId: { in: ids } }, select: { eventId: true, method: true, createdAt: true, awardId: true } }),
        deps.db.eventSignup.findMany({ where: { householdId, eventId: { in: ids } }, select: { eventId: true } }),
        deps.db.eventPresence.findMany({ where: { householdId, eventId: { in: ids }, memberId: { not: null } }, select: { eventId: true, memberId: true } }),
      ])
    : [[], [], []];
  const memberNames = new Map(
    (
      await deps.db.householdMember.findMany({
        where: { id: { in: myPresence.map((p) => p.memberId!) } },
        select: { id: true, name: true },
      })
    ).map((m) => [m.id, m.name]),
  );
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
              present: myPresence.filter((p) => p.eventId === e.id).map((p) => memberNames.get(p.memberId!) ?? ""),
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
  const member = await repo.householdOfUser(deps.db, villageId, actor.userId);
  const e = await eventOrThrow(deps, villageId, input.eventId);
  if (!member) throw new DomainError("HOUSEHOLD_NOT_LINKED");
  if (!e.signupRequired) throw new DomainError("SIGNUP_NOT_OPEN");
  const state = eventState(e, now);
  if (state !== "UPCOMING" && state !== "OPEN") throw notOpen(e);
  const householdId = member.household.id;
  try {
    return await deps.db.$transaction(async (tx) => {
      const existing = await tx.eventSignup.findUnique({ where: { eventId_householdId: { eventId: e.id, householdId } }, select: { id: true } });
      if (existing) return { signedUp: true, already: true };
      if (e.capacity) {
        await repo.lockEvent(tx, e.id);
        if ((await tx.eventSignup.count({ where: { eventId: e.id } })) >= e.capacity) throw new DomainError("EVENT_FULL", { capacity: e.capacity });
      }
      const s = await tx.eventSignup.create({ data: { eventId: e.id, householdId, userId: actor.userId }, select: { id: true } });
      await recordAudit(tx, actor, { regionId: villageId, action: "event.signup", entity: "EventSignup", entityId: s.id, after: { eventId: e.id, householdId } });
      return { signedUp: true, already: false };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { signedUp: true, already: true };
    throw err;
  }
}

/**
 * What the organiser's kiosk shows: the current rotating QR (and its typed code), when it rotates,
 * the live count and the last few households (户号 and head's name). A static printable code too,
 * for an event that allows one. Throws EVENT_NOT_FOUND, EVENT_NOT_OPEN (cancelled or closed).
 */
export async function kiosk(deps: Deps, actor: Actor, input: { eventId: string }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const e = await repo.findEventWithSecret(deps.db, villageId, input.eventId);
  if (!e) throw new DomainError("EVENT_NOT_FOUND");
  const state = eventState(e, now);
  if (state === "CANCELLED" || state === "CLOSED") throw notOpen(e);
  const key = { eventId: e.id, villageId, secret: e.secret };
  const token = signRotating(key, now.getTime());
  const staticToken = e.allowStaticCode && actor.role === "COMMITTEE" ? signStatic(key) : null;
  const [qr, staticQr, count, recent] = await Promise.all([
    qrDataUrl(token),
    staticToken ? qrDataUrl(staticToken) : Promise.resolve(null),
    deps.db.eventCheckIn.count({ where: { eventId: e.id } }),
    repo.recentCheckIns(deps.db, e.id, KIOSK_RECENT),
  ]);
  return {
    event: { id: e.id, title: e.title, place: e.place, startsAt: e.startsAt, endsAt: e.endsAt, capacity: e.capacity, geofence: e.geoRadiusM != null },
    state,
    token,
    code: shortCode(key, now.getTime()),
    qr,
    staticToken,
    staticQr,
    serverNow: now,
    rotatesAt: new Date(windowEndsAt(now.getTime())),
    count,
    recent,
  };
}

function tokenError(reason: TokenReason): DomainError {
  return reason === "EXPIRED" ? new DomainError("CODE_EXPIRED") : new DomainError("CODE_INVALID");
}

/** Finds the event a scanned token or typed code is for, and checks it. Writes nothing. */
async function resolveScan(deps: Deps, villageId: string, input: CheckInInput, now: Date) {
  const nowMs = now.getTime();
  if (input.token) {
    const parsed = parseToken(input.token);
    if (!parsed.ok) throw tokenError(parsed.reason);
    if (input.eventId && parsed.token.eventId !== input.eventId) throw new DomainError("CODE_INVALID");
    const e = await repo.findEventWithSecret(deps.db, villageId, parsed.token.eventId);
    if (!e) throw new DomainError("EVENT_NOT_FOUND");
    const v = verifyToken(input.token, { eventId: e.id, villageId, secret: e.secret, allowStaticCode: e.allowStaticCode }, nowMs);
    if (!v.ok) throw tokenError(v.reason);
    // The database CHECK already requires a geofence for a static code; this says why it matters.
    if (v.kind === "STATIC" && e.geoRadiusM == null) throw new DomainError("CODE_INVALID");
    return { event: e, method: v.kind === "STATIC" ? ("STATIC_QR" as const) : ("QR" as const) };
  }
  const code = input.code ?? "";
  const candidates = input.eventId
    ? await repo.findEventWithSecret(deps.db, villageId, input.eventId).then((e) => (e ? [e] : []))
    : await repo.openEventsWithSecret(deps.db, villageId, now);
  if (input.eventId && candidates.length === 0) throw new DomainError("EVENT_NOT_FOUND");
  let expired = false;
  for (const e of candidates) {
    const v = verifyShortCode(code, { eventId: e.id, villageId, secret: e.secret }, nowMs);
    if (v.ok) return { event: e, method: "QR" as const };
    if (v.reason === "GARBAGE") throw new DomainError("CODE_INVALID");
    if (v.reason === "EXPIRED") expired = true;
  }
  throw new DomainError(expired ? "CODE_EXPIRED" : "CODE_INVALID");
}

type Recorded = { outcome: "CHECKED_IN" | "ALREADY_CHECKED_IN"; checkInId: string };

type PresenceRow = {
  eventId: string;
  householdId: string;
  memberId: string | null;
  userId: string | null;
  method: "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
  staffUserId: string | null;
};

const memberIdList = (rows: PresenceRow[]) => rows.map((r) => r.memberId ?? "").join(",");

/** Records who was present (a member already recorded is skipped), audited when anyone new was added. */
async function addPresence(tx: Tx, actor: Actor, villageId: string, checkInId: string, rows: PresenceRow[]) {
  const { count } = await tx.eventPresence.createMany({ data: rows, skipDuplicates: true });
  if (count > 0) {
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "event.presence",
      entity: "EventCheckIn",
      entityId: checkInId,
      after: { added: count, memberIds: memberIdList(rows) },
    });
  }
}

/**
 * Writes the household's check-in (or finds it already there) and the people present, in one
 * transaction; a second household member racing the first gets ALREADY_CHECKED_IN from the unique
 * index, caught outside the failed transaction, and their presence is recorded then.
 * Throws EVENT_FULL.
 */
async function record(
  deps: Deps,
  actor: Actor,
  e: repo.EventRow,
  data: {
    householdId: string;
    method: "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
    staffUserId: string | null;
    lat?: number | null;
    lng?: number | null;
    distanceM?: number | null;
    presence: { memberId: string | null; userId: string | null }[];
  },
): Promise<Recorded> {
  const presenceRows: PresenceRow[] = data.presence.map((p) => ({
    eventId: e.id,
    householdId: data.householdId,
    memberId: p.memberId,
    userId: p.userId,
    method: data.method,
    staffUserId: data.staffUserId,
  }));
  const row = {
    eventId: e.id,
    villageId: e.villageId,
    householdId: data.householdId,
    method: data.method,
    userId: actor.userId,
    staffUserId: data.staffUserId,
    lat: data.lat ?? null,
    lng: data.lng ?? null,
    distanceM: data.distanceM ?? null,
  };
  const audit = {
    regionId: e.villageId,
    action: data.staffUserId ? "event.staffCheckIn" : "event.checkIn",
    entity: "EventCheckIn",
    after: { eventId: e.id, householdId: data.householdId, method: data.method, distanceM: data.distanceM ?? null },
  };
  if (!e.capacity) {
    // the common case: one statement writes the check-in (or adds to the household's), who was present and the audit rows
    const presenceAudit = {
      regionId: e.villageId,
      action: "event.presence",
      entity: "EventCheckIn",
      after: repo.presenceAddedAfter(memberIdList(presenceRows)),
    };
    const w = await repo.writeCheckIn(deps.db, { id: randomUUID(), ...row }, data.presence, {
      checkIn: auditInsertFrom(actor, audit, "ci"),
      presence: auditInsertFrom(actor, presenceAudit, "added"),
    });
    if (w.created) return { outcome: "CHECKED_IN", checkInId: w.created };
    if (w.existing) return { outcome: "ALREADY_CHECKED_IN", checkInId: w.existing };
  } else {
    try {
      return await deps.db.$transaction(async (tx) => {
        const existing = await repo.checkInOf(tx, e.id, data.householdId);
        if (existing) {
          await addPresence(tx, actor, e.villageId, existing.id, presenceRows);
          return { outcome: "ALREADY_CHECKED_IN" as const, checkInId: existing.id };
        }
        // a capacity is counted under the event's lock, so it takes the transaction
        await repo.lockEvent(tx, e.id);
        if ((await tx.eventCheckIn.count({ where: { eventId: e.id } })) >= e.capacity!) throw new DomainError("EVENT_FULL", { capacity: e.capacity! });
        const ci = await tx.eventCheckIn.create({ data: row, select: { id: true } });
        await tx.eventPresence.createMany({ data: presenceRows, skipDuplicates: true });
        await recordAudit(tx, actor, { ...audit, entityId: ci.id });
        return { outcome: "CHECKED_IN" as const, checkInId: ci.id };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  // Another scan of the household committed while ours ran (or, with a capacity, won the race): record this one's presence.
  const existing = await repo.checkInOf(deps.db, e.id, data.householdId);
  if (!existing) throw new DomainError("CONFLICT");
  await deps.db.$transaction((tx) => addPresence(tx, actor, e.villageId, existing.id, presenceRows));
  return { outcome: "ALREADY_CHECKED_IN", checkInId: existing.id };
}

/**
 * A villager checks their household in with the scanned token or the typed code (and their location
 * when the event has a geofence). Refusals write nothing.
 * Throws HOUSEHOLD_NOT_LINKED, HOUSEHOLD_INACTIVE, CODE_INVALID (forged, truncated, oversized, garbage,
 * another event's), CODE_EXPIRED, EVENT_NOT_FOUND (another village's or unknown event),
 * EVENT_NOT_OPEN (before start, after end, cancelled, closed), LOCATION_REQUIRED, OUTSIDE_AREA,
 * SIGNUP_REQUIRED, EVENT_FULL.
 */
export async function checkIn(deps: Deps, actor: Actor, input: CheckInInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  // both reads at once (a busy event's every scan waits on them); refusals keep this order
  const [found, scan] = await Promise.allSettled([repo.householdOfUser(deps.db, villageId, actor.userId), resolveScan(deps, villageId, input, now)]);
  if (found.status === "rejected") throw found.reason;
  const member = found.value;
  if (!member) throw new DomainError("HOUSEHOLD_NOT_LINKED");
  if (scan.status === "rejected") throw scan.reason;
  const { event: e, method } = scan.value;
  if (!openFor("VILLAGER", e, now)) throw notOpen(e);
  if (member.household.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  const at = input.lat != null && input.lng != null ? { lat: input.lat, lng: input.lng } : null;
  const geo = geofenceCheck(e, at);
  if (geo?.missing) throw new DomainError("LOCATION_REQUIRED");
  if (geo && !geo.missing && !geo.inside) throw new DomainError("OUTSIDE_AREA", { distance: geo.distanceM, radius: e.geoRadiusM! });
  if (e.signupRequired) {
    const s = await deps.db.eventSignup.findUnique({ where: { eventId_householdId: { eventId: e.id, householdId: member.household.id } }, select: { id: true } });
    if (!s) throw new DomainError("SIGNUP_REQUIRED");
  }
  const r = await record(deps, actor, e, {
    householdId: member.household.id,
    method,
    staffUserId: null,
    lat: at?.lat,
    lng: at?.lng,
    distanceM: geo && !geo.missing ? geo.distanceM : null,
    presence: [{ memberId: member.id, userId: actor.userId }],
  });
  return {
    outcome: r.outcome,
    event: { id: e.id, title: e.title },
    household: { number: member.household.number, headName: member.household.headName },
    // a fresh check-in has exactly this member present: no need to ask the database
    present: r.outcome === "CHECKED_IN" ? [member.name] : await repo.presentMemberNames(deps.db, e.id, member.household.id),
    distanceM: geo && !geo.missing ? geo.distanceM : null,
  };
}

/**
 * Staff (committee or a grid worker of the village) check a household in by its printed card or a
 * roll-call pick; recorded with who did it. Allowed from the start until the event is closed.
 * The answer says who checked the household in and when (for ALREADY_CHECKED_IN: the first time).
 * Refusals write nothing. Throws EVENT_NOT_FOUND, EVENT_NOT_OPEN, CARD_INVALID, CARD_NOT_FOUND
 * (unknown or another village's card), NOT_FOUND (roll-call household or member), HOUSEHOLD_INACTIVE,
 * EVENT_FULL.
 */
export async function staffCheckIn(deps: Deps, actor: Actor, input: StaffCheckInInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const e = await eventOrThrow(deps, villageId, input.eventId);
  if (!openFor("STAFF", e, now)) throw notOpen(e);
  let householdId = input.householdId ?? null;
  if (input.card) {
    householdId = parseCard(input.card);
    if (!householdId) throw new DomainError("CARD_INVALID");
  }
  const h = await repo.findHousehold(deps.db, villageId, householdId!);
  if (!h || !mayStaffCheckIn(actor)) throw new DomainError(input.card ? "CARD_NOT_FOUND" : "NOT_FOUND");
  if (h.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  const memberIds = [...new Set(input.memberIds ?? [])];
  if (memberIds.length) {
    const found = await deps.db.householdMember.count({ where: { id: { in: memberIds }, householdId: h.id } });
    if (found !== memberIds.length) throw new DomainError("NOT_FOUND");
  }
  const method = input.card ? ("CARD" as const) : ("ROLL_CALL" as const);
  const r = await record(deps, actor, e, {
    householdId: h.id,
    method,
    staffUserId: actor.userId,
    presence: memberIds.length ? memberIds.map((m) => ({ memberId: m, userId: null })) : [{ memberId: null, userId: null }],
  });
  const [ci, present, count] = await Promise.all([
    repo.checkInOf(deps.db, e.id, h.id),
    repo.presentMemberNames(deps.db, e.id, h.id),
    deps.db.eventCheckIn.count({ where: { eventId: e.id } }),
  ]);
  const by = ci ? ci.staffUserId ?? ci.userId : null;
  const names = await userNames(deps.db, by ? [by] : []);
  return {
    outcome: r.outcome,
    method,
    event: { id: e.id, title: e.title },
    household: { id: h.id, number: h.number, headName: h.headName },
    /** the household's check-in as recorded: the first one when it was already there */
    checkIn: ci ? { method: ci.method, at: ci.createdAt, by: by ? names.get(by) ?? "" : "" } : null,
    present,
    count,
  };
}

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
  const [checkIns, presence, count] = await Promise.all([
    deps.db.eventCheckIn.findMany({
      where: { eventId: e.id, householdId: { in: ids } },
      select: { householdId: true, method: true, createdAt: true, userId: true, staffUserId: true },
    }),
    deps.db.eventPresence.findMany({ where: { eventId: e.id, householdId: { in: ids }, memberId: { not: null } }, select: { memberId: true } }),
    deps.db.eventCheckIn.count({ where: { eventId: e.id } }),
  ]);
  const present = new Set(presence.map((p) => p.memberId));
  const byId = new Map(checkIns.map((c) => [c.householdId, c]));
  const names = await userNames(deps.db, checkIns.map((c) => c.staffUserId ?? c.userId));
  return {
    event: { id: e.id, title: e.title, state: eventState(e, deps.now()) },
    count,
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
        members: h.members.map((m) => ({ id: m.id, name: m.name, present: present.has(m.id) })),
      };
    }),
  };
}

/**
 * Closes an ended event: every check-in becomes one award entry for the event's rule, named after the
 * event, PROPOSED for a supervisor when the event needs approval, else APPROVED and published into a
 * notice batch at once (the closer is recorded as the proposer; the village chose no approval).
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
      if (now < e.endsAt) throw new DomainError("EVENT_NOT_ENDED", { to: shanghaiTime(e.endsAt) });
      const checkIns = await tx.eventCheckIn.findMany({
        where: { eventId: e.id, awardId: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, householdId: true },
      });
      // the member who earned it: the first member recorded present
      const presence = await tx.eventPresence.findMany({
        where: { eventId: e.id, memberId: { not: null } },
        orderBy: { createdAt: "asc" },
        select: { householdId: true, memberId: true },
      });
      const firstMember = new Map<string, string>();
      for (const p of presence) if (!firstMember.has(p.householdId)) firstMember.set(p.householdId, p.memberId!);
      const day = shanghaiTime(e.startsAt).slice(0, 10);
      const awards = checkIns.length
        ? await createAwardsFromSource(tx, actor, {
            villageId,
            source: "CHECKIN",
            ruleId: e.ruleId,
            reason: `参加活动「${e.title}」（${day}）`,
            status: e.needsApproval ? "PROPOSED" : "APPROVED",
            now,
            entries: checkIns.map((c) => ({ householdId: c.householdId, memberId: firstMember.get(c.householdId) ?? null, sourceId: c.id })),
          })
        : { created: [], points: 0, skippedExisting: 0, skippedInactive: [], skippedOverCap: [] };
      for (const a of awards.created) {
        await tx.eventCheckIn.update({ where: { id: a.sourceId }, data: { awardId: a.id }, select: { id: true } });
      }
      await tx.event.update({ where: { id: e.id }, data: { closedAt: now, closedById: actor.userId }, select: { id: true } });
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
          status: e.needsApproval ? "PROPOSED" : "APPROVED",
          skippedInactive: awards.skippedInactive.join(","),
          skippedOverCap: awards.skippedOverCap.join(","),
        },
      });
      return { event: e, awards };
    },
    { timeout: 60_000 },
  );
  let published: { batchId: string; noticeDays: number; finalized: number } | null = null;
  const ids = result.awards.created.map((a) => a.id);
  if (!result.event.needsApproval && ids.length) {
    try {
      const p = await publish(deps, actor, { awardIds: ids, title: `活动签到积分公示：${result.event.title}`.slice(0, 50) });
      published = { batchId: p.batchId, noticeDays: p.noticeDays, finalized: p.finalized };
    } catch (err) {
      // The entries stay APPROVED and go out with the next notice the committee publishes.
      console.error(`[event.close] publishing the awards of event ${result.event.id} failed:`, err instanceof Error ? err.message : err);
    }
  }
  return {
    eventId: result.event.id,
    awards: ids.length,
    status: result.event.needsApproval ? ("PROPOSED" as const) : ("APPROVED" as const),
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
    await tx.event.update({ where: { id: e.id }, data: { cancelledAt: now }, select: { id: true } });
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
