/** Prisma queries of bodies and their members' terms; every query names the village in its `where`. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { BodyKind, BodyRole } from "./body.schema";

type Reader = Db | Tx;

/** Serializes changes to a village's bodies, so two additions cannot both pass the separation check. */
const BODY_LOCK_CLASS = 4107;

export async function lockVillageBodies(tx: Tx, villageId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BODY_LOCK_CLASS}::int, hashtext(${villageId}))`;
}

const BODY_SELECT = { id: true, kind: true, name: true, createdAt: true } as const;
const MEMBER_SELECT = {
  id: true,
  bodyId: true,
  householdMemberId: true,
  householdId: true,
  userId: true,
  role: true,
  termStart: true,
  termEnd: true,
  endedAt: true,
  createdAt: true,
} as const;

export function createBody(tx: Tx, data: { villageId: string; kind: BodyKind; name: string; createdById: string }) {
  return tx.body.create({ data, select: BODY_SELECT });
}

export function findBody(db: Reader, villageId: string, id: string) {
  return db.body.findFirst({ where: { id, villageId }, select: BODY_SELECT });
}

export function listBodies(db: Reader, villageId: string) {
  return db.body.findMany({ where: { villageId }, select: BODY_SELECT, orderBy: [{ kind: "asc" }, { createdAt: "asc" }], take: 100 });
}

/** Every term of the village's bodies (current and past), oldest first. */
export function listMembers(db: Reader, villageId: string, bodyIds: string[]) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db.bodyMember.findMany({
    where: { villageId, bodyId: { in: bodyIds } },
    select: MEMBER_SELECT,
    orderBy: [{ termStart: "asc" }, { createdAt: "asc" }],
    take: 2000,
  });
}

/** The terms not ended by the committee in the village's bodies of `kind` (the caller drops those past their end). */
export function unendedTermsOfKind(db: Reader, villageId: string, kind: BodyKind) {
  return db.bodyMember.findMany({ where: { villageId, endedAt: null, body: { kind } }, select: MEMBER_SELECT, take: 2000 });
}

/** Ids of the bodies in which the person has a term not ended by the committee. */
export async function bodiesOfPerson(db: Reader, villageId: string, householdMemberId: string): Promise<string[]> {
  const rows = await db.bodyMember.findMany({ where: { villageId, householdMemberId, endedAt: null }, select: { bodyId: true }, take: 100 });
  return [...new Set(rows.map((r) => r.bodyId))];
}

/** The person's terms in the body not ended by the committee. */
export function unendedTermsOf(db: Reader, villageId: string, bodyId: string, householdMemberId: string) {
  return db.bodyMember.findMany({ where: { villageId, bodyId, householdMemberId, endedAt: null }, select: MEMBER_SELECT });
}

export function findMember(db: Reader, villageId: string, id: string) {
  return db.bodyMember.findFirst({ where: { id, villageId }, select: { ...MEMBER_SELECT, body: { select: BODY_SELECT } } });
}

export function createMember(
  tx: Tx,
  data: {
    bodyId: string;
    villageId: string;
    householdMemberId: string;
    householdId: string;
    userId: string | null;
    role: BodyRole;
    termStart: Date;
    termEnd: Date | null;
    createdById: string;
  },
) {
  return tx.bodyMember.create({ data, select: MEMBER_SELECT });
}

/** Ends a running term on `termEnd`; 0 when it was already ended. */
export async function endTerm(tx: Tx, villageId: string, id: string, termEnd: Date, at: Date) {
  return (await tx.bodyMember.updateMany({ where: { id, villageId, endedAt: null }, data: { termEnd, endedAt: at } })).count;
}
