/**
 * Closing early and cancelling motions: no one acts alone (docs/architecture.md, "Closing and
 * cancelling"). Before its closing time an open motion closes on the committee's word alone only when
 * every elector has voted (motion.service.ts closeMotion); otherwise a committee member requests an
 * early close or a cancellation with a reason, and a supervisor of the village (another person)
 * confirms it, which closes or cancels it in the same transaction, or refuses it. The requester may
 * withdraw the request. A draft the committee cancels alone (no one has voted, nothing was public).
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { auditScope, recordAudit } from "../audit/audit.service";
import { userNames } from "../accounts/account.read";
import { villageAmong } from "../regions/region.read";
import { ruleBookInfo } from "../rules/rule.read";
import { cancelNoticeBody } from "./motion.policy";
import * as repo from "./motion.repo";
import * as closeRepo from "./motion-close.repo";
import type { MotionRequestInput } from "./motion.schema";
import { closeInTx } from "./motion.service";
import { outcomeOfResult } from "./motion.view";
import { publishInTx } from "./notice.service";
import { noticeVillage } from "./notice.policy";

const LIST_MAX = 100;

/**
 * The committee cancels a draft alone (nobody has voted on it and villagers never saw it). Throws
 * NOT_FOUND, MOTION_CANCEL_NEEDS_SECOND (it is open: request it), MOTION_NOT_DRAFT (closed or cancelled).
 */
export async function cancelDraft(deps: Deps, actor: Actor, input: { id: string; reason?: string }) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await closeRepo.lockMotion(tx, villageId, input.id);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.status === "OPEN") throw new DomainError("MOTION_CANCEL_NEEDS_SECOND");
    if (m.status !== "DRAFT" || (await closeRepo.markCancelled(tx, m.id, "DRAFT", at)) === 0) throw new DomainError("MOTION_NOT_DRAFT");
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "motion.cancel",
      entity: "Motion",
      entityId: m.id,
      before: { status: "DRAFT" },
      after: { status: "CANCELLED", reason: input.reason ?? null },
    });
    return { id: m.id, status: "CANCELLED" as const };
  });
}

/**
 * A committee member asks for an open motion to be closed early or cancelled, with the reason; a
 * supervisor decides. One pending request per motion. Throws NOT_FOUND, MOTION_NOT_OPEN (a draft,
 * closed, cancelled, or its closing time has come: it closes anyway), MOTION_REQUEST_PENDING.
 */
export async function requestClose(deps: Deps, actor: Actor, input: MotionRequestInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await closeRepo.lockMotion(tx, villageId, input.id);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.status !== "OPEN" || m.closesAt.getTime() <= at.getTime()) throw new DomainError("MOTION_NOT_OPEN");
    // the motion's row lock makes a second request wait, then see the first
    if (await closeRepo.pendingRequestOf(tx, villageId, m.id)) throw new DomainError("MOTION_REQUEST_PENDING");
    const r = await closeRepo.createRequest(tx, { motionId: m.id, villageId, kind: input.kind, reason: input.reason, requestedById: actor.userId, requestedAt: at });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: input.kind === "CANCEL" ? "motion.requestCancel" : "motion.requestEarlyClose",
      entity: "Motion",
      entityId: m.id,
      after: { requestId: r.id, kind: input.kind, reason: input.reason },
    });
    return { requestId: r.id, kind: input.kind };
  });
}

/** The requester takes the request back. Throws NOT_FOUND, MOTION_REQUEST_NOT_YOURS, MOTION_REQUEST_NOT_PENDING. */
export async function withdrawRequest(deps: Deps, actor: Actor, requestId: string) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const r = await closeRepo.findRequest(tx, villageId, requestId);
    if (!r) throw new DomainError("NOT_FOUND");
    if (r.requestedById !== actor.userId) throw new DomainError("MOTION_REQUEST_NOT_YOURS");
    if ((await closeRepo.decideRequest(tx, r.id, { status: "WITHDRAWN", decidedById: actor.userId, decidedAt: at })) === 0) throw new DomainError("MOTION_REQUEST_NOT_PENDING");
    await recordAudit(tx, actor, { regionId: villageId, action: "motion.withdrawRequest", entity: "Motion", entityId: r.motionId, after: { requestId: r.id, kind: r.kind } });
    return { requestId: r.id, status: "WITHDRAWN" as const };
  });
}

/**
 * A supervisor of the village (not the requester) confirms: the motion closes now (result notice
 * saying 提前结束, by whom and why) or is cancelled (notice 表决已取消, nothing counted), in the same
 * transaction as the request's decision. Throws NOT_FOUND, MOTION_REQUEST_SAME_PERSON,
 * MOTION_REQUEST_NOT_PENDING, MOTION_NOT_OPEN (closed meanwhile: nothing changes).
 */
export async function confirmRequest(deps: Deps, actor: Actor, requestId: string) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const r = await decidable(tx, villageId, requestId, actor);
    if ((await closeRepo.decideRequest(tx, r.id, { status: "CONFIRMED", decidedById: actor.userId, decidedAt: at })) === 0) throw new DomainError("MOTION_REQUEST_NOT_PENDING");
    await recordAudit(tx, actor, { regionId: villageId, action: "motion.confirmRequest", entity: "Motion", entityId: r.motionId, after: { requestId: r.id, kind: r.kind, reason: r.reason } });
    const names = await userNames(tx, [r.requestedById, actor.userId]);
    const who = { requestedById: r.requestedById, requestedByName: names.get(r.requestedById) ?? "", confirmedById: actor.userId, confirmedByName: names.get(actor.userId) ?? "", reason: r.reason };
    if (r.kind === "EARLY_CLOSE") {
      const closed = await closeInTx(tx, at, r.motionId, actor, who);
      if (!closed) throw new DomainError("MOTION_NOT_OPEN");
      return { requestId: r.id, motionId: r.motionId, status: "CLOSED" as const, resultNoticeId: closed.resultNoticeId };
    }
    const cancelled = await cancelOpenInTx(tx, at, villageId, r.motionId, actor, who);
    return { requestId: r.id, motionId: r.motionId, status: "CANCELLED" as const, resultNoticeId: cancelled.noticeId };
  });
}

/** A supervisor (not the requester) refuses, with a note: the vote goes on. Throws as confirmRequest. */
export async function refuseRequest(deps: Deps, actor: Actor, input: { requestId: string; note: string }) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const r = await decidable(tx, villageId, input.requestId, actor);
    if ((await closeRepo.decideRequest(tx, r.id, { status: "REFUSED", decidedById: actor.userId, decidedAt: at, decisionNote: input.note })) === 0)
      throw new DomainError("MOTION_REQUEST_NOT_PENDING");
    await recordAudit(tx, actor, { regionId: villageId, action: "motion.refuseRequest", entity: "Motion", entityId: r.motionId, after: { requestId: r.id, kind: r.kind, note: input.note } });
    return { requestId: r.id, status: "REFUSED" as const };
  });
}

async function decidable(tx: Tx, villageId: string, requestId: string, actor: Actor) {
  const r = await closeRepo.findRequest(tx, villageId, requestId);
  if (!r) throw new DomainError("NOT_FOUND");
  if (r.requestedById === actor.userId) throw new DomainError("MOTION_REQUEST_SAME_PERSON");
  if (r.status !== "PENDING") throw new DomainError("MOTION_REQUEST_NOT_PENDING");
  return r;
}

/**
 * OPEN → CANCELLED: nothing is counted; the 结果公告 "表决已取消" gives the reason and the two people; a
 * secret motion's ballots are rewritten as at closing; a rule book it named is a plain proposed
 * draft again (no open vote holds it: it may be countersigned or put to a new vote).
 */
async function cancelOpenInTx(tx: Tx, at: Date, villageId: string, id: string, by: Actor, who: { requestedByName: string; confirmedByName: string; reason: string; requestedById: string; confirmedById: string }) {
  if ((await closeRepo.markCancelled(tx, id, "OPEN", at)) === 0) throw new DomainError("MOTION_NOT_OPEN");
  const m = (await repo.findMotion(tx, villageId, id))!;
  if (m.secret) await closeRepo.shuffleBallots(tx, id);
  await closeRepo.lapsePending(tx, id, at);
  const turnout = (await repo.turnout(tx, [id])).get(id);
  const book = m.ruleBookId ? await ruleBookInfo(tx, villageId, m.ruleBookId) : null;
  const notice = await publishInTx(tx, {
    villageId,
    kind: "RESULT",
    title: `表决已取消：${m.title}`.slice(0, 60),
    body: cancelNoticeBody({ question: m.question, reason: who.reason, requestedByName: who.requestedByName, confirmedByName: who.confirmedByName, ruleBook: book }),
    publishedById: by.userId,
    at,
  });
  const result = { cancelled: true, reason: who.reason, requestedById: who.requestedById, confirmedById: who.confirmedById, electorate: turnout?.electorate ?? 0, voted: turnout?.voted ?? 0 };
  await repo.saveResult(tx, id, result, notice.id);
  await recordAudit(tx, by, { regionId: villageId, action: "motion.cancel", entity: "Motion", entityId: id, before: { status: "OPEN" }, after: { ...result, status: "CANCELLED", noticeId: notice.id } });
  return { noticeId: notice.id };
}

/** The village's pending requests with the motion's title and the requester's name (supervisors and the committee). */
export async function pendingList(deps: Deps, actor: Actor) {
  const villageId = noticeVillage(actor);
  const rows = await closeRepo.pendingRequests(deps.db, villageId, LIST_MAX);
  const names = await userNames(deps.db, rows.map((r) => r.requestedById));
  return rows.map((r) => ({
    id: r.id,
    motionId: r.motionId,
    kind: r.kind,
    reason: r.reason,
    requestedAt: r.requestedAt,
    requestedByName: names.get(r.requestedById) ?? "",
    mine: r.requestedById === actor.userId,
  }));
}

/**
 * A village's motions for the town or county above it: turnout, rules and outcome only (no levers,
 * no household's choice). Throws NOT_FOUND (not a village below the actor).
 */
export async function villageMotions(deps: Deps, actor: Actor, villageId: string) {
  const v = await villageAmong(deps.db, villageId, await auditScope(deps.db, actor));
  if (!v) throw new DomainError("NOT_FOUND");
  const motions = (await repo.listMotions(deps.db, v.id, LIST_MAX)).filter((m) => m.status !== "DRAFT");
  const turnout = await repo.turnout(deps.db, motions.map((m) => m.id));
  return {
    village: v,
    items: motions.map((m) => {
      const r = (m.result ?? {}) as { cancelled?: boolean; reason?: string; earlyClose?: { reason?: string } | null };
      return {
        id: m.id,
        title: m.title,
        question: m.question,
        status: m.status,
        secret: m.secret,
        closesAt: m.closesAt,
        closedAt: m.closedAt,
        validityRule: m.validityRule,
        decisionRule: m.decisionRule,
        electorate: turnout.get(m.id)?.electorate ?? 0,
        voted: turnout.get(m.id)?.voted ?? 0,
        outcome: m.status === "CLOSED" ? outcomeOfResult(m.result) : null,
        cancelReason: m.status === "CANCELLED" ? (r.reason ?? "") : null,
        earlyReason: m.status === "CLOSED" ? (r.earlyClose?.reason ?? null) : null,
        hasRuleBook: !!m.ruleBookId,
      };
    }),
  };
}
