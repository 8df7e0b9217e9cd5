/**
 * The villager's points (1户1账户): balance (what is left to spend), this month's and this year's
 * score (earned − deducted, for rankings), the statement, entries not yet final, and the trail
 * behind any entry. Villagers see only their own household; staff see their village.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import { householdBalance, householdScore, householdStatement, reversalsOf } from "@/server/ledger/read";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { villagePeriod } from "@/server/lib/village-time.schema";
import * as repo from "./award.repo";
import { PENDING_STATUSES } from "./award.schema";
import { awardTrail } from "./award.service";
import { ruleLabels } from "../rules/rule.read";
import { memberNames } from "../households/for-awards.read";
import { villagerHousehold } from "../households/household.read";

/** Balance, scores and how many entries are on their way. Null when the account is linked to no household. */
export async function summary(deps: Deps, actor: Actor) {
  const h = await villagerHousehold(deps.db, actor);
  if (!h) return null;
  const now = deps.now();
  const month = villagePeriod(now, "MONTH");
  const year = villagePeriod(now, "YEAR");
  const [balance, monthScore, yearScore, pendingCount] = await Promise.all([
    householdBalance(deps.db, h.id),
    householdScore(deps.db, h.id, month.from, month.to),
    householdScore(deps.db, h.id, year.from, year.to),
    repo.countHouseholdAwards(deps.db, { villageId: h.villageId, householdId: h.id, statuses: PENDING_STATUSES }),
  ]);
  return {
    household: { id: h.id, number: h.number, headName: h.headName },
    balance,
    month: { ...monthScore, from: month.from },
    year: { ...yearScore, from: year.from },
    pendingCount,
  };
}

/**
 * The household statement, newest first: one line per posting with the rule, the member who earned
 * it, the award it came from and whether it was later reversed.
 */
export async function statement(deps: Deps, actor: Actor, input: { cursor?: string | null; take: number }) {
  const h = await villagerHousehold(deps.db, actor);
  if (!h) return { items: [], nextCursor: null };
  const page = await householdStatement(deps.db, h.id, { cursor: input.cursor ?? undefined, take: input.take });
  const txIds = page.items.map((p) => p.transaction.id);
  const [rules, members, reversedBy] = await Promise.all([
    ruleLabels(deps.db, h.villageId, page.items.map((p) => p.transaction.ruleId).filter((x): x is string => !!x)),
    memberNames(deps.db, page.items.map((p) => p.transaction.memberId)),
    reversalsOf(deps.db, txIds),
  ]);
  return {
    items: page.items.map((p) => {
      const t = p.transaction;
      const rule = t.ruleId ? rules.get(t.ruleId) : undefined;
      return {
        id: p.id,
        date: p.createdAt,
        kind: t.kind,
        points: p.points,
        reason: t.reason,
        rule: rule ? { code: rule.code, title: rule.title, category: rule.category, ruleBookVersion: rule.ruleBookVersion } : null,
        memberName: t.memberId ? (members.get(t.memberId) ?? null) : null,
        transactionId: t.id,
        awardId: t.sourceType === "award" ? t.sourceId : null,
        /** this line was later undone by a REVERSAL (which appears as its own line) */
        reversed: reversedBy.has(t.id),
        reversalTransactionId: reversedBy.get(t.id) ?? null,
        /** for a REVERSAL line: the transaction it undoes */
        reversesTransactionId: t.reversesId,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/** The household's entries not yet final (待审核 / 已审核 / 公示中), newest first. */
export async function pending(deps: Deps, actor: Actor) {
  const h = await villagerHousehold(deps.db, actor);
  if (!h) return [];
  const rows = await repo.householdAwards(deps.db, { villageId: h.villageId, householdId: h.id, statuses: PENDING_STATUSES });
  return repo.decorate(deps.db, h.villageId, rows, deps.now());
}

/** The full trail of one entry. Villagers: only their own household's entries (else NOT_FOUND). */
export async function trail(deps: Deps, actor: Actor, awardId: string) {
  if (actor.role === "VILLAGER") {
    const h = await villagerHousehold(deps.db, actor);
    if (!h) throw new DomainError("NOT_FOUND");
    if (!(await repo.isHouseholdAward(deps.db, { villageId: h.villageId, householdId: h.id, awardId }))) throw new DomainError("NOT_FOUND");
    return awardTrail(deps, h.villageId, awardId, { userId: actor.userId, asVillager: true });
  }
  return awardTrail(deps, villageOf(actor), awardId, { userId: actor.userId, asVillager: false });
}
