/**
 * A body's meetings (docs/architecture.md, "Meetings"): the committee schedules one (optionally
 * posting a 会议通知), marks who of the body's members is present (by the secretary or from the
 * printed card), and publishes the minutes as a 会议纪要 notice. 应到 is the body's members whose
 * term covers the meeting's day, 实到 the attendance; the figures and whether the meeting was valid
 * under the body's rule are frozen when the minutes are published.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { qrDataUrl } from "@/server/lib/qr-image";
import { newEventSecret, parseCard, parseMeetingToken, signMeetingRotating, verifyMeetingParsed, windowEndsAt, type TokenReason } from "@/server/lib/qr-token";
import { villageDay, villageMinute } from "@/server/lib/village-time.schema";
import { auditScope, recordAudit } from "../audit/audit.service";
import { householdOfUser } from "../households/household.read";
import { householdInVillage, memberLabels } from "../households/member.read";
import { actingFor } from "../households/proxy.read";
import { notifyManyInTx } from "../notifications/notification.service";
import { villageAmong } from "../regions/region.read";
import * as bodyRepo from "./body.repo";
import type { BodyKind } from "./body.schema";
import { meetingValid, quorumRule, termCovers } from "./meeting.rules";
import * as repo from "./meeting.repo";
import type { AgendaRow, MeetingRow } from "./meeting.repo";
import { AGENDA_ITEMS_MAX } from "./meeting.schema";
import type {
  AgendaAddInput,
  AgendaRemoveInput,
  AgendaReorderInput,
  AttendanceChannel,
  MarkAttendanceInput,
  MeetingCardInput,
  MeetingCheckInInput,
  PublishMinutesInput,
  ScheduleMeetingInput,
} from "./meeting.schema";
import { findMotion } from "./motion.repo";
import { noticeVillage } from "./notice.policy";
import { correctInTx, publishInTx } from "./notice.service";
import { NOTICE_TITLE_MAX } from "./notice.schema";

const LIST_MAX = 100;

const noticeTitle = (prefix: string, title: string) => `${prefix}${title}`.slice(0, NOTICE_TITLE_MAX);

/** The 会议通知's text: who meets, when and where, and the agenda in order. */
function noticeText(bodyName: string, startsAt: Date, place: string, agenda: { text: string }[]) {
  return [`**${bodyName}**定于 ${villageMinute(startsAt)} 在 ${place} 召开会议。`, "", "议程：", "", ...agenda.map((a, i) => `${i + 1}. ${a.text}`)].join("\n");
}

/** The body's members whose term covers the meeting's day: the 应到. */
async function expectedMembers(db: Deps["db"] | Tx, villageId: string, bodyId: string, startsAt: Date) {
  const day = villageDay(startsAt);
  return (await bodyRepo.listMembers(db, villageId, [bodyId])).filter((m) => termCovers(m, day));
}

/** Schedules a meeting of one of the village's bodies. Throws NOT_FOUND (no such body in the village). */
export async function schedule(deps: Deps, actor: Actor, input: ScheduleMeetingInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const body = await bodyRepo.findBody(tx, villageId, input.bodyId);
    if (!body) throw new DomainError("NOT_FOUND");
    const m = await repo.createMeeting(tx, {
      villageId,
      bodyId: body.id,
      title: input.title,
      startsAt: input.startsAt,
      place: input.place,
      agenda: input.agenda,
      secret: newEventSecret(),
      createdById: actor.userId,
    });
    let noticeId: string | null = null;
    if (input.postNotice) {
      const text = noticeText(body.name, input.startsAt, input.place, input.agenda.map((text) => ({ text })));
      noticeId = (await publishInTx(tx, { villageId, kind: "MEETING", title: noticeTitle("会议通知：", input.title), body: text, publishedById: actor.userId, at })).id;
      await repo.setNotice(tx, villageId, m.id, noticeId);
    }
    const members = await expectedMembers(tx, villageId, body.id, input.startsAt);
    await notifyManyInTx(tx, members.flatMap((x) => (x.userId ? [x.userId] : [])), "meeting.scheduled", {
      meetingId: m.id,
      body: body.name,
      title: input.title,
      when: villageMinute(input.startsAt),
      place: input.place,
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "meeting.schedule",
      entity: "Meeting",
      entityId: m.id,
      after: { bodyId: body.id, title: input.title, startsAt: input.startsAt.toISOString(), place: input.place, agenda: input.agenda.length, noticeId },
    });
    return { id: m.id, noticeId };
  });
}

/**
 * Marks a person present. Throws NOT_FOUND, MEETING_HELD (minutes already published),
 * MEETING_NOT_MEMBER (not a member of the body on the meeting's day), MEETING_ALREADY_PRESENT.
 */
export async function markAttendance(deps: Deps, actor: Actor, input: MarkAttendanceInput) {
  const villageId = noticeVillage(actor);
  try {
    return await deps.db.$transaction(async (tx) => {
      await repo.lockMeeting(tx, villageId, input.meetingId);
      const meeting = await repo.findMeeting(tx, villageId, input.meetingId);
      if (!meeting) throw new DomainError("NOT_FOUND");
      if (meeting.status !== "SCHEDULED") throw new DomainError("MEETING_HELD");
      const member = (await expectedMembers(tx, villageId, meeting.bodyId, meeting.startsAt)).find((m) => m.householdMemberId === input.personId);
      if (!member) throw new DomainError("MEETING_NOT_MEMBER");
      const a = await repo.createAttendance(tx, {
        meetingId: meeting.id,
        villageId,
        bodyMemberId: member.id,
        householdMemberId: member.householdMemberId,
        channel: input.channel,
        markedById: actor.userId,
      });
      await recordAudit(tx, actor, { regionId: villageId, action: "meeting.attend", entity: "MeetingAttendance", entityId: a.id, after: { meetingId: meeting.id, bodyMemberId: member.id, channel: input.channel } });
      return { id: a.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("MEETING_ALREADY_PRESENT");
    throw e;
  }
}

/** The minutes' text with the figures on top: 应到 / 实到 and the rule applied. */
function minutesText(kind: BodyKind, bodyName: string, startsAt: Date, place: string, agenda: { text: string; outcome: string | null }[], expected: number, present: number, valid: boolean, minutes: string) {
  const rule = quorumRule(kind) === "TWO_THIRDS" ? "三分之二以上" : "过半数";
  return [
    `**${bodyName}** ${villageMinute(startsAt)}，${place}`,
    "",
    `应到 ${expected} 人，实到 ${present} 人。按规定须${rule}到会，本次会议${valid ? "有效" : "无效（未达到法定人数）"}。`,
    "",
    "议程：",
    "",
    ...agenda.map((a, i) => `${i + 1}. ${a.text}${a.outcome ? `\n   - 结果：${a.outcome}` : ""}`),
    "",
    "---",
    "",
    minutes,
  ].join("\n");
}

/**
 * Publishes the minutes as a 会议纪要 notice and marks the meeting HELD with its 应到 / 实到 and
 * validity frozen. Throws NOT_FOUND, MEETING_HELD (published already; nothing posted twice).
 */
export async function publishMinutes(deps: Deps, actor: Actor, input: PublishMinutesInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    await repo.lockMeeting(tx, villageId, input.id);
    const meeting = await repo.findMeeting(tx, villageId, input.id);
    if (!meeting) throw new DomainError("NOT_FOUND");
    if (meeting.status !== "SCHEDULED") throw new DomainError("MEETING_HELD");
    const expected = await expectedMembers(tx, villageId, meeting.bodyId, meeting.startsAt);
    const ids = new Set(expected.map((m) => m.householdMemberId));
    const present = (await repo.listAttendance(tx, villageId, [meeting.id])).filter((a) => ids.has(a.householdMemberId)).length;
    const valid = meetingValid(meeting.body.kind, expected.length, present);
    const items = await repo.listAgenda(tx, villageId, [meeting.id]);
    const outcomes = new Map(input.outcomes.filter((o) => o.outcome).map((o) => [o.itemId, o.outcome]));
    if ([...outcomes.keys()].some((id) => !items.some((a) => a.id === id))) throw new DomainError("NOT_FOUND");
    for (const a of items) if (outcomes.has(a.id)) await repo.setAgendaOutcome(tx, villageId, meeting.id, a.id, outcomes.get(a.id)!);
    const agenda = items.map((a) => ({ text: a.text, outcome: outcomes.get(a.id) ?? null }));
    const text = minutesText(meeting.body.kind, meeting.body.name, meeting.startsAt, meeting.place, agenda, expected.length, present, valid, input.minutes);
    const notice = await publishInTx(tx, { villageId, kind: "MINUTES", title: noticeTitle("会议纪要：", meeting.title), body: text, publishedById: actor.userId, at });
    if ((await repo.markHeld(tx, villageId, meeting.id, { expected: expected.length, present, valid, minutesNoticeId: notice.id })) === 0) {
      throw new DomainError("MEETING_HELD");
    }
    await recordAudit(tx, actor, { regionId: villageId, action: "meeting.minutes", entity: "Meeting", entityId: meeting.id, after: { expected: expected.length, present, valid, minutesNoticeId: notice.id, outcomes: outcomes.size } });
    return { id: meeting.id, expected: expected.length, present, valid, minutesNoticeId: notice.id };
  });
}

/**
 * The committee's (and supervisors') list of meetings, newest first; each with its expected members
 * (name, household number, present or not, how) and 应到 / 实到 / valid — live while scheduled,
 * frozen once held.
 */
export function staffList(deps: Deps, actor: Actor) {
  return meetingsView(deps, noticeVillage(actor));
}

/** A village's meetings for the town or county above it (read-only). Throws NOT_FOUND outside their region. */
export async function villageMeetings(deps: Deps, actor: Actor, villageId: string) {
  const v = await villageAmong(deps.db, villageId, await auditScope(deps.db, actor));
  if (!v) throw new DomainError("NOT_FOUND");
  return { village: v, ...(await meetingsView(deps, v.id)) };
}

async function meetingsView(deps: Deps, villageId: string) {
  return viewOf(deps, villageId, await repo.listMeetings(deps.db, villageId, LIST_MAX));
}

const agendaOf = (rows: AgendaRow[], meetingId: string) =>
  rows.filter((a) => a.meetingId === meetingId).map((a) => ({ id: a.id, text: a.text, motionId: a.motionId, outcome: a.outcome }));

async function viewOf(deps: Deps, villageId: string, meetings: MeetingRow[]) {
  const agenda = await repo.listAgenda(deps.db, villageId, meetings.map((m) => m.id));
  const attendance = await repo.listAttendance(deps.db, villageId, meetings.map((m) => m.id));
  const bodyIds = [...new Set(meetings.map((m) => m.bodyId))];
  const terms = await bodyRepo.listMembers(deps.db, villageId, bodyIds);
  const labels = await memberLabels(deps.db, [...terms.map((t) => t.householdMemberId), ...attendance.map((a) => a.householdMemberId)]);
  return {
    items: meetings.map((m) => {
      const day = villageDay(m.startsAt);
      const mine = attendance.filter((a) => a.meetingId === m.id);
      const members = terms
        .filter((t) => t.bodyId === m.bodyId && termCovers(t, day))
        .map((t) => {
          const a = mine.find((x) => x.householdMemberId === t.householdMemberId);
          const l = labels.get(t.householdMemberId);
          return { personId: t.householdMemberId, name: l?.name ?? "", householdNumber: l?.householdNumber ?? "", role: t.role, present: !!a, channel: a?.channel ?? null };
        });
      const live = { expected: members.length, present: members.filter((x) => x.present).length };
      const expected = m.status === "HELD" ? (m.expected ?? 0) : live.expected;
      const present = m.status === "HELD" ? (m.present ?? 0) : live.present;
      return {
        id: m.id,
        body: m.body,
        title: m.title,
        startsAt: m.startsAt,
        place: m.place,
        agenda: agendaOf(agenda, m.id),
        status: m.status,
        noticeId: m.noticeId,
        minutesNoticeId: m.minutesNoticeId,
        rule: quorumRule(m.body.kind),
        expected,
        present,
        valid: m.status === "HELD" ? !!m.valid : meetingValid(m.body.kind, expected, present),
        members,
      };
    }),
  };
}

// ───────── Agenda items (docs/architecture.md, "Meetings") ─────────

/** Locks a scheduled meeting of the village for an agenda change. Throws NOT_FOUND, MEETING_HELD. */
async function scheduledForChange(tx: Tx, villageId: string, meetingId: string) {
  await repo.lockMeeting(tx, villageId, meetingId);
  const meeting = await repo.findMeeting(tx, villageId, meetingId);
  if (!meeting) throw new DomainError("NOT_FOUND");
  if (meeting.status !== "SCHEDULED") throw new DomainError("MEETING_HELD");
  return meeting;
}

/** After an agenda change: the 会议通知 (if one was posted) is corrected to the new agenda (更正, versioned). */
async function refreshNotice(tx: Tx, actor: Actor, meeting: MeetingRow, at: Date) {
  if (!meeting.noticeId) return;
  const villageId = noticeVillage(actor);
  const items = await repo.listAgenda(tx, villageId, [meeting.id]);
  await correctInTx(tx, {
    villageId,
    id: meeting.noticeId,
    body: noticeText(meeting.body.name, meeting.startsAt, meeting.place, items),
    reason: "议程调整",
    publishedById: actor.userId,
    at,
  });
}

/**
 * Adds an item at the end of a scheduled meeting's agenda, optionally about a motion of the same
 * village. Throws NOT_FOUND (meeting or motion not of the village), MEETING_HELD, MEETING_AGENDA_FULL.
 */
export async function addAgendaItem(deps: Deps, actor: Actor, input: AgendaAddInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const meeting = await scheduledForChange(tx, villageId, input.meetingId);
    if (input.motionId && !(await findMotion(tx, villageId, input.motionId))) throw new DomainError("NOT_FOUND");
    const items = await repo.listAgenda(tx, villageId, [meeting.id]);
    if (items.length >= AGENDA_ITEMS_MAX) throw new DomainError("MEETING_AGENDA_FULL", { max: AGENDA_ITEMS_MAX });
    const position = items.reduce((max, a) => Math.max(max, a.position + 1), 0);
    const item = await repo.createAgendaItem(tx, { meetingId: meeting.id, villageId, position, text: input.text, motionId: input.motionId ?? null });
    await refreshNotice(tx, actor, meeting, at);
    await recordAudit(tx, actor, { regionId: villageId, action: "meeting.agenda", entity: "MeetingAgendaItem", entityId: item.id, after: { meetingId: meeting.id, op: "add", text: input.text, motionId: input.motionId ?? null } });
    return { id: item.id };
  });
}

/** Removes an item from a scheduled meeting's agenda (the rest keep their order). Throws NOT_FOUND, MEETING_HELD. */
export async function removeAgendaItem(deps: Deps, actor: Actor, input: AgendaRemoveInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const item = await repo.findAgendaItem(tx, villageId, input.id);
    if (!item) throw new DomainError("NOT_FOUND");
    const meeting = await scheduledForChange(tx, villageId, item.meetingId);
    await repo.deleteAgendaItem(tx, villageId, item.id);
    const rest = await repo.listAgenda(tx, villageId, [meeting.id]);
    await repo.setAgendaOrder(tx, villageId, meeting.id, rest.map((a) => a.id));
    await refreshNotice(tx, actor, meeting, at);
    await recordAudit(tx, actor, { regionId: villageId, action: "meeting.agenda", entity: "MeetingAgendaItem", entityId: item.id, before: { text: item.text, position: item.position }, after: { meetingId: meeting.id, op: "remove" } });
    return { id: item.id };
  });
}

/** Puts a scheduled meeting's items in the given order (every item once). Throws NOT_FOUND, MEETING_HELD, INVALID_INPUT. */
export async function reorderAgenda(deps: Deps, actor: Actor, input: AgendaReorderInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const meeting = await scheduledForChange(tx, villageId, input.meetingId);
    const items = await repo.listAgenda(tx, villageId, [meeting.id]);
    const have = new Set(items.map((a) => a.id));
    if (input.ids.length !== items.length || input.ids.some((id) => !have.has(id))) throw new DomainError("INVALID_INPUT");
    await repo.setAgendaOrder(tx, villageId, meeting.id, input.ids);
    await refreshNotice(tx, actor, meeting, at);
    await recordAudit(tx, actor, { regionId: villageId, action: "meeting.agenda", entity: "Meeting", entityId: meeting.id, before: { ids: items.map((a) => a.id).join(",") }, after: { op: "reorder", ids: input.ids.join(",") } });
    return { id: meeting.id };
  });
}

// ───────── Attendance by the kiosk's QR and by printed card ─────────

type Marked = { outcome: "PRESENT" | "ALREADY_PRESENT"; attendanceId: string; channel: AttendanceChannel; at: Date };

/**
 * Records one person present under the meeting's lock, or returns their first row (a retry, or
 * another channel first). Throws NOT_FOUND, MEETING_HELD, MEETING_NOT_MEMBER.
 */
async function markOnce(tx: Tx, actor: Actor, villageId: string, meetingId: string, channel: AttendanceChannel, who: (m: { householdMemberId: string; userId: string | null }) => boolean): Promise<Marked> {
  await repo.lockMeeting(tx, villageId, meetingId);
  const meeting = await repo.findMeeting(tx, villageId, meetingId);
  if (!meeting) throw new DomainError("NOT_FOUND");
  if (meeting.status !== "SCHEDULED") throw new DomainError("MEETING_HELD");
  const member = (await expectedMembers(tx, villageId, meeting.bodyId, meeting.startsAt)).find(who);
  if (!member) throw new DomainError("MEETING_NOT_MEMBER");
  const first = await repo.findAttendance(tx, villageId, meeting.id, member.householdMemberId);
  if (first) return { outcome: "ALREADY_PRESENT", attendanceId: first.id, channel: first.channel, at: first.createdAt };
  const a = await repo.createAttendance(tx, { meetingId: meeting.id, villageId, bodyMemberId: member.id, householdMemberId: member.householdMemberId, channel, markedById: actor.userId });
  await recordAudit(tx, actor, { regionId: villageId, action: "meeting.attend", entity: "MeetingAttendance", entityId: a.id, after: { meetingId: meeting.id, bodyMemberId: member.id, channel } });
  return { outcome: "PRESENT", attendanceId: a.id, channel, at: a.createdAt };
}

/** Live 应到 / 实到 of a scheduled meeting and the names of who is present, latest first. */
async function liveFigures(deps: Deps, villageId: string, meeting: MeetingRow) {
  const expected = await expectedMembers(deps.db, villageId, meeting.bodyId, meeting.startsAt);
  const ids = new Set(expected.map((m) => m.householdMemberId));
  const rows = (await repo.listAttendance(deps.db, villageId, [meeting.id])).filter((a) => ids.has(a.householdMemberId));
  const labels = await memberLabels(deps.db, rows.map((a) => a.householdMemberId));
  return {
    expected: expected.length,
    present: rows.length,
    valid: meetingValid(meeting.body.kind, expected.length, rows.length),
    recent: rows
      .slice(-KIOSK_RECENT)
      .reverse()
      .map((a) => ({ id: a.id, name: labels.get(a.householdMemberId)?.name ?? "", channel: a.channel, at: a.createdAt })),
  };
}
const KIOSK_RECENT = 6;

/**
 * The secretary's kiosk for a scheduled meeting: the rotating QR (new every 30 s, valid this window
 * and the previous), when it rotates, the live 应到 / 实到 and who came last. Throws NOT_FOUND, MEETING_HELD.
 */
export async function kiosk(deps: Deps, actor: Actor, input: { id: string }) {
  const villageId = noticeVillage(actor);
  const now = deps.now();
  const m = await repo.findMeetingWithSecret(deps.db, villageId, input.id);
  if (!m) throw new DomainError("NOT_FOUND");
  if (m.status !== "SCHEDULED") throw new DomainError("MEETING_HELD");
  const token = signMeetingRotating({ meetingId: m.id, villageId, secret: m.secret }, now.getTime());
  const [qr, live] = await Promise.all([qrDataUrl(token), liveFigures(deps, villageId, m)]);
  return {
    meeting: { id: m.id, title: m.title, place: m.place, startsAt: m.startsAt, body: m.body },
    rule: quorumRule(m.body.kind),
    token,
    qr,
    serverNow: now,
    rotatesAt: new Date(windowEndsAt(now.getTime())),
    ...live,
  };
}

function meetingTokenError(reason: TokenReason): DomainError {
  return new DomainError(reason === "EXPIRED" ? "MEETING_CODE_EXPIRED" : "MEETING_CODE_INVALID");
}

/**
 * A member scans the meeting kiosk's QR with their own phone: recorded present with channel QR, once
 * (a retry answers ALREADY_PRESENT with the first row). Refusals write nothing. Throws
 * MEETING_CODE_INVALID (forged, truncated, another village's), MEETING_CODE_EXPIRED (older than the
 * previous window), NOT_FOUND, MEETING_HELD, MEETING_NOT_MEMBER (not a member of the body on the day,
 * or an account linked to no one of the village).
 */
export async function checkIn(deps: Deps, actor: Actor, input: MeetingCheckInInput) {
  const villageId = noticeVillage(actor);
  const now = deps.now();
  const parsed = parseMeetingToken(input.token);
  if (!parsed.ok) throw meetingTokenError(parsed.reason);
  if (parsed.token.villageId !== villageId) throw new DomainError("MEETING_CODE_INVALID");
  const m = await repo.findMeetingWithSecret(deps.db, villageId, parsed.token.meetingId);
  if (!m) throw new DomainError("MEETING_CODE_INVALID");
  const v = verifyMeetingParsed(parsed.token, { meetingId: m.id, villageId, secret: m.secret }, now.getTime());
  if (!v.ok) throw meetingTokenError(v.reason);
  const person = await householdOfUser(deps.db, villageId, actor.userId);
  const r = await deps.db.$transaction((tx) =>
    markOnce(tx, actor, villageId, m.id, "QR", (x) => (person != null && x.householdMemberId === person.id) || x.userId === actor.userId),
  );
  return { ...r, meeting: { id: m.id, title: m.title, place: m.place, body: m.body.name }, name: person?.name ?? "" };
}

/**
 * The secretary or a grid worker scans a household's printed card: the household's members who are
 * members of the meeting's body on its day are offered (present or not, and how); with `personIds`
 * those are marked present with channel CARD (already present ones keep their first row). A grid
 * worker may only use cards of their own grid's households. Throws CARD_INVALID, CARD_NOT_FOUND,
 * PROXY_OUT_OF_GRID, NOT_FOUND, MEETING_HELD, MEETING_NOT_MEMBER (a named person is not one of those offered).
 */
export async function card(deps: Deps, actor: Actor, input: MeetingCardInput) {
  const villageId = noticeVillage(actor);
  const householdId = parseCard(input.card);
  if (!householdId) throw new DomainError("CARD_INVALID");
  const h = await householdInVillage(deps.db, villageId, householdId);
  if (!h) throw new DomainError("CARD_NOT_FOUND");
  if (actor.role === "GRID_WORKER") await actingFor(deps.db, actor, h.id);
  const meeting = await repo.findMeeting(deps.db, villageId, input.meetingId);
  if (!meeting) throw new DomainError("NOT_FOUND");
  if (meeting.status !== "SCHEDULED") throw new DomainError("MEETING_HELD");
  const offered = (await expectedMembers(deps.db, villageId, meeting.bodyId, meeting.startsAt)).filter((m) => m.householdId === h.id);
  const wanted = [...new Set(input.personIds ?? [])];
  if (wanted.some((p) => !offered.some((m) => m.householdMemberId === p))) throw new DomainError("MEETING_NOT_MEMBER");
  const marked: string[] = [];
  for (const p of wanted) {
    const r = await deps.db.$transaction((tx) => markOnce(tx, actor, villageId, meeting.id, "CARD", (x) => x.householdMemberId === p));
    if (r.outcome === "PRESENT") marked.push(p);
  }
  const attendance = await repo.listAttendance(deps.db, villageId, [meeting.id]);
  const labels = await memberLabels(deps.db, offered.map((m) => m.householdMemberId));
  const live = await liveFigures(deps, villageId, meeting);
  return {
    meeting: { id: meeting.id, title: meeting.title },
    household: { id: h.id, number: h.number, headName: h.headName },
    marked,
    members: offered.map((m) => {
      const a = attendance.find((x) => x.householdMemberId === m.householdMemberId);
      return { personId: m.householdMemberId, name: labels.get(m.householdMemberId)?.name ?? "", role: m.role, present: !!a, channel: a?.channel ?? null };
    }),
    expected: live.expected,
    present: live.present,
  };
}

/**
 * A villager's meetings (村务 · 会议): those of the bodies they serve in and every village-wide
 * 村民会议 (ASSEMBLY); upcoming ones with time, place and agenda, held ones with 应到 / 实到, valid
 * or not and the minutes notice. No member lists (names of who attended are not shown here).
 */
export async function villagerMeetings(deps: Deps, actor: Actor) {
  const villageId = noticeVillage(actor);
  const person = await householdOfUser(deps.db, villageId, actor.userId);
  const bodyIds = person ? await bodyRepo.bodiesOfPerson(deps.db, villageId, person.id) : [];
  const view = await viewOf(deps, villageId, await repo.listMeetingsOfBodies(deps.db, villageId, bodyIds, LIST_MAX));
  const items = view.items.map(({ members, ...m }) => ({ ...m, mine: members.some((x) => x.personId === person?.id) }));
  return {
    upcoming: items.filter((m) => m.status === "SCHEDULED").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    past: items.filter((m) => m.status === "HELD"),
  };
}

/** The village's scheduled meetings for the card scan (secretary, grid workers): title, body, time, place, 应到 / 实到. */
export async function upcomingForStaff(deps: Deps, actor: Actor) {
  const view = await meetingsView(deps, noticeVillage(actor));
  return {
    items: view.items
      .filter((m) => m.status === "SCHEDULED")
      .map((m) => ({ id: m.id, title: m.title, body: m.body, startsAt: m.startsAt, place: m.place, expected: m.expected, present: m.present })),
  };
}
