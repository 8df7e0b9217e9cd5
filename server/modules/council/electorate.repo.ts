/**
 * Prisma queries for a motion's electorate beyond the whole village: a body of the village and the
 * people whose term in it runs on a day (the electorate a body's motion freezes when it opens).
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export function findVillageBody(db: Reader, villageId: string, bodyId: string) {
  return db.body.findFirst({ where: { id: bodyId, villageId }, select: { id: true, kind: true, name: true } });
}

/** The distinct people (HouseholdMember ids) whose term in the body runs on `day` (a Date at UTC midnight). */
export async function currentMemberPersons(db: Reader, villageId: string, bodyId: string, day: Date): Promise<string[]> {
  const rows = await db.bodyMember.findMany({
    where: { villageId, bodyId, endedAt: null, termStart: { lte: day }, OR: [{ termEnd: null }, { termEnd: { gte: day } }] },
    select: { householdMemberId: true },
    orderBy: { householdMemberId: "asc" },
    take: 2000,
  });
  return [...new Set(rows.map((r) => r.householdMemberId))];
}

/** The bodies the committee may name as an electorate (for the motion form). */
export function villageBodies(db: Reader, villageId: string) {
  return db.body.findMany({ where: { villageId }, select: { id: true, kind: true, name: true }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }], take: 100 });
}
