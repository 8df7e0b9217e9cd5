/** Prisma queries of 人民调解 cases, their parties, mediators and sessions (explicit selects only). */
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";
import type { MediationStatus, MediationType } from "./mediation.schema";

type Reader = Db | Tx;

/**
 * Who may read which cases of the village: everything (the village committee, the 人民调解委员会), or
 * only the cases the account mediates or its households are parties to.
 */
export type CaseScope = { villageId: string; all: boolean; userId: string; householdIds: string[] };

export function scopeWhere(s: CaseScope): Prisma.MediationCaseWhereInput {
  if (s.all) return { villageId: s.villageId };
  return {
    villageId: s.villageId,
    OR: [
      { mediators: { some: { villageId: s.villageId, userId: s.userId } } },
      ...(s.householdIds.length ? [{ parties: { some: { villageId: s.villageId, householdId: { in: s.householdIds } } } }] : []),
    ],
  };
}

const CASE_SELECT = {
  id: true,
  villageId: true,
  type: true,
  summary: true,
  status: true,
  sourceKind: true,
  sourceId: true,
  openedAt: true,
  deadlineAt: true,
  agreement: true,
  agreedAt: true,
  referralReason: true,
  withdrawReason: true,
  closedAt: true,
  followUpAt: true,
  followUpNotes: true,
  parties: { select: { householdId: true, confirmedAt: true, confirmChannel: true }, orderBy: { id: "asc" } },
  mediators: { select: { userId: true, name: true, kind: true }, orderBy: { id: "asc" } },
  sessions: {
    select: { id: true, startsAt: true, place: true, attendedHouseholdIds: true, notes: true, recordedAt: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.MediationCaseSelect;

export type CaseRow = Prisma.MediationCaseGetPayload<{ select: typeof CASE_SELECT }>;

/** Holds the case row until COMMIT, so steps on one case (two confirmations at once) queue. */
export async function lockCase(tx: Tx, villageId: string, id: string) {
  await tx.$executeRaw`SELECT 1 FROM "MediationCase" WHERE "id" = ${id} AND "villageId" = ${villageId} FOR UPDATE`;
}

export function findCase(db: Reader, scope: CaseScope, id: string): Promise<CaseRow | null> {
  return db.mediationCase.findFirst({ where: { AND: [scopeWhere(scope), { id }] }, select: CASE_SELECT });
}

export function listCases(db: Reader, scope: CaseScope, take: number): Promise<CaseRow[]> {
  return db.mediationCase.findMany({ where: scopeWhere(scope), select: CASE_SELECT, orderBy: [{ openedAt: "desc" }, { id: "desc" }], take });
}

export async function createCase(
  tx: Tx,
  data: {
    villageId: string;
    type: MediationType;
    summary: string;
    openedAt: Date;
    deadlineAt: Date;
    openedById: string;
    householdIds: string[];
    mediators: { userId: string; name: string; kind: "BODY_MEMBER" | "GRID_WORKER" }[];
  },
) {
  const c = await tx.mediationCase.create({
    data: { villageId: data.villageId, type: data.type, summary: data.summary, openedAt: data.openedAt, deadlineAt: data.deadlineAt, openedById: data.openedById },
    select: { id: true },
  });
  await tx.mediationParty.createMany({ data: data.householdIds.map((householdId) => ({ villageId: data.villageId, caseId: c.id, householdId })) });
  await tx.mediationMediator.createMany({ data: data.mediators.map((m) => ({ villageId: data.villageId, caseId: c.id, ...m })) });
  return c;
}

export function createSession(tx: Tx, data: { villageId: string; caseId: string; startsAt: Date; place: string; createdById: string }) {
  return tx.mediationSession.create({ data, select: { id: true } });
}

/** Records who came and the notes, once (a recorded session is not rewritten). Returns how many rows changed. */
export async function recordSession(tx: Tx, villageId: string, caseId: string, sessionId: string, data: { attendedHouseholdIds: string[]; notes: string; recordedAt: Date }) {
  const r = await tx.mediationSession.updateMany({ where: { id: sessionId, villageId, caseId, recordedAt: null }, data });
  return r.count;
}

export async function setAgreement(tx: Tx, villageId: string, id: string, data: { agreement: string; agreedAt: Date; agreedById: string }) {
  const r = await tx.mediationCase.updateMany({ where: { id, villageId, status: "OPEN", agreement: null }, data });
  return r.count;
}

/** Marks the party's confirmation unless it has one: 1 when this call confirmed, 0 when it already was. */
export async function confirmParty(tx: Tx, villageId: string, caseId: string, householdId: string, data: { confirmedAt: Date; confirmedById: string; confirmChannel: "APP" | "PAPER" }) {
  const r = await tx.mediationParty.updateMany({ where: { villageId, caseId, householdId, confirmedAt: null }, data });
  return r.count;
}

/** Moves an OPEN case to its outcome; 0 when it was no longer open. */
export async function closeCase(
  tx: Tx,
  villageId: string,
  id: string,
  data: { status: Exclude<MediationStatus, "OPEN">; closedAt: Date; closedById: string; referralReason?: string; withdrawReason?: string },
) {
  const r = await tx.mediationCase.updateMany({ where: { id, villageId, status: "OPEN" }, data });
  return r.count;
}

export async function setFollowUp(tx: Tx, villageId: string, id: string, data: { followUpAt: Date; followUpNotes: string; followUpById: string }) {
  const r = await tx.mediationCase.updateMany({ where: { id, villageId, status: "RESOLVED" }, data });
  return r.count;
}

/** The figures of the villages' cases, without a word of their texts or parties. */
export function statRows(db: Reader, villageIds: string[]) {
  if (villageIds.length === 0) return Promise.resolve([]);
  return db.mediationCase.findMany({
    where: { villageId: { in: villageIds } },
    select: { villageId: true, type: true, status: true, openedAt: true, deadlineAt: true, closedAt: true },
    take: 100_000,
  });
}
