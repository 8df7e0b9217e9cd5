/**
 * Checking in to a village event: villagers scan the kiosk's rotating QR (or type its short code),
 * staff check households in by their printed card or a roll call.
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
import { parseCard, shortCode, signRotating, signStatic, parseToken, verifyParsed, verifyShortCode, windowEndsAt, type TokenReason } from "@/server/lib/qr-token";
import { recordAudit } from "../audit/audit.service";
import { userNames } from "../accounts/account.read";
import { countMembersOf, householdInVillage } from "../households/member.read";
import { geofenceCheck, eventState, mayStaffCheckIn, openFor } from "./event.policy";
import { eventOrThrow, notOpen } from "./event.service";
import type { EventRow } from "./event.repo";
import { findSignup, lockEvent } from "./event.repo";
import { householdOfUser } from "../households/household.read";
import * as repo from "./checkin.repo";
import type { PresenceRow } from "./checkin.repo";
import type { CheckInInput, StaffCheckInInput } from "./event.schema";

const KIOSK_RECENT = 5;
/** A six-digit code is guessable: this many wrong codes per person and event per window, then a pause. */
export const CODE_ATTEMPTS = 5;
export const CODE_ATTEMPT_WINDOW_MS = 10 * 60_000;
/** A reported accuracy worse than this (metres), or none, makes a geofenced check-in flagged. */
export const POOR_ACCURACY_M = 100;

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
    repo.countCheckIns(deps.db, e.id),
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
    const v = verifyParsed(parsed.token, { eventId: e.id, villageId, secret: e.secret, allowStaticCode: e.allowStaticCode }, nowMs);
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

/**
 * resolveScan, with wrong typed codes counted per person and event (any open event when none is
 * named): past CODE_ATTEMPTS in the window the code is not even checked. Scanned tokens are signed
 * and not guessable, so they are not limited.
 * Throws CODE_ATTEMPTS_EXCEEDED besides resolveScan's refusals.
 */
async function limitedScan(deps: Deps, actor: Actor, villageId: string, input: CheckInInput, now: Date) {
  if (input.token) return resolveScan(deps, villageId, input, now);
  const eventKey = input.eventId ?? "*";
  const since = new Date(now.getTime() - CODE_ATTEMPT_WINDOW_MS);
  if ((await repo.codeFailuresSince(deps.db, actor.userId, eventKey, since)) >= CODE_ATTEMPTS) {
    throw new DomainError("CODE_ATTEMPTS_EXCEEDED", { minutes: CODE_ATTEMPT_WINDOW_MS / 60_000 });
  }
  try {
    return await resolveScan(deps, villageId, input, now);
  } catch (err) {
    if (err instanceof DomainError && (err.code === "CODE_INVALID" || err.code === "CODE_EXPIRED")) {
      await repo.recordCodeFailure(deps.db, actor.userId, eventKey, now);
    }
    throw err;
  }
}

type Recorded = { outcome: "CHECKED_IN" | "ALREADY_CHECKED_IN"; checkInId: string };

const memberIdList = (rows: PresenceRow[]) => rows.map((r) => r.memberId ?? "").join(",");

/** Records who was present (a member already recorded is skipped), audited when anyone new was added. */
async function addPresence(tx: Tx, actor: Actor, villageId: string, checkInId: string, rows: PresenceRow[]) {
  const count = await repo.addPresenceRows(tx, rows);
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
  e: EventRow,
  data: {
    householdId: string;
    method: "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
    staffUserId: string | null;
    lat?: number | null;
    lng?: number | null;
    distanceM?: number | null;
    accuracyM?: number | null;
    positionFlagged?: boolean;
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
    accuracyM: data.accuracyM ?? null,
    positionFlagged: data.positionFlagged ?? false,
  };
  const audit = {
    regionId: e.villageId,
    action: data.staffUserId ? "event.staffCheckIn" : "event.checkIn",
    entity: "EventCheckIn",
    after: {
      eventId: e.id,
      householdId: data.householdId,
      method: data.method,
      distanceM: data.distanceM ?? null,
      ...(data.positionFlagged ? { positionFlagged: true } : {}),
    },
  };
  if (!e.capacity) {
    // the common case: one statement writes the check-in (or adds to the household's), who was present and the audit rows
    const w = await repo.writeCheckIn(deps.db, { id: randomUUID(), ...row }, data.presence, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: audit.action,
      after: audit.after,
      memberIds: memberIdList(presenceRows),
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
        await lockEvent(tx, e.id);
        if ((await repo.countCheckIns(tx, e.id)) >= e.capacity!) throw new DomainError("EVENT_FULL", { capacity: e.capacity! });
        const ci = await repo.createCheckIn(tx, row);
        await repo.addPresenceRows(tx, presenceRows);
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
  const [found, scan] = await Promise.allSettled([householdOfUser(deps.db, villageId, actor.userId), limitedScan(deps, actor, villageId, input, now)]);
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
    const s = await findSignup(deps.db, e.id, member.household.id);
    if (!s) throw new DomainError("SIGNUP_REQUIRED");
  }
  const r = await record(deps, actor, e, {
    householdId: member.household.id,
    method,
    staffUserId: null,
    lat: at?.lat,
    lng: at?.lng,
    distanceM: geo && !geo.missing ? geo.distanceM : null,
    accuracyM: at && input.accuracy != null ? Math.round(input.accuracy) : null,
    positionFlagged: geo != null && (input.accuracy == null || input.accuracy > POOR_ACCURACY_M),
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
  const h = await householdInVillage(deps.db, villageId, householdId!);
  if (!h || !mayStaffCheckIn(actor)) throw new DomainError(input.card ? "CARD_NOT_FOUND" : "NOT_FOUND");
  if (h.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  const memberIds = [...new Set(input.memberIds ?? [])];
  if (memberIds.length) {
    const found = await countMembersOf(deps.db, h.id, memberIds);
    if (found !== memberIds.length) throw new DomainError("NOT_FOUND");
  }
  const method = input.card ? ("CARD" as const) : ("ROLL_CALL" as const);
  // A card scanned again (or a household picked again) names no one new: nothing more to record.
  const again = memberIds.length === 0 ? await repo.checkInOf(deps.db, e.id, h.id) : null;
  const r: Recorded = again ? { outcome: "ALREADY_CHECKED_IN", checkInId: again.id } : await record(deps, actor, e, {
    householdId: h.id,
    method,
    staffUserId: actor.userId,
    presence: memberIds.length ? memberIds.map((m) => ({ memberId: m, userId: null })) : [{ memberId: null, userId: null }],
  });
  const [ci, present, count] = await Promise.all([
    repo.checkInOf(deps.db, e.id, h.id),
    repo.presentMemberNames(deps.db, e.id, h.id),
    repo.countCheckIns(deps.db, e.id),
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

