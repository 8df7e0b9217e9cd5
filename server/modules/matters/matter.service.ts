/**
 * 村民说事: a household raises a matter for the village (title, words, up to three photos, a category),
 * other households support it (once each), the committee answers it, declines it with a reason or
 * puts it on a SCHEDULED meeting's agenda, then records what was decided and what was done (办事),
 * and the raiser and supporters rate the result (评事, once per household). A matter with the village's
 * number of supports must be answered within the village's number of days; an overdue one stands out
 * on the committee's home and to the town. Grid workers raise, support and rate for households of
 * their grid (recorded as proxy). Every step is audited; the households concerned are notified in
 * the same transaction.
 */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { encodePhoto } from "@/server/lib/photo";
import { userNames } from "../accounts/account.read";
import { auditScope, recordAudit } from "../audit/audit.service";
import { meetingsByIds, scheduledMeeting, scheduledMeetings } from "../council/for-matters.read";
import { gridHouseholds, householdGrid } from "../households/for-matters.read";
import { householdLabels, villagerHousehold } from "../households/household.read";
import { actingFor } from "../households/proxy.read";
import { notify } from "../notifications/notification.service";
import type { NotificationKind } from "../notifications/notification.schema";
import { villageAmong, villageSettings } from "../regions/region.read";
import { answerDueAt, FROM, isOverdue, matterVillage } from "./matter.policy";
import * as repo from "./matter.repo";
import type { CompleteMatterInput, MatterStatus, RaiseMatterInput, RateMatterInput, SupportMatterInput } from "./matter.schema";

const LIST_MAX = 200;

async function settingsOf(deps: Deps, villageId: string) {
  const s = await villageSettings(deps.db, villageId);
  if (!s) throw new DomainError("NOT_FOUND");
  return { threshold: s.matterSupportThreshold, days: s.matterAnswerDays };
}

/** Due time and overdue flag of each matter, from the village's settings and the supports' times. */
async function deadlines(deps: Deps, villageId: string, rows: repo.MatterRow[]) {
  const { threshold, days } = await settingsOf(deps, villageId);
  const candidates = rows.filter((m) => m.supportCount >= threshold).map((m) => m.id);
  const reached = await repo.thresholdReached(deps.db, villageId, candidates, threshold);
  const now = deps.now();
  const out = new Map<string, { dueAt: Date | null; overdue: boolean }>();
  for (const m of rows) {
    const dueAt = answerDueAt(reached.get(m.id) ?? null, days);
    out.set(m.id, { dueAt, overdue: isOverdue(m.status, dueAt, now) });
  }
  return { threshold, days, out };
}

/**
 * Raises a matter for the actor's household (a grid worker: for `householdId` of their grid, as proxy).
 * Photos are checked and re-encoded before anything is written. Throws HOUSEHOLD_NOT_LINKED,
 * PROXY_HOUSEHOLD_REQUIRED, PROXY_OUT_OF_GRID, FORBIDDEN, PHOTO_NOT_IMAGE, PHOTO_TOO_LARGE, PHOTO_TOO_MANY_PIXELS.
 */
export async function raise(deps: Deps, actor: Actor, input: RaiseMatterInput) {
  const acting = await actingFor(deps.db, actor, input.householdId);
  const photos: { bytes: Buffer; type: string }[] = [];
  for (const p of input.photos) photos.push(await encodePhoto(p));
  const gridId = (await householdGrid(deps.db, acting.villageId, acting.householdId)) ?? null;
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await repo.createMatter(tx, {
      villageId: acting.villageId,
      householdId: acting.householdId,
      gridId,
      raisedById: acting.actorUserId,
      proxyUserId: acting.proxyUserId,
      title: input.title,
      body: input.body,
      category: input.category,
      anonymous: input.anonymous,
      createdAt: at,
    });
    await repo.addPhotos(tx, acting.villageId, m.id, photos, at);
    await recordAudit(tx, actor, {
      regionId: acting.villageId,
      action: "matter.raise",
      entity: "Matter",
      entityId: m.id,
      after: { householdId: acting.householdId, proxyUserId: acting.proxyUserId, category: input.category, title: input.title, anonymous: input.anonymous, photos: photos.length },
    });
    return { id: m.id };
  });
}

/**
 * The household supports a matter, once: a retry (or 30 taps at once) returns the first support.
 * Throws NOT_FOUND, MATTER_OWN (the raising household), MATTER_WRONG_STATE (no longer open), and the
 * errors of actingFor.
 */
export async function support(deps: Deps, actor: Actor, input: SupportMatterInput) {
  const acting = await actingFor(deps.db, actor, input.householdId);
  const { villageId, householdId } = acting;
  const first = await repo.findSupport(deps.db, villageId, input.matterId, householdId);
  if (first) return first;
  const at = deps.now();
  await deps.db.$transaction(async (tx) => {
    const m = await repo.findMatter(tx, villageId, input.matterId);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.householdId === householdId) throw new DomainError("MATTER_OWN");
    if (m.status !== "OPEN") throw new DomainError("MATTER_WRONG_STATE");
    const created = await repo.insertSupport(tx, { villageId, matterId: m.id, householdId, actorUserId: acting.actorUserId, proxyUserId: acting.proxyUserId, createdAt: at });
    if (!created) return;
    await repo.bumpSupportCount(tx, villageId, m.id);
    await recordAudit(tx, actor, { regionId: villageId, action: "matter.support", entity: "Matter", entityId: m.id, after: { householdId, proxyUserId: acting.proxyUserId } });
  });
  const row = await repo.findSupport(deps.db, villageId, input.matterId, householdId);
  if (!row) throw new DomainError("CONFLICT");
  return row;
}

/**
 * The raising or a supporting household rates what was done (评事), once. Throws NOT_FOUND,
 * MATTER_WRONG_STATE (not done yet), MATTER_NOT_RATER (neither raised nor supported it), MATTER_ALREADY_RATED.
 */
export async function rate(deps: Deps, actor: Actor, input: RateMatterInput) {
  const acting = await actingFor(deps.db, actor, input.householdId);
  const { villageId, householdId } = acting;
  const at = deps.now();
  return deps.db.$transaction(async (tx) => {
    const m = await repo.findMatter(tx, villageId, input.matterId);
    if (!m) throw new DomainError("NOT_FOUND");
    if (m.status !== "DONE") throw new DomainError("MATTER_WRONG_STATE");
    if (m.householdId !== householdId && !(await repo.findSupport(tx, villageId, m.id, householdId))) throw new DomainError("MATTER_NOT_RATER");
    const created = await repo.insertRating(tx, { villageId, matterId: m.id, householdId, rating: input.rating, actorUserId: acting.actorUserId, proxyUserId: acting.proxyUserId, createdAt: at });
    if (!created) throw new DomainError("MATTER_ALREADY_RATED");
    await recordAudit(tx, actor, { regionId: villageId, action: "matter.rate", entity: "Matter", entityId: m.id, after: { householdId, rating: input.rating, proxyUserId: acting.proxyUserId } });
    return { matterId: m.id, rating: input.rating };
  });
}

/** Writes a committee step, audits it and notifies the raising and supporting households, in one transaction. */
async function step(
  deps: Deps,
  actor: Actor,
  id: string,
  name: keyof typeof FROM,
  to: MatterStatus,
  data: Partial<repo.MatterRow>,
  kind: NotificationKind,
  check?: (tx: Tx, m: repo.MatterRow) => Promise<void>,
) {
  const villageId = matterVillage(actor);
  return deps.db.$transaction(async (tx) => {
    const m = await repo.findMatter(tx, villageId, id);
    if (!m) throw new DomainError("NOT_FOUND");
    if (!FROM[name].includes(m.status)) throw new DomainError("MATTER_WRONG_STATE");
    if (check) await check(tx, m);
    if ((await repo.transition(tx, villageId, id, FROM[name], { ...data, status: to })) === 0) throw new DomainError("MATTER_WRONG_STATE");
    await recordAudit(tx, actor, { regionId: villageId, action: `matter.${name}`, entity: "Matter", entityId: id, before: { status: m.status }, after: { status: to, ...jsonOf(data) } });
    const households = new Set([m.householdId, ...(await repo.supporterHouseholds(tx, villageId, id))]);
    for (const householdId of households) await notify(tx, { householdId }, kind, { matterId: id, title: m.title });
    return { id, status: to };
  });
}

function jsonOf(data: Partial<repo.MatterRow>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === "string" || v === null) out[k] = v;
  return out;
}

/** The committee answers an open matter. Throws NOT_FOUND, MATTER_WRONG_STATE. */
export function answer(deps: Deps, actor: Actor, input: { id: string; answer: string }) {
  return step(deps, actor, input.id, "answer", "ANSWERED", { answer: input.answer, respondedById: actor.userId, respondedAt: deps.now() }, "matter.answered");
}

/** The committee declines an open matter, with a reason the households see. Throws NOT_FOUND, MATTER_WRONG_STATE. */
export function decline(deps: Deps, actor: Actor, input: { id: string; reason: string }) {
  return step(deps, actor, input.id, "decline", "DECLINED", { declineReason: input.reason, respondedById: actor.userId, respondedAt: deps.now() }, "matter.declined");
}

/** The committee puts an open matter on a SCHEDULED meeting of the village. Throws NOT_FOUND, MATTER_WRONG_STATE, MATTER_MEETING_NOT_SCHEDULED. */
export function agenda(deps: Deps, actor: Actor, input: { id: string; meetingId: string }) {
  return step(
    deps,
    actor,
    input.id,
    "agenda",
    "ON_AGENDA",
    { meetingId: input.meetingId, respondedById: actor.userId, respondedAt: deps.now() },
    "matter.onAgenda",
    async (tx, m) => {
      if (!(await scheduledMeeting(tx, m.villageId, input.meetingId))) throw new DomainError("MATTER_MEETING_NOT_SCHEDULED");
    },
  );
}

/**
 * The committee records what was decided and what was done (办事); the households may then rate it.
 * After a meeting the decision is required. Throws NOT_FOUND, MATTER_WRONG_STATE, MATTER_DECISION_REQUIRED.
 */
export function complete(deps: Deps, actor: Actor, input: CompleteMatterInput) {
  return step(
    deps,
    actor,
    input.id,
    "complete",
    "DONE",
    { decision: input.decision || null, outcome: input.outcome, doneById: actor.userId, doneAt: deps.now() },
    "matter.done",
    async (_tx, m) => {
      if (m.status === "ON_AGENDA" && !input.decision) throw new DomainError("MATTER_DECISION_REQUIRED");
    },
  );
}

/** Who raised it, as a viewer may see it: the household head's name, hidden from other villagers when the raiser asked. */
function raiserFor(m: repo.MatterRow, viewer: { staff: boolean; householdId: string | null }, labels: Map<string, { number: string; headName: string }>) {
  const label = labels.get(m.householdId);
  const own = viewer.householdId === m.householdId;
  if (m.anonymous && !viewer.staff && !own) return { raiserName: null, householdNumber: null };
  return { raiserName: label?.headName ?? "", householdNumber: viewer.staff || own ? (label?.number ?? null) : null };
}

function publicFields(m: repo.MatterRow) {
  return {
    id: m.id,
    title: m.title,
    category: m.category,
    status: m.status,
    supportCount: m.supportCount,
    anonymous: m.anonymous,
    createdAt: m.createdAt,
    respondedAt: m.respondedAt,
    doneAt: m.doneAt,
  };
}

async function viewerOf(deps: Deps, actor: Actor) {
  const staff = actor.role === "COMMITTEE" || actor.role === "SUPERVISOR" || actor.role === "GRID_WORKER";
  const h = actor.role === "VILLAGER" ? await villagerHousehold(deps.db, actor) : null;
  return { staff, householdId: h?.id ?? null };
}

/**
 * The villagers' list (the village's matters, newest first, with support counts and what the
 * household did), or for a grid worker their grid's matters and the grid's households to act for.
 */
export async function board(deps: Deps, actor: Actor) {
  const villageId = matterVillage(actor);
  const viewer = await viewerOf(deps, actor);
  const grid = actor.role === "GRID_WORKER" ? actor.gridId : null;
  if (actor.role === "GRID_WORKER" && !grid) return { threshold: 0, days: 0, items: [], households: [] };
  const rows = await repo.listMatters(deps.db, villageId, { take: LIST_MAX, ...(grid ? { gridId: grid } : {}) });
  const [labels, dl, mine] = await Promise.all([
    householdLabels(deps.db, villageId, rows.map((m) => m.householdId)),
    deadlines(deps, villageId, rows),
    viewer.householdId ? repo.supportedBy(deps.db, villageId, viewer.householdId, rows.map((m) => m.id)) : Promise.resolve(new Set<string>()),
  ]);
  const households = grid ? await gridHouseholds(deps.db, villageId, grid) : [];
  return {
    threshold: dl.threshold,
    days: dl.days,
    households,
    items: rows.map((m) => ({
      ...publicFields(m),
      ...raiserFor(m, viewer, labels),
      ...dl.out.get(m.id)!,
      mine: viewer.householdId === m.householdId,
      supported: mine.has(m.id),
    })),
  };
}

/**
 * One matter with what the viewer may see: the raiser (hidden from other villagers when anonymous),
 * the photos, the committee's answer, reason or meeting, the decision and 办事, the ratings, and
 * what the viewer's household did (with 由网格员 … 代办 when a grid worker did it). Throws NOT_FOUND.
 */
export async function get(deps: Deps, actor: Actor, id: string) {
  const villageId = matterVillage(actor);
  const viewer = await viewerOf(deps, actor);
  const m = await repo.findMatter(deps.db, villageId, id);
  if (!m) throw new DomainError("NOT_FOUND");
  if (actor.role === "GRID_WORKER" && m.gridId !== actor.gridId) throw new DomainError("NOT_FOUND");
  const own = viewer.householdId === m.householdId;
  const [labels, dl, photos, meetings, counts, mySupport, myRating] = await Promise.all([
    householdLabels(deps.db, villageId, [m.householdId]),
    deadlines(deps, villageId, [m]),
    repo.photoIds(deps.db, villageId, [m.id]),
    meetingsByIds(deps.db, villageId, m.meetingId ? [m.meetingId] : []),
    repo.ratingCounts(deps.db, villageId, m.id),
    viewer.householdId ? repo.findSupport(deps.db, villageId, m.id, viewer.householdId) : Promise.resolve(null),
    viewer.householdId ? repo.findRating(deps.db, villageId, m.id, viewer.householdId) : Promise.resolve(null),
  ]);
  const seesProxy = viewer.staff || own;
  const names = await userNames(deps.db, [seesProxy ? m.proxyUserId : null, mySupport?.proxyUserId, myRating?.proxyUserId]);
  const meeting = m.meetingId ? (meetings.get(m.meetingId) ?? null) : null;
  return {
    ...publicFields(m),
    ...raiserFor(m, viewer, labels),
    ...dl.out.get(m.id)!,
    threshold: dl.threshold,
    body: m.body,
    photoIds: photos.get(m.id) ?? [],
    answer: m.answer,
    declineReason: m.declineReason,
    meeting: meeting ? { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, place: meeting.place } : null,
    decision: m.decision,
    outcome: m.outcome,
    ratings: counts,
    mine: own,
    proxyName: seesProxy && m.proxyUserId ? (names.get(m.proxyUserId) ?? "") : null,
    mySupport: mySupport ? { createdAt: mySupport.createdAt, proxyName: mySupport.proxyUserId ? (names.get(mySupport.proxyUserId) ?? "") : null } : null,
    myRating: myRating ? { rating: myRating.rating, createdAt: myRating.createdAt, proxyName: myRating.proxyUserId ? (names.get(myRating.proxyUserId) ?? "") : null } : null,
    canSupport: viewer.householdId !== null && !own && !mySupport && m.status === "OPEN",
    canRate: viewer.householdId !== null && (own || !!mySupport) && !myRating && m.status === "DONE",
  };
}

/** The committee's queue: every matter (overdue first, then open, newest first), the counts and the meetings to put one on. */
export async function queue(deps: Deps, actor: Actor) {
  const villageId = matterVillage(actor);
  const rows = await repo.listMatters(deps.db, villageId, { take: LIST_MAX });
  const [labels, dl, meetings] = await Promise.all([
    householdLabels(deps.db, villageId, rows.map((m) => m.householdId)),
    deadlines(deps, villageId, rows),
    scheduledMeetings(deps.db, villageId),
  ]);
  const items = rows.map((m) => ({ ...publicFields(m), ...raiserFor(m, { staff: true, householdId: null }, labels), ...dl.out.get(m.id)! }));
  const rank = (i: (typeof items)[number]) => (i.overdue ? 0 : i.status === "OPEN" ? 1 : i.status === "ANSWERED" || i.status === "ON_AGENDA" ? 2 : 3);
  items.sort((a, b) => rank(a) - rank(b) || b.createdAt.getTime() - a.createdAt.getTime());
  return {
    threshold: dl.threshold,
    days: dl.days,
    open: items.filter((i) => i.status === "OPEN").length,
    overdue: await overdueCount(deps, villageId),
    items,
    meetings: meetings.map((mt) => ({ id: mt.id, title: mt.title, startsAt: mt.startsAt, place: mt.place })),
  };
}

/** How many of the village's matters are overdue now. */
async function overdueCount(deps: Deps, villageId: string) {
  const { threshold, days } = await settingsOf(deps, villageId);
  const ids = (await repo.openWithSupports(deps.db, villageId, threshold)).map((r) => r.id);
  const reached = await repo.thresholdReached(deps.db, villageId, ids, threshold);
  const now = deps.now();
  let n = 0;
  for (const at of reached.values()) if (isOverdue("OPEN", answerDueAt(at, days), now)) n++;
  return n;
}

/** The town's or county's view of one village below it: open and overdue matters. Throws NOT_FOUND. */
export async function villageCounts(deps: Deps, actor: Actor, villageId: string) {
  const v = await villageAmong(deps.db, villageId, await auditScope(deps.db, actor));
  if (!v) throw new DomainError("NOT_FOUND");
  const [open, overdue] = await Promise.all([repo.countOpen(deps.db, v.id), overdueCount(deps, v.id)]);
  return { village: v, open, overdue };
}

/** A matter's photo for people of its village, or null. */
export async function photo(deps: Deps, actor: Actor, id: string) {
  if (!actor.villageId) return null;
  return repo.findPhoto(deps.db, actor.villageId, id);
}
