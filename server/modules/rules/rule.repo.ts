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
export async function lockBook(tx: Tx, villageId: string, id: string): Promise<{ id: string; status: BookStatus; version: number } | null> {
  const rows = await tx.$queryRaw<{ id: string; status: BookStatus; version: number }[]>`
    SELECT "id", "status"::text AS "status", "version" FROM "RuleBook"
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
