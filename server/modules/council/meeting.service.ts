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
import { villageDay, villageMinute } from "@/server/lib/village-time.schema";
import { auditScope, recordAudit } from "../audit/audit.service";
import { memberLabels } from "../households/member.read";
import { notifyManyInTx } from "../notifications/notification.service";
import { villageAmong } from "../regions/region.read";
import * as bodyRepo from "./body.repo";
import type { BodyKind } from "./body.schema";
import { meetingValid, quorumRule, termCovers } from "./meeting.rules";
import * as repo from "./meeting.repo";
import type { MarkAttendanceInput, PublishMinutesInput, ScheduleMeetingInput } from "./meeting.schema";
import { noticeVillage } from "./notice.policy";
import { publishInTx } from "./notice.service";
import { NOTICE_TITLE_MAX } from "./notice.schema";

const LIST_MAX = 100;

const noticeTitle = (prefix: string, title: string) => `${prefix}${title}`.slice(0, NOTICE_TITLE_MAX);

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
      createdById: actor.userId,
    });
    let noticeId: string | null = null;
    if (input.postNotice) {
      const text = [
        `**${body.name}**定于 ${villageMinute(input.startsAt)} 在 ${input.place} 召开会议。`,
        "",
        "议程：",
        "",
        ...input.agenda.map((a, i) => `${i + 1}. ${a}`),
      ].join("\n");
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
function minutesText(kind: BodyKind, bodyName: string, startsAt: Date, place: string, agenda: string[], expected: number, present: number, valid: boolean, minutes: string) {
  const rule = quorumRule(kind) === "TWO_THIRDS" ? "三分之二以上" : "过半数";
  return [
    `**${bodyName}** ${villageMinute(startsAt)}，${place}`,
    "",
    `应到 ${expected} 人，实到 ${present} 人。按规定须${rule}到会，本次会议${valid ? "有效" : "无效（未达到法定人数）"}。`,
    "",
    "议程：",
    "",
    ...agenda.map((a, i) => `${i + 1}. ${a}`),
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
    const text = minutesText(meeting.body.kind, meeting.body.name, meeting.startsAt, meeting.place, meeting.agenda, expected.length, present, valid, input.minutes);
    const notice = await publishInTx(tx, { villageId, kind: "MINUTES", title: noticeTitle("会议纪要：", meeting.title), body: text, publishedById: actor.userId, at });
    if ((await repo.markHeld(tx, villageId, meeting.id, { expected: expected.length, present, valid, minutesNoticeId: notice.id })) === 0) {
      throw new DomainError("MEETING_HELD");
    }
    await recordAudit(tx, actor, { regionId: villageId, action: "meeting.minutes", entity: "Meeting", entityId: meeting.id, after: { expected: expected.length, present, valid, minutesNoticeId: notice.id } });
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
  const meetings = await repo.listMeetings(deps.db, villageId, LIST_MAX);
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
        agenda: m.agenda,
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
