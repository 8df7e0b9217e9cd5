/** Prisma queries for paper ballots: a motion's elector rows by id, and its electorate as a list for the secretary. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { ElectorKey } from "./motion.repo";

type Reader = Db | Tx;

const ELECTOR_SELECT = { id: true, householdId: true, householdMemberId: true, votedAt: true, channel: true, enteredById: true, meetingId: true } as const;

export type ElectorRow = { id: string; householdId: string | null; householdMemberId: string | null; votedAt: Date | null; channel: "APP" | "PAPER" | null };

export function keyOf(e: { householdId: string | null; householdMemberId: string | null }): ElectorKey {
  return e.householdMemberId ? { householdMemberId: e.householdMemberId } : { householdId: e.householdId! };
}

/** The motion's elector rows with these ids (rows of another motion are not returned). */
export function electorsByIds(db: Reader, motionId: string, ids: string[]) {
  return db.motionElector.findMany({ where: { motionId, id: { in: ids } }, select: ELECTOR_SELECT, orderBy: { id: "asc" } });
}

/** The motion's whole frozen electorate, for the secretary's list. */
export function electorsOf(db: Reader, motionId: string) {
  return db.motionElector.findMany({ where: { motionId }, select: ELECTOR_SELECT, orderBy: { id: "asc" }, take: 5000 });
}

/** The village's meetings a paper ballot may have been handed in at (the body's, or any for a village-wide vote), newest first. */
export function meetingsFor(db: Reader, villageId: string, bodyId: string | null) {
  return db.meeting.findMany({
    where: { villageId, ...(bodyId ? { bodyId } : {}) },
    select: { id: true, title: true, startsAt: true },
    orderBy: { startsAt: "desc" },
    take: 30,
  });
}
