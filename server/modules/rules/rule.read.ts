/**
 * Reading the rule in force: what awards cite. Other modules (awards, events, reports) call this
 * instead of querying rule tables themselves.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

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
