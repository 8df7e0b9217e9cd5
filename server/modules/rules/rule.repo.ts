/** Prisma queries of rule books and their items; every query names the village in its `where`. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import type { RuleView } from "./rule.schema";

type Reader = Db | Tx;
export type BookStatus = "DRAFT" | "ADOPTED" | "RETIRED";

export const RULE_SELECT = {
  id: true,
  code: true,
  category: true,
  title: true,
  description: true,
  points: true,
  capPeriod: true,
  capCount: true,
  evidenceRequired: true,
} as const;

const BOOK_SELECT = {
  id: true,
  version: true,
  title: true,
  status: true,
  basedOnId: true,
  createdById: true,
  createdAt: true,
  adoptedAt: true,
  adoptedById: true,
  adoptedBy: true,
  adoptedByMotionId: true,
  proposedAt: true,
  proposedById: true,
  countersignedById: true,
  refusedAt: true,
  refusedById: true,
  refusalReason: true,
  retiredAt: true,
} as const;

/** Categories sort in their enum order (PostgreSQL orders enums as declared), then by position and code. */
const RULE_ORDER = [{ category: "asc" as const }, { sort: "asc" as const }, { code: "asc" as const }];

export async function listRules(db: Reader, villageId: string, ruleBookId: string): Promise<RuleView[]> {
  return db.rule.findMany({ where: { ruleBookId, villageId }, select: RULE_SELECT, orderBy: RULE_ORDER });
}

/** Rows for copying into another book (everything but ids). */
export async function rulesForCopy(db: Reader, villageId: string, ruleBookId: string) {
  return db.rule.findMany({
    where: { ruleBookId, villageId },
    select: { ...RULE_SELECT, id: false, sort: true },
    orderBy: RULE_ORDER,
  });
}

export async function findAdopted(db: Reader, villageId: string) {
  return db.ruleBook.findFirst({ where: { villageId, status: "ADOPTED" }, select: BOOK_SELECT });
}

export async function findDraft(db: Reader, villageId: string) {
  return db.ruleBook.findFirst({ where: { villageId, status: "DRAFT" }, select: { id: true, version: true } });
}

export async function findBook(db: Reader, villageId: string, id: string) {
  return db.ruleBook.findFirst({ where: { id, villageId }, select: BOOK_SELECT });
}

export async function listBooks(db: Reader, villageId: string) {
  const rows = await db.ruleBook.findMany({
    where: { villageId },
    select: { ...BOOK_SELECT, _count: { select: { rules: true } } },
    orderBy: { version: "desc" },
  });
  return rows.map(({ _count, ...b }) => ({ ...b, ruleCount: _count.rules }));
}

export async function maxVersion(db: Reader, villageId: string): Promise<number> {
  const r = await db.ruleBook.aggregate({ where: { villageId }, _max: { version: true } });
  return r._max.version ?? 0;
}

/**
 * Locks the book's row for the rest of the transaction, so an item cannot be added to a draft
 * while another request is adopting it (adoption takes the same lock).
 */
export type LockedBook = {
  id: string;
  status: BookStatus;
  version: number;
  proposedAt: Date | null;
  proposedById: string | null;
  adoptedByMotionId: string | null;
};

export async function lockBook(tx: Tx, villageId: string, id: string): Promise<LockedBook | null> {
  const rows = await tx.$queryRaw<LockedBook[]>`
    SELECT "id", "status"::text AS "status", "version", "proposedAt", "proposedById", "adoptedByMotionId" FROM "RuleBook"
    WHERE "id" = ${id} AND "villageId" = ${villageId}
    FOR UPDATE`;
  return rows[0] ?? null;
}

export async function nextSort(tx: Tx, ruleBookId: string): Promise<number> {
  const r = await tx.rule.aggregate({ where: { ruleBookId }, _max: { sort: true } });
  return (r._max.sort ?? 0) + 10;
}

/** What the audit trail keeps of an item. */
export function ruleSnapshot(r: Omit<RuleView, "id"> & { ruleBookId?: string }) {
  return {
    ...(r.ruleBookId ? { ruleBookId: r.ruleBookId } : {}),
    code: r.code,
    category: r.category,
    title: r.title,
    description: r.description,
    points: r.points,
    capPeriod: r.capPeriod,
    capCount: r.capCount,
    evidenceRequired: r.evidenceRequired,
  };
}

export async function createBook(
  tx: Tx,
  data: { villageId: string; version: number; title: string; basedOnId: string | null; createdById: string },
) {
  return tx.ruleBook.create({ data: { ...data, status: "DRAFT" }, select: { id: true, version: true } });
}

type RuleRow = Awaited<ReturnType<typeof rulesForCopy>>[number];

export async function copyRules(tx: Tx, villageId: string, ruleBookId: string, rules: RuleRow[]): Promise<number> {
  if (rules.length === 0) return 0;
  const r = await tx.rule.createMany({ data: rules.map((rule) => ({ ...rule, ruleBookId, villageId })) });
  return r.count;
}

export async function findRule(tx: Reader, villageId: string, id: string, ruleBookId?: string) {
  return tx.rule.findFirst({
    where: { id, villageId, ...(ruleBookId ? { ruleBookId } : {}) },
    select: { ...RULE_SELECT, ruleBookId: true },
  });
}

type RuleFields = Omit<RuleView, "id">;

export async function updateRule(tx: Tx, id: string, data: RuleFields) {
  return tx.rule.update({ where: { id }, data, select: RULE_SELECT });
}

export async function createRule(tx: Tx, data: RuleFields & { ruleBookId: string; villageId: string; sort: number }) {
  return tx.rule.create({ data, select: RULE_SELECT });
}

export async function deleteRule(tx: Tx, id: string) {
  await tx.rule.delete({ where: { id }, select: { id: true } });
}

/** How many items the book has, and the largest number of points (either way) any of them carries. */
export async function bookSize(tx: Reader, villageId: string, ruleBookId: string): Promise<{ count: number; maxAbsPoints: number }> {
  const [count, agg] = await Promise.all([
    tx.rule.count({ where: { ruleBookId, villageId } }),
    tx.rule.aggregate({ where: { ruleBookId, villageId }, _max: { points: true }, _min: { points: true } }),
  ]);
  return { count, maxAbsPoints: Math.max(Math.abs(agg._max.points ?? 0), Math.abs(agg._min.points ?? 0)) };
}

export async function updateBook(
  tx: Tx,
  id: string,
  data: {
    status?: BookStatus;
    retiredAt?: Date;
    adoptedAt?: Date;
    adoptedById?: string | null;
    adoptedBy?: string | null;
    adoptedByMotionId?: string | null;
    proposedAt?: Date | null;
    proposedById?: string | null;
    countersignedById?: string;
    refusedAt?: Date | null;
    refusedById?: string | null;
    refusalReason?: string | null;
  },
) {
  await tx.ruleBook.update({ where: { id }, data, select: { id: true } });
}

/** Drafts put forward and waiting for a supervisor's countersign. */
export async function awaitingCountersign(db: Reader, villageId: string) {
  return db.ruleBook.findMany({
    where: { villageId, status: "DRAFT", proposedAt: { not: null } },
    select: BOOK_SELECT,
    orderBy: { version: "desc" },
  });
}
