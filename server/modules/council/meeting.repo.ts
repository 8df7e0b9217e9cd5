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
  agenda: true,
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

export function createMeeting(
  tx: Tx,
  data: { villageId: string; bodyId: string; title: string; startsAt: Date; place: string; agenda: string[]; createdById: string },
) {
  return tx.meeting.create({ data, select: { id: true } });
}

export async function setNotice(tx: Tx, villageId: string, id: string, noticeId: string) {
  await tx.meeting.updateMany({ where: { id, villageId }, data: { noticeId } });
}

export function findMeeting(db: Reader, villageId: string, id: string) {
  return db.meeting.findFirst({ where: { id, villageId }, select: MEETING_SELECT });
}

export function listMeetings(db: Reader, villageId: string, take: number) {
  return db.meeting.findMany({ where: { villageId }, select: MEETING_SELECT, orderBy: [{ startsAt: "desc" }, { id: "asc" }], take });
}

export function listAttendance(db: Reader, villageId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.meetingAttendance.findMany({ where: { villageId, meetingId: { in: meetingIds } }, select: ATTENDANCE_SELECT, orderBy: { createdAt: "asc" }, take: 5000 });
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
