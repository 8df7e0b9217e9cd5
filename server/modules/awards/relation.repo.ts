/** Queries of declared and proposed relations (RelatedHousehold), with explicit `select`. */
import type { Db } from "@/server/db/client";
import type { RelationStatus } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

const relationSelect = {
  id: true,
  villageId: true,
  userId: true,
  householdId: true,
  relation: true,
  status: true,
  proposedById: true,
  answeredAt: true,
  createdAt: true,
} as const;

export function findRelation(db: Reader, userId: string, householdId: string) {
  return db.relatedHousehold.findUnique({ where: { userId_householdId: { userId, householdId } }, select: relationSelect });
}

export function findRelationById(db: Reader, villageId: string, id: string) {
  return db.relatedHousehold.findFirst({ where: { id, villageId }, select: relationSelect });
}

export function upsertRelation(
  tx: Tx,
  r: { villageId: string; userId: string; householdId: string; relation: string; status: RelationStatus; proposedById: string | null; now: Date },
) {
  const fields = { relation: r.relation, status: r.status, proposedById: r.proposedById, answeredAt: null };
  return tx.relatedHousehold.upsert({
    where: { userId_householdId: { userId: r.userId, householdId: r.householdId } },
    create: { villageId: r.villageId, userId: r.userId, householdId: r.householdId, createdAt: r.now, ...fields },
    update: fields,
    select: { id: true },
  });
}

/** Moves a PROPOSED relation to `status`; false when it was no longer PROPOSED (someone answered first). */
export async function answerRelation(tx: Tx, id: string, status: "CONFIRMED" | "DISPUTED", now: Date): Promise<boolean> {
  const res = await tx.relatedHousehold.updateMany({ where: { id, status: "PROPOSED" }, data: { status, answeredAt: now } });
  return res.count === 1;
}

export function listRelations(db: Reader, villageId: string, userId?: string) {
  return db.relatedHousehold.findMany({
    where: { villageId, ...(userId ? { userId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: relationSelect,
  });
}

/** The user's relations that block reviewing (everything but DISPUTED), by household. */
export async function blockingRelations(db: Reader, userId: string): Promise<Map<string, RelationStatus>> {
  const rows = await db.relatedHousehold.findMany({
    where: { userId, status: { not: "DISPUTED" } },
    select: { householdId: true, status: true },
  });
  return new Map(rows.map((r) => [r.householdId, r.status]));
}
