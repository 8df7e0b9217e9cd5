/**
 * Public notice (积分公示): approved entries are published in a batch for the village's notice period;
 * every villager of the village sees the board (household number and head, rule, points, reason —
 * never phone or ID numbers) and may object while the window is open.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { DAY_MS, villageDay } from "@/server/lib/village-time.schema";
import { recordAudit } from "../audit/audit.service";
import * as repo from "./award.repo";
import * as objections from "./objection.repo";
import * as batches from "./publicity.repo";
import type { PublishInput } from "./award.schema";
import { userNames } from "../accounts/account.read";
import { accountHoldersOf } from "../households/for-awards.read";
import { villagerHousehold } from "../households/household.read";
import { villageNoticeDays } from "../regions/for-awards.read";
import { settingChanges } from "../regions/region.read";

/** How far back the board lists entries that became final (已公示生效). */
export const RECENT_FINAL_DAYS = 30;
const BOARD_MAX = 500;

/**
 * Publishes approved entries (the given ones, or all APPROVED of the village) in a new notice batch
 * closing after the village's notice days (at least one: entries are never final in the same call).
 * Throws NOTHING_TO_PUBLISH, NOT_FOUND (an entry of another village), AWARD_WRONG_STATE (a given entry is not APPROVED).
 */
export async function publish(deps: Deps, actor: Actor, input: PublishInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const published = await deps.db.$transaction(async (tx) => {
    const villageDays = await villageNoticeDays(tx, villageId);
    let ids: string[];
    if (input.awardIds) {
      ids = [...new Set(input.awardIds)];
      const found = await batches.awardStatuses(tx, villageId, ids);
      if (found.length !== ids.length) throw new DomainError("NOT_FOUND");
      if (found.some((a) => a.status !== "APPROVED")) throw new DomainError("AWARD_WRONG_STATE");
    } else {
      ids = await batches.approvedAwardIds(tx, villageId);
    }
    if (ids.length === 0) throw new DomainError("NOTHING_TO_PUBLISH");
    // the 公示 window is never skipped: at least one day (also a CHECK on Region)
    const noticeDays = Math.max(1, villageDays);
    const batch = await batches.createBatch(tx, {
      villageId,
      title: input.title ?? `积分公示 ${villageDay(now)}`,
      publishedById: actor.userId,
      publishedAt: now,
      closesAt: new Date(now.getTime() + noticeDays * DAY_MS),
    });
    // Conditional on APPROVED: of two publishers at once, each entry lands in exactly one batch.
    const count = await batches.putInBatch(tx, villageId, ids, batch.id);
    if (count === 0) throw new DomainError("NOTHING_TO_PUBLISH");
    if (input.awardIds && count !== ids.length) throw new DomainError("AWARD_WRONG_STATE");
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "publicity.publish",
      entity: "NoticeBatch",
      entityId: batch.id,
      after: { title: batch.title, count, noticeDays, closesAt: batch.closesAt.toISOString() },
    });
    return { ...batch, count, noticeDays };
  });

  return {
    batchId: published.id,
    title: published.title,
    count: published.count,
    publishedAt: published.publishedAt,
    closesAt: published.closesAt,
    noticeDays: published.noticeDays,
  };
}

/** What the public board shows of an entry: no proposer, no evidence link, no review notes. */
function boardEntry(v: repo.AwardView) {
  return {
    id: v.id,
    status: v.status,
    household: { number: v.household.number, headName: v.household.headName },
    memberName: v.member?.name ?? null,
    rule: { code: v.rule.code, title: v.rule.title, category: v.rule.category },
    points: v.points,
    reason: v.reason,
    publishedAt: v.notice?.publishedAt ?? null,
    closesAt: v.notice?.closesAt ?? null,
    windowOpen: v.notice?.windowOpen ?? false,
    /** the window has closed but an objection is still being handled (异议处理中); who objected is never shown */
    objectionPending: v.status === "IN_NOTICE" && v.openObjections > 0,
    finalAt: v.finalAt,
  };
}

/**
 * The notice board of the actor's village: entries on notice now, and entries that became final in
 * the last 30 days (已公示生效). A villager also sees which entries are their own household's, their
 * own objections with the committee's answers, and whether their household already objected.
 */
export async function board(deps: Deps, actor: Actor) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const since = new Date(now.getTime() - RECENT_FINAL_DAYS * DAY_MS);
  const [inNoticeRows, finalRows, noticeDays] = await Promise.all([
    batches.inNoticeAwards(deps.db, villageId, BOARD_MAX),
    batches.recentFinalAwards(deps.db, villageId, since, BOARD_MAX),
    villageNoticeDays(deps.db, villageId),
  ]);
  // changes of the village's settings are posted on the board too
  const changes = await settingChanges(deps.db, villageId, { since, take: 20 });
  const [inNotice, recentFinal] = await Promise.all([
    repo.decorate(deps.db, villageId, inNoticeRows, now),
    repo.decorate(deps.db, villageId, finalRows, now),
  ]);

  // The reader's own household and objections (villagers only).
  const mine = actor.role === "VILLAGER" ? await villagerHousehold(deps.db, actor) : null;
  const myObjections =
    actor.role === "VILLAGER"
      ? await objections.myObjections(deps.db, { villageId, userId: actor.userId, since: new Date(now.getTime() - 90 * DAY_MS) })
      : [];
  const householdObjected =
    mine && inNotice.length
      ? await objections.objectedBy(deps.db, inNotice.map((a) => a.id), await accountHoldersOf(deps.db, mine.id))
      : new Set<string>();
  const myByAward = new Map(myObjections.map((o) => [o.awardId, o]));
  const objectionView = (o: (typeof myObjections)[number]) => ({
    id: o.id,
    status: o.status,
    reason: o.reason,
    answer: o.answer,
    createdAt: o.createdAt,
    ruledAt: o.ruledAt,
  });

  // My objections, with the entry they are about (it may have left the board: overturned or final).
  const objectedRows = myObjections.length ? await repo.awardsByIds(deps.db, villageId, [...myByAward.keys()]) : [];
  const objected = new Map((await repo.decorate(deps.db, villageId, objectedRows, now)).map((v) => [v.id, boardEntry(v)]));

  const forReader = (v: repo.AwardView) => ({
    ...boardEntry(v),
    ownHousehold: !!mine && v.household.id === mine.id,
    myObjection: myByAward.has(v.id) ? objectionView(myByAward.get(v.id)!) : null,
    householdObjected: householdObjected.has(v.id) || myByAward.has(v.id),
  });
  return {
    noticeDays,
    recentFinalDays: RECENT_FINAL_DAYS,
    settingChanges: changes.map(({ changedById: _by, ...c }) => c),
    inNotice: inNotice.map(forReader),
    recentFinal: recentFinal.map(forReader),
    myObjections: myObjections.map((o) => ({ ...objectionView(o), entry: objected.get(o.awardId) ?? null })),
  };
}

/** Notice batches of the village, newest first, with counts of their entries by status and open objections. */
export async function listBatches(deps: Deps, actor: Actor, input: { cursor?: string | null; take: number }) {
  const villageId = villageOf(actor);
  const now = deps.now();
  const rows = await batches.batchPage(deps.db, villageId, input);
  const page = rows.slice(0, input.take);
  const ids = page.map((b) => b.id);
  const [byStatus, open, names] = await Promise.all([
    batches.batchStatusCounts(deps.db, ids),
    batches.openObjectionBatches(deps.db, ids),
    userNames(deps.db, page.map((b) => b.publishedById)),
  ]);
  return {
    items: page.map((b) => {
      const counts: Partial<Record<string, number>> = {};
      let total = 0;
      for (const g of byStatus) {
        if (g.noticeBatchId !== b.id) continue;
        counts[g.status] = g._count._all;
        total += g._count._all;
      }
      return {
        id: b.id,
        title: b.title,
        publishedByName: names.get(b.publishedById) ?? "",
        publishedAt: b.publishedAt,
        closesAt: b.closesAt,
        finalizedAt: b.finalizedAt,
        windowOpen: now < b.closesAt,
        total,
        counts,
        openObjections: open.filter((o) => o.award.noticeBatchId === b.id).length,
      };
    }),
    nextCursor: rows.length > input.take ? page[page.length - 1]!.id : null,
  };
}
