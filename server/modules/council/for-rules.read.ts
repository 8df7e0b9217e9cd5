/**
 * What the rules module reads about motions: the stored result of the vote that adopted a rule book,
 * as the villager's rule page and award trail show it ("经村民会议表决通过 …，同意 N / 参会 M 户"),
 * and whether a vote on a book is open (then the countersign waits for it).
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export type BookVote = { motionId: string; closedAt: Date; yes: number; voted: number; electorate: number };

type StoredResult = { electorate?: number; voted?: number; counts?: { option: string; count: number }[] };

/** The closed motion's date and counts from its stored result (never recounted), or null. */
export async function bookVote(db: Reader, villageId: string, motionId: string | null): Promise<BookVote | null> {
  if (!motionId) return null;
  const m = await db.motion.findFirst({
    where: { id: motionId, villageId, status: "CLOSED" },
    select: { id: true, closedAt: true, result: true, options: true },
  });
  if (!m || !m.closedAt || !m.result) return null;
  const r = m.result as StoredResult;
  const yes = r.counts?.find((c) => c.option === m.options[0])?.count ?? 0;
  return { motionId: m.id, closedAt: m.closedAt, yes, voted: r.voted ?? 0, electorate: r.electorate ?? 0 };
}

/**
 * Whether an open motion of the village names this rule book (a motion still a draft does not hold
 * the book: opening it checks the book is still a proposed draft).
 */
export async function bookUnderVote(db: Reader, villageId: string, ruleBookId: string): Promise<boolean> {
  const m = await db.motion.findFirst({ where: { villageId, ruleBookId, status: "OPEN" }, select: { id: true } });
  return m !== null;
}
