/** Prisma queries of meetings and their attendance; every query names the village in its `where`. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { AttendanceChannel } from "./meeting.schema";

type Reader = Db | Tx;

const MEETING_SELECT = {
  id: true,
  bodyId: true,
  title: true,
  startsAt: true,
  place: true,
  status: true,
  noticeId: true,
  minutesNoticeId: true,
  expected: true,
  present: true,
  valid: true,
  createdAt: true,
  body: { select: { id: true, kind: true, name: true } },
} as const;

const ATTENDANCE_SELECT = { id: true, meetingId: true, bodyMemberId: true, householdMemberId: true, channel: true, createdAt: true } as const;

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function createMeeting(
  tx: Tx,
  data: { villageId: string; bodyId: string; title: string; startsAt: Date; place: string; agenda: string[]; secret: string; createdById: string },
) {
  const { agenda, ...meeting } = data;
  const m = await tx.meeting.create({ data: meeting, select: { id: true } });
  await tx.meetingAgendaItem.createMany({ data: agenda.map((text, position) => ({ meetingId: m.id, villageId: data.villageId, position, text })) });
  return m;
}

export async function setNotice(tx: Tx, villageId: string, id: string, noticeId: string) {
  await tx.meeting.updateMany({ where: { id, villageId }, data: { noticeId } });
}

export function findMeeting(db: Reader, villageId: string, id: string) {
  return db.meeting.findFirst({ where: { id, villageId }, select: MEETING_SELECT });
}

/** The meeting with its signing secret: only for the kiosk and for checking a scanned token. */
export function findMeetingWithSecret(db: Reader, villageId: string, id: string) {
  return db.meeting.findFirst({ where: { id, villageId }, select: { ...MEETING_SELECT, secret: true } });
}

export function listMeetings(db: Reader, villageId: string, take: number) {
  return db.meeting.findMany({ where: { villageId }, select: MEETING_SELECT, orderBy: [{ startsAt: "desc" }, { id: "asc" }], take });
}

/** Meetings of these bodies or of any village-wide assembly (村民会议) of the village, newest first. */
export function listMeetingsOfBodies(db: Reader, villageId: string, bodyIds: string[], take: number) {
  return db.meeting.findMany({
    where: { villageId, OR: [{ bodyId: { in: bodyIds } }, { body: { kind: "ASSEMBLY" } }] },
    select: MEETING_SELECT,
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take,
  });
}

// ───────── Agenda items ─────────

const AGENDA_SELECT = { id: true, meetingId: true, position: true, text: true, motionId: true, outcome: true } as const;
export type AgendaRow = { id: string; meetingId: string; position: number; text: string; motionId: string | null; outcome: string | null };

/** The agenda items of these meetings, each meeting's in order. */
export function listAgenda(db: Reader, villageId: string, meetingIds: string[]): Promise<AgendaRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.meetingAgendaItem.findMany({
    where: { villageId, meetingId: { in: meetingIds } },
    select: AGENDA_SELECT,
    orderBy: [{ meetingId: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    take: 2000,
  });
}

export function findAgendaItem(db: Reader, villageId: string, id: string) {
  return db.meetingAgendaItem.findFirst({ where: { id, villageId }, select: AGENDA_SELECT });
}

export function createAgendaItem(tx: Tx, data: { meetingId: string; villageId: string; position: number; text: string; motionId: string | null }) {
  return tx.meetingAgendaItem.create({ data, select: AGENDA_SELECT });
}

export async function deleteAgendaItem(tx: Tx, villageId: string, id: string) {
  await tx.meetingAgendaItem.deleteMany({ where: { id, villageId } });
}

/** Sets the items' positions to their index in `ids` (all of the meeting's items). */
export async function setAgendaOrder(tx: Tx, villageId: string, meetingId: string, ids: string[]) {
  for (const [position, id] of ids.entries()) {
    await tx.meetingAgendaItem.updateMany({ where: { id, villageId, meetingId }, data: { position } });
  }
}

export async function setAgendaOutcome(tx: Tx, villageId: string, meetingId: string, id: string, outcome: string | null) {
  await tx.meetingAgendaItem.updateMany({ where: { id, villageId, meetingId }, data: { outcome } });
}

export function listAttendance(db: Reader, villageId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.meetingAttendance.findMany({ where: { villageId, meetingId: { in: meetingIds } }, select: ATTENDANCE_SELECT, orderBy: { createdAt: "asc" }, take: 5000 });
}

/** One person's attendance row at the meeting, if any. */
export function findAttendance(db: Reader, villageId: string, meetingId: string, householdMemberId: string) {
  return db.meetingAttendance.findFirst({ where: { villageId, meetingId, householdMemberId }, select: ATTENDANCE_SELECT });
}

export function createAttendance(
  tx: Tx,
  data: { meetingId: string; villageId: string; bodyMemberId: string; householdMemberId: string; channel: AttendanceChannel; markedById: string },
) {
  return tx.meetingAttendance.create({ data, select: ATTENDANCE_SELECT });
}

/** Marks a scheduled meeting HELD with its frozen figures and minutes; 0 when it was already held. */
export async function markHeld(tx: Tx, villageId: string, id: string, data: { expected: number; present: number; valid: boolean; minutesNoticeId: string }) {
  return (await tx.meeting.updateMany({ where: { id, villageId, status: "SCHEDULED" }, data: { ...data, status: "HELD" } })).count;
}

/** Locks the meeting's row for the rest of the transaction (attendance and minutes serialize on it). */
export async function lockMeeting(tx: Tx, villageId: string, id: string) {
  await tx.$executeRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${id} AND "villageId" = ${villageId} FOR UPDATE`;
}
