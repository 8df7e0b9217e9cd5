/**
 * What the mediation module reads about bodies: the current members of the village's 人民调解委员会
 * (a body of kind MEDIATION), who may mediate its cases and read all of them.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { termCovers } from "./meeting.rules";

type Reader = Db | Tx;

export type MediationCommitteeMember = { householdMemberId: string; userId: string | null; role: string };

/** The members of the village's MEDIATION bodies whose term covers `day` ("YYYY-MM-DD") and was not ended. */
export async function mediationCommittee(db: Reader, villageId: string, day: string): Promise<MediationCommitteeMember[]> {
  const rows = await db.bodyMember.findMany({
    where: { villageId, endedAt: null, body: { kind: "MEDIATION" } },
    select: { householdMemberId: true, userId: true, role: true, termStart: true, termEnd: true },
    orderBy: [{ termStart: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  return rows.filter((m) => termCovers(m, day)).map((m) => ({ householdMemberId: m.householdMemberId, userId: m.userId, role: m.role }));
}
