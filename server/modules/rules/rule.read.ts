/**
 * Reading the rule in force: what awards cite. Other modules (awards, events, reports) call this
 * instead of querying rule tables themselves.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { bookVote } from "../council/for-rules.read";

export type RuleInForce = {
  id: string;
  ruleBookId: string;
  ruleBookVersion: number;
  code: string;
  category: string;
  title: string;
  points: number;
  capPeriod: "MONTH" | "YEAR" | null;
  capCount: number | null;
  evidenceRequired: boolean;
};

/** The rule `ruleId` if it belongs to the village's ADOPTED rule book, else null (retired, draft, other village). */
export async function ruleInForce(db: Db | Tx, villageId: string, ruleId: string): Promise<RuleInForce | null> {
  const r = await db.rule.findFirst({
    where: { id: ruleId, villageId, ruleBook: { status: "ADOPTED", villageId } },
    select: {
      id: true,
      ruleBookId: true,
      code: true,
      category: true,
      title: true,
      points: true,
      capPeriod: true,
      capCount: true,
      evidenceRequired: true,
      ruleBook: { select: { version: true } },
    },
  });
  if (!r) return null;
  const { ruleBook, ...rest } = r;
  return { ...rest, ruleBookVersion: ruleBook.version };
}

export type RuleLabel = {
  id: string;
  code: string;
  title: string;
  category: string;
  points: number;
  ruleBookId: string;
  ruleBookVersion: number;
};

/**
 * Display only: the rules cited by existing entries (possibly of a retired book). Whether a rule may
 * be used for a new entry is decided by ruleInForce, never here.
 */
export async function ruleLabels(db: Db | Tx, villageId: string, ids: string[]): Promise<Map<string, RuleLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.rule.findMany({
    where: { id: { in: unique }, villageId },
    select: { id: true, code: true, title: true, category: true, points: true, ruleBookId: true, ruleBook: { select: { version: true } } },
  });
  return new Map(rows.map(({ ruleBook, ...r }) => [r.id, { ...r, ruleBookVersion: ruleBook.version }]));
}

/**
 * Display only: a rule book's version and adoption record, whatever its status; `vote` is the
 * stored result of the village-wide motion that adopted it, if one did.
 */
export async function ruleBookInfo(db: Db | Tx, villageId: string, id: string) {
  const book = await db.ruleBook.findFirst({
    where: { id, villageId },
    select: { id: true, version: true, title: true, status: true, adoptedAt: true, adoptedBy: true, adoptedByMotionId: true },
  });
  if (!book) return null;
  return { ...book, vote: await bookVote(db, villageId, book.adoptedByMotionId) };
}
