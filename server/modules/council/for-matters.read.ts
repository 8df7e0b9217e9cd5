/**
 * What 村民说事 (matters) reads about meetings: the village's SCHEDULED meetings a matter can be put on,
 * and the title and time of the meetings matters were put on. Matters keep the link (Matter.meetingId).
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export type MeetingForMatter = { id: string; title: string; startsAt: Date; place: string; status: "SCHEDULED" | "HELD" };

const SELECT = { id: true, title: true, startsAt: true, place: true, status: true } as const;

/** The village's scheduled meetings, soonest first. */
export function scheduledMeetings(db: Reader, villageId: string, take = 50): Promise<MeetingForMatter[]> {
  return db.meeting.findMany({ where: { villageId, status: "SCHEDULED" }, select: SELECT, orderBy: { startsAt: "asc" }, take });
}

/** One scheduled meeting of the village, or null. */
export function scheduledMeeting(db: Reader, villageId: string, id: string): Promise<MeetingForMatter | null> {
  return db.meeting.findFirst({ where: { id, villageId, status: "SCHEDULED" }, select: SELECT });
}

/** The village's meetings among `ids`. */
export async function meetingsByIds(db: Reader, villageId: string, ids: string[]): Promise<Map<string, MeetingForMatter>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.meeting.findMany({ where: { villageId, id: { in: unique } }, select: SELECT });
  return new Map(rows.map((m) => [m.id, m]));
}
