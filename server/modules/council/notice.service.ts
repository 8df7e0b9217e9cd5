/**
 * Village notices (通知公告, 议事公告, 会议通知, 会议纪要, 结果公告, 三务公开): the committee drafts,
 * publishes, corrects and pins; villagers read. A published notice is never edited in place: a
 * correction is the next version, and every earlier version stays readable as 更正 history. Each
 * household's reading is recorded once, so the committee sees "已读 N / M 户".
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { NOTICE_ATTACHMENTS_MAX } from "@/server/lib/attachment.schema";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { userNames } from "../accounts/account.read";
import { recordAudit } from "../audit/audit.service";
import { activeHouseholdCount, householdOfActor } from "../households/for-council.read";
import { assertDraft, assertPublished, boardOrder, noticeVillage } from "./notice.policy";
import { viewOf } from "./notice-attachment.service";
import * as repo from "./notice.repo";
import { renderNotice } from "./notice.render";
import type { CorrectNoticeInput, CreateNoticeInput, NoticeKind, PinNoticeInput, UpdateNoticeInput } from "./notice.schema";

const LIST_MAX = 200;

/** Looks up a version's attachment ids among the notice's attachments, in the version's order. */
function filesOf(rows: repo.AttachmentRow[]) {
  const byId = new Map(rows.map((a) => [a.id, a]));
  return (ids: string[]) => ids.flatMap((id) => (byId.has(id) ? [viewOf(byId.get(id)!)] : []));
}

/** The attachments waiting for the next publication (uploaded to a draft or for a correction). */
const stagedIds = (rows: repo.AttachmentRow[]) => rows.filter((a) => a.publishedIn === null).map((a) => a.id);

/** Starts a notice as a DRAFT (villagers see nothing until it is published). */
export async function createDraft(deps: Deps, actor: Actor, input: CreateNoticeInput) {
  const villageId = noticeVillage(actor);
  return deps.db.$transaction(async (tx) => {
    const notice = await repo.createNotice(tx, { villageId, kind: input.kind, title: input.title, body: input.body, createdById: actor.userId });
    await recordAudit(tx, actor, { regionId: villageId, action: "villageNotice.create", entity: "Notice", entityId: notice.id, after: { kind: input.kind, title: input.title } });
    return { id: notice.id };
  });
}

/** Changes a draft's kind, title or text. Throws NOT_FOUND, NOTICE_NOT_DRAFT. */
export async function updateDraft(deps: Deps, actor: Actor, input: UpdateNoticeInput) {
  const villageId = noticeVillage(actor);
  return deps.db.$transaction(async (tx) => {
    const notice = await repo.findNotice(tx, villageId, input.id);
    if (!notice) throw new DomainError("NOT_FOUND");
    assertDraft(notice.status);
    if ((await repo.updateDraft(tx, villageId, input.id, { kind: input.kind, title: input.title, body: input.body })) === 0) {
      throw new DomainError("NOTICE_NOT_DRAFT");
    }
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "villageNotice.update",
      entity: "Notice",
      entityId: notice.id,
      before: { kind: notice.kind, title: notice.title },
      after: { kind: input.kind, title: input.title },
    });
    return { id: notice.id };
  });
}

/** Publishes a draft as version 1; from now on the village's villagers see it. Throws NOT_FOUND, NOTICE_NOT_DRAFT. */
export async function publish(deps: Deps, actor: Actor, id: string) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const notice = await repo.findNotice(tx, villageId, id);
    if (!notice) throw new DomainError("NOT_FOUND");
    assertDraft(notice.status);
    if ((await repo.markPublished(tx, villageId, id, at)) === 0) throw new DomainError("NOTICE_NOT_DRAFT");
    // the draft's staged attachments are version 1's (the row lock taken above keeps uploads out meanwhile)
    const attachmentIds = stagedIds(await repo.listAttachments(tx, villageId, id));
    await repo.createVersion(tx, { noticeId: id, version: 1, title: notice.title, body: notice.body, reason: "", publishedById: actor.userId, publishedAt: at, attachmentIds });
    await repo.publishAttachments(tx, villageId, id, attachmentIds, 1);
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "villageNotice.publish",
      entity: "Notice",
      entityId: id,
      after: { kind: notice.kind, title: notice.title, version: 1, attachments: attachmentIds.length },
    });
    return { id, version: 1, publishedAt: at };
  });
}

/**
 * Publishes a notice written by the system inside the caller's transaction (a vote's 结果公告 at
 * closing): created and published as version 1 at once, so it is posted exactly when the caller commits.
 */
export async function publishInTx(tx: Tx, data: { villageId: string; kind: NoticeKind; title: string; body: string; publishedById: string; at: Date }) {
  const notice = await repo.createNotice(tx, { villageId: data.villageId, kind: data.kind, title: data.title, body: data.body, createdById: data.publishedById });
  await repo.markPublished(tx, data.villageId, notice.id, data.at);
  await repo.createVersion(tx, { noticeId: notice.id, version: 1, title: data.title, body: data.body, reason: "", publishedById: data.publishedById, publishedAt: data.at });
  return { id: notice.id };
}

/**
 * Publishes a corrected text written by the system inside the caller's transaction (a meeting's
 * 会议通知 after its agenda changed) as the next version, with `reason` shown as the 更正 note.
 * Nothing when the notice is not published or the text is unchanged.
 */
export async function correctInTx(tx: Tx, data: { villageId: string; id: string; body: string; reason: string; publishedById: string; at: Date }) {
  const notice = await repo.findNotice(tx, data.villageId, data.id);
  if (!notice || notice.status !== "PUBLISHED" || notice.body === data.body) return null;
  if ((await repo.bumpVersion(tx, data.villageId, data.id, notice.version, { title: notice.title, body: data.body })) === 0) throw new DomainError("NOTICE_CHANGED");
  const version = notice.version + 1;
  await repo.createVersion(tx, { noticeId: data.id, version, title: notice.title, body: data.body, reason: data.reason, publishedById: data.publishedById, publishedAt: data.at });
  return { id: data.id, version };
}

/**
 * Publishes a corrected text as the next version; the earlier ones stay and are shown as 更正
 * history. Throws NOT_FOUND, NOTICE_NOT_PUBLISHED, NOTICE_UNCHANGED (same title and text),
 * NOTICE_CHANGED (someone else corrected it meanwhile).
 */
export async function correct(deps: Deps, actor: Actor, input: CorrectNoticeInput) {
  const villageId = noticeVillage(actor);
  const at = deps.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      if (!(await repo.lockNotice(tx, villageId, input.id))) throw new DomainError("NOT_FOUND");
      const notice = await repo.findNotice(tx, villageId, input.id);
      if (!notice) throw new DomainError("NOT_FOUND");
      assertPublished(notice.status);
      // the new version carries the current one's attachments but the dropped ones, then the staged ones
      const [versions, attachments] = await Promise.all([repo.listVersions(tx, input.id), repo.listAttachments(tx, villageId, input.id)]);
      const current = versions.find((v) => v.version === notice.version)?.attachmentIds ?? [];
      const drop = new Set(input.dropAttachmentIds);
      const staged = stagedIds(attachments);
      const attachmentIds = [...current.filter((a) => !drop.has(a)), ...staged];
      const sameFiles = attachmentIds.length === current.length && attachmentIds.every((a, i) => a === current[i]);
      if (notice.title === input.title && notice.body === input.body && sameFiles) throw new DomainError("NOTICE_UNCHANGED");
      if (attachmentIds.length > NOTICE_ATTACHMENTS_MAX) throw new DomainError("NOTICE_TOO_MANY_ATTACHMENTS", { max: NOTICE_ATTACHMENTS_MAX });
      if ((await repo.bumpVersion(tx, villageId, input.id, notice.version, { title: input.title, body: input.body })) === 0) {
        throw new DomainError("NOTICE_CHANGED");
      }
      const version = notice.version + 1;
      await repo.createVersion(tx, {
        noticeId: input.id,
        version,
        title: input.title,
        body: input.body,
        reason: input.reason,
        publishedById: actor.userId,
        publishedAt: at,
        attachmentIds,
      });
      await repo.publishAttachments(tx, villageId, input.id, staged, version);
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "villageNotice.correct",
        entity: "Notice",
        entityId: input.id,
        before: { title: notice.title, version: notice.version },
        after: { title: input.title, version, reason: input.reason, attachments: attachmentIds.length },
      });
      return { id: input.id, version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("NOTICE_CHANGED");
    throw e;
  }
}

/** Pins a notice to the top of the board or unpins it. Throws NOT_FOUND. */
export async function pin(deps: Deps, actor: Actor, input: PinNoticeInput) {
  const villageId = noticeVillage(actor);
  return deps.db.$transaction(async (tx) => {
    if ((await repo.setPinned(tx, villageId, input.id, input.pinned)) === 0) throw new DomainError("NOT_FOUND");
    await recordAudit(tx, actor, { regionId: villageId, action: input.pinned ? "villageNotice.pin" : "villageNotice.unpin", entity: "Notice", entityId: input.id });
    return { id: input.id, pinned: input.pinned };
  });
}

/** The committee's list: drafts and published notices, each with how many households read it, of how many. */
export async function staffList(deps: Deps, actor: Actor) {
  const villageId = noticeVillage(actor);
  const [notices, households] = await Promise.all([repo.listAll(deps.db, villageId, LIST_MAX), activeHouseholdCount(deps.db, villageId)]);
  const counts = await repo.readCounts(deps.db, notices.map((n) => n.id));
  return { households, items: notices.map((n) => ({ ...n, readHouseholds: counts.get(n.id) ?? 0 })) };
}

/** One notice for the committee: its current text (Markdown and safe HTML), every version and the read count. Throws NOT_FOUND. */
export async function staffGet(deps: Deps, actor: Actor, id: string) {
  const villageId = noticeVillage(actor);
  const notice = await repo.findNotice(deps.db, villageId, id);
  if (!notice) throw new DomainError("NOT_FOUND");
  const [versions, counts, households, attachments] = await Promise.all([
    repo.listVersions(deps.db, id),
    repo.readCounts(deps.db, [id]),
    activeHouseholdCount(deps.db, villageId),
    repo.listAttachments(deps.db, villageId, id),
  ]);
  const files = filesOf(attachments);
  const names = await userNames(deps.db, [notice.createdById, ...versions.map((v) => v.publishedById)]);
  const { createdById, ...rest } = notice;
  return {
    ...rest,
    html: renderNotice(notice.body),
    createdByName: names.get(createdById) ?? "",
    readHouseholds: counts.get(id) ?? 0,
    households,
    /** the current version's files, and the ones uploaded for the next publication */
    attachments: files(versions.find((v) => v.version === notice.version)?.attachmentIds ?? []),
    staged: attachments.filter((a) => a.publishedIn === null).map(viewOf),
    versions: versions.map(({ publishedById, attachmentIds, ...v }) => ({
      ...v,
      html: renderNotice(v.body),
      publishedByName: names.get(publishedById) ?? "",
      attachments: files(attachmentIds),
    })),
  };
}

/** The village's published notices for a villager: unread (by their household) first, then pinned, then newest. */
export async function board(deps: Deps, actor: Actor) {
  const villageId = noticeVillage(actor);
  const [notices, household] = await Promise.all([repo.listPublished(deps.db, villageId, LIST_MAX), householdOfActor(deps.db, actor)]);
  const reads = household ? await repo.householdReads(deps.db, household.id, notices.map((n) => n.id)) : new Map<string, number>();
  const items = notices.map(({ createdById: _c, status: _s, ...n }) => {
    const readVersion = reads.get(n.id) ?? 0;
    return { ...n, unread: readVersion < n.version, corrected: n.version > 1 };
  });
  return { items: boardOrder(items), unread: items.filter((n) => n.unread).length };
}

/**
 * Opens a published notice of the actor's village: its current text as safe HTML, the earlier
 * versions (更正 history), and records that the actor's household read this version.
 * Throws NOT_FOUND (a draft, another village's notice, or none).
 */
export async function open(deps: Deps, actor: Actor, id: string) {
  const villageId = noticeVillage(actor);
  const notice = await repo.findPublished(deps.db, villageId, id);
  if (!notice) throw new DomainError("NOT_FOUND");
  const [versions, household, attachments] = await Promise.all([
    repo.listVersions(deps.db, id),
    householdOfActor(deps.db, actor),
    repo.listAttachments(deps.db, villageId, id),
  ]);
  const files = filesOf(attachments);
  if (household) await repo.recordRead(deps.db, { noticeId: id, householdId: household.id, userId: actor.userId, version: notice.version });
  return {
    id: notice.id,
    kind: notice.kind,
    pinned: notice.pinned,
    title: notice.title,
    version: notice.version,
    publishedAt: notice.publishedAt,
    correctedAt: notice.version > 1 ? (versions.at(-1)?.publishedAt ?? null) : null,
    html: renderNotice(notice.body),
    attachments: files(versions.at(-1)?.attachmentIds ?? []),
    // the earlier versions, newest first, each with the reason of the correction that replaced it
    history: versions
      .slice(0, -1)
      .map((v, i) => ({
        version: v.version,
        title: v.title,
        publishedAt: v.publishedAt,
        html: renderNotice(v.body),
        attachments: files(v.attachmentIds),
        replacedBecause: versions[i + 1]?.reason ?? "",
      }))
      .reverse(),
  };
}
