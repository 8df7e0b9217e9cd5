/**
 * 随手拍 reports (docs/architecture.md, "随手拍 reports"): a villager — or a grid worker for a household
 * of their grid — sends photos, a place, words and a category; the grid worker of the report's grid
 * (or the committee) accepts it, which proposes an award through the awards intake (source REPORT,
 * a REPORT rule of the book in force, caps applying), declines it with a reason, or marks it a
 * duplicate of an earlier report. The household follows its state on /v/report.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { encodePhoto } from "@/server/lib/photo";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { userNames } from "../accounts/account.read";
import { recordAudit } from "../audit/audit.service";
import { intakeAwards } from "../awards/intake.service";
import { gridHouseholdsForReports, householdsForReports } from "../households/for-reports.read";
import { actingFor } from "../households/proxy.read";
import { notify } from "../notifications/notification.service";
import { gridInVillage, gridsOfVillage } from "../regions/place.read";
import { ruleInForce } from "../rules/rule.read";
import { DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_HOURS, isFarFromVillage, LANDMARKS_MAX, mayReview } from "./report.policy";
import * as repo from "./report.repo";
import type { ReportRow } from "./report.repo";
import type { CreateReportInput } from "./report.schema";

const photoUrl = (id: string) => `/api/reports/photo/${id}`;
const short = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/** How every screen shows a report: names, the place in words, photo addresses. Never phone numbers. */
async function views(deps: Deps, villageId: string, rows: ReportRow[]) {
  const [households, names, grids, marks] = await Promise.all([
    householdsForReports(deps.db, villageId, rows.map((r) => r.householdId)),
    userNames(deps.db, rows.flatMap((r) => [r.reporterUserId, r.proxyUserId, r.reviewedById])),
    rows.some((r) => r.gridId) ? gridsOfVillage(deps.db, villageId) : Promise.resolve([]),
    rows.some((r) => r.landmarkId) ? repo.landmarks(deps.db, villageId) : Promise.resolve([]),
  ]);
  const gridName = new Map(grids.map((g) => [g.id, g.name]));
  const markName = new Map(marks.map((m) => [m.id, m.name]));
  return rows.map((r) => {
    const h = households.get(r.householdId);
    return {
      id: r.id,
      status: r.status,
      category: r.category,
      text: r.text,
      createdAt: r.createdAt,
      household: { id: r.householdId, number: h?.number ?? "", headName: h?.headName ?? "" },
      reporterName: names.get(r.reporterUserId) ?? "",
      /** the grid worker who filed it for the household (由网格员 … 代办), or null */
      proxyName: r.proxyUserId ? (names.get(r.proxyUserId) ?? "") : null,
      place: {
        source: r.placeSource,
        lat: r.lat,
        lng: r.lng,
        accuracyM: r.accuracyM,
        farFromVillage: r.farFromVillage,
        gridName: r.gridId ? (gridName.get(r.gridId) ?? null) : null,
        landmarkName: r.landmarkId ? (markName.get(r.landmarkId) ?? null) : null,
      },
      photos: r.photos.map((p) => ({ id: p.id, url: photoUrl(p.id), width: p.width, height: p.height })),
      reviewedByName: r.reviewedById ? (names.get(r.reviewedById) ?? "") : null,
      reviewedAt: r.reviewedAt,
      declineReason: r.declineReason,
      duplicateOfId: r.duplicateOfId,
      awardId: r.awardId,
    };
  });
}
export type ReportView = Awaited<ReturnType<typeof views>>[number];

/**
 * Files a report for the actor's household (a villager) or a household of the grid worker's grid
 * (proxy, recorded). Photos are re-encoded before the transaction, so a refused photo writes nothing;
 * a retry with the same requestKey returns the first report.
 * Throws HOUSEHOLD_NOT_LINKED, PROXY_HOUSEHOLD_REQUIRED, PROXY_OUT_OF_GRID, FORBIDDEN,
 * PHOTO_NOT_IMAGE, PHOTO_TOO_LARGE, PHOTO_TOO_MANY_PIXELS, REPORT_PLACE_UNKNOWN.
 */
export async function createReport(deps: Deps, actor: Actor, input: CreateReportInput): Promise<{ id: string; farFromVillage: boolean; created: boolean }> {
  const who = await actingFor(deps.db, actor, input.householdId);
  const villageId = who.villageId;
  const again = await repo.reportByRequestKey(deps.db, villageId, input.requestKey);
  if (again) return { id: again.id, farFromVillage: again.farFromVillage, created: false };

  // one photo at a time: each decode holds up to ~40 MP in memory
  const photos: Awaited<ReturnType<typeof encodePhoto>>[] = [];
  for (const p of input.photos) photos.push(await encodePhoto(p));

  const [household] = (await householdsForReports(deps.db, villageId, [who.householdId])).values();
  let place: { lat: number | null; lng: number | null; accuracyM: number | null; placeSource: "GPS" | "PICKED"; gridId: string | null; landmarkId: string | null; farFromVillage: boolean };
  if (input.place.kind === "GPS") {
    const marks = await repo.landmarks(deps.db, villageId);
    const p = { lat: input.place.lat, lng: input.place.lng };
    place = {
      ...p,
      accuracyM: input.place.accuracyM == null ? null : Math.round(input.place.accuracyM),
      placeSource: "GPS",
      gridId: household?.gridId ?? null,
      landmarkId: null,
      farFromVillage: isFarFromVillage(p, marks),
    };
  } else if (input.place.kind === "GRID") {
    const grid = await gridInVillage(deps.db, villageId, input.place.gridId);
    if (!grid) throw new DomainError("REPORT_PLACE_UNKNOWN");
    place = { lat: null, lng: null, accuracyM: null, placeSource: "PICKED", gridId: grid.id, landmarkId: null, farFromVillage: false };
  } else {
    const mark = await repo.landmarkById(deps.db, villageId, input.place.landmarkId);
    if (!mark) throw new DomainError("REPORT_PLACE_UNKNOWN");
    place = { lat: mark.lat, lng: mark.lng, accuracyM: null, placeSource: "PICKED", gridId: household?.gridId ?? null, landmarkId: mark.id, farFromVillage: false };
  }

  const now = deps.now();
  try {
    const id = await deps.db.$transaction(async (tx) => {
      const id = await repo.insertReport(
        tx,
        {
          villageId,
          householdId: who.householdId,
          reporterUserId: actor.userId,
          proxyUserId: who.proxyUserId,
          category: input.category,
          text: input.text,
          ...place,
          requestKey: input.requestKey,
          createdAt: now,
        },
        photos,
      );
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "report.create",
        entity: "Report",
        entityId: id,
        after: {
          householdId: who.householdId,
          proxyUserId: who.proxyUserId,
          category: input.category,
          placeSource: place.placeSource,
          gridId: place.gridId,
          farFromVillage: place.farFromVillage,
          photos: photos.length,
        },
      });
      return id;
    });
    return { id, farFromVillage: place.farFromVillage, created: true };
  } catch (e) {
    // the same form sent twice at once: the second lost the race on (villageId, requestKey)
    if (!isUniqueViolation(e)) throw e;
    const first = await repo.reportByRequestKey(deps.db, villageId, input.requestKey);
    if (!first) throw e;
    return { id: first.id, farFromVillage: first.farFromVillage, created: false };
  }
}

/** The villager's household's reports, newest first, with their state. Throws HOUSEHOLD_NOT_LINKED. */
export async function myReports(deps: Deps, actor: Actor) {
  const who = await actingFor(deps.db, actor);
  return views(deps, who.villageId, await repo.reportsOfHousehold(deps.db, who.villageId, who.householdId, 50));
}

/** What the report form offers: the village's grids and landmarks, and a grid worker's households. */
export async function formOptions(deps: Deps, actor: Actor) {
  const villageId = villageOf(actor);
  const [grids, landmarks, households] = await Promise.all([
    gridsOfVillage(deps.db, villageId),
    repo.landmarks(deps.db, villageId),
    actor.role === "GRID_WORKER" && actor.gridId ? gridHouseholdsForReports(deps.db, villageId, actor.gridId) : Promise.resolve([]),
  ]);
  return {
    grids: grids.map((g) => ({ id: g.id, name: g.name })),
    landmarks,
    households: households.map((h) => ({ id: h.id, number: h.number, headName: h.headName })),
  };
}

/**
 * The review queue: a grid worker sees their grid's reports, the committee and supervisors the whole
 * village. Waiting reports carry their likely duplicates (earlier reports within
 * DUPLICATE_RADIUS_M metres and DUPLICATE_WINDOW_HOURS hours).
 */
export async function reviewQueue(deps: Deps, actor: Actor, input: { status: ReportRow["status"] }) {
  const villageId = villageOf(actor);
  const gridId = actor.role === "GRID_WORKER" ? actor.gridId : undefined;
  const rows = await repo.queue(deps.db, villageId, { status: input.status, gridId, take: 50 });
  const near = await Promise.all(
    rows.map((r) =>
      input.status === "SUBMITTED" && r.lat != null && r.lng != null
        ? repo.nearbyEarlier(deps.db, villageId, { id: r.id, lat: r.lat, lng: r.lng, createdAt: r.createdAt }, DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_HOURS)
        : Promise.resolve([]),
    ),
  );
  const briefs = new Map((await repo.briefs(deps.db, villageId, [...new Set(near.flat().map((n) => n.id))])).map((b) => [b.id, b]));
  const list = await views(deps, villageId, rows);
  return {
    radiusM: DUPLICATE_RADIUS_M,
    windowHours: DUPLICATE_WINDOW_HOURS,
    items: list.map((v, i) => ({
      ...v,
      canReview: v.status === "SUBMITTED" && mayReview(actor, rows[i]!),
      likelyDuplicates: near[i]!.flatMap((n) => {
        const b = briefs.get(n.id);
        return b ? [{ id: b.id, text: short(b.text), createdAt: b.createdAt, status: b.status, distanceM: n.distanceM }] : [];
      }),
    })),
  };
}

/** Loads a report the actor may review. Throws NOT_FOUND, REPORT_NOT_YOUR_GRID. */
async function reviewable(deps: Deps, actor: Actor, id: string) {
  const villageId = villageOf(actor);
  const r = await repo.reportById(deps.db, villageId, id);
  if (!r) throw new DomainError("NOT_FOUND");
  if (!mayReview(actor, r)) throw new DomainError("REPORT_NOT_YOUR_GRID");
  return { villageId, r };
}

/**
 * Accepts a report: it becomes a PROPOSED award for the household (source REPORT, citing the chosen
 * REPORT rule of the book in force; the reviewer is the proposer, so a supervisor approves it), in one
 * transaction with the report's move to ACCEPTED. Accepting again returns the same award; a cap or a
 * refused rule leaves the report waiting and writes nothing.
 * Throws NOT_FOUND, REPORT_NOT_YOUR_GRID, REPORT_ALREADY_REVIEWED, REPORT_RULE_NOT_REPORT,
 * RULE_NOT_IN_FORCE, HOUSEHOLD_INACTIVE, CAP_EXCEEDED.
 */
export async function acceptReport(deps: Deps, actor: Actor, input: { id: string; ruleId: string }): Promise<{ awardId: string; already: boolean }> {
  const { villageId, r } = await reviewable(deps, actor, input.id);
  if (r.status === "ACCEPTED" && r.awardId) return { awardId: r.awardId, already: true };
  if (r.status !== "SUBMITTED") throw new DomainError("REPORT_ALREADY_REVIEWED");
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const rule = await ruleInForce(tx, villageId, input.ruleId);
    if (!rule) throw new DomainError("RULE_NOT_IN_FORCE");
    if (rule.category !== "REPORT") throw new DomainError("REPORT_RULE_NOT_REPORT");
    const moved = await repo.reviewSubmitted(tx, villageId, r.id, { status: "ACCEPTED", reviewedById: actor.userId, reviewedAt: now, ruleId: rule.id });
    if (!moved) {
      // someone reviewed it while we were checking: the same answer as theirs if they accepted it
      const now2 = await repo.reportById(tx, villageId, r.id);
      if (now2?.status === "ACCEPTED" && now2.awardId) return { awardId: now2.awardId, already: true };
      throw new DomainError("REPORT_ALREADY_REVIEWED");
    }
    const { created } = await intakeAwards(tx, actor, {
      villageId,
      source: "REPORT",
      ruleId: rule.id,
      reason: `随手拍：${r.text.slice(0, 180)}`,
      now,
      status: "PROPOSED",
      mode: "refuse",
      auditAction: "award.propose",
      entries: [{ householdId: r.householdId, sourceId: r.id, proxyUserId: r.proxyUserId }],
    });
    const awardId = created[0]?.id;
    // the guarded move above makes a second award for one report impossible; intake's own check agrees
    if (!awardId) throw new DomainError("REPORT_ALREADY_REVIEWED");
    await repo.setAward(tx, villageId, r.id, awardId);
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "report.accept",
      entity: "Report",
      entityId: r.id,
      before: { status: "SUBMITTED" },
      after: { status: "ACCEPTED", awardId, ruleId: rule.id, ruleCode: rule.code, points: rule.points },
    });
    await notify(tx, { householdId: r.householdId }, "report.accepted", { reportId: r.id, text: short(r.text), points: rule.points });
    return { awardId, already: false };
  });
}

/** Declines a waiting report with a reason; nothing is posted. Throws NOT_FOUND, REPORT_NOT_YOUR_GRID, REPORT_ALREADY_REVIEWED. */
export async function declineReport(deps: Deps, actor: Actor, input: { id: string; reason: string }) {
  const { villageId, r } = await reviewable(deps, actor, input.id);
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    if (!(await repo.reviewSubmitted(tx, villageId, r.id, { status: "DECLINED", reviewedById: actor.userId, reviewedAt: now, declineReason: input.reason }))) {
      throw new DomainError("REPORT_ALREADY_REVIEWED");
    }
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "report.decline",
      entity: "Report",
      entityId: r.id,
      before: { status: "SUBMITTED" },
      after: { status: "DECLINED", reason: input.reason },
    });
    await notify(tx, { householdId: r.householdId }, "report.declined", { reportId: r.id, text: short(r.text), reason: input.reason });
  });
  return { id: r.id };
}

/**
 * Marks a waiting report a duplicate of an earlier report of the village (a duplicate of a duplicate
 * points at the original). Throws NOT_FOUND, REPORT_NOT_YOUR_GRID, REPORT_ALREADY_REVIEWED, REPORT_DUPLICATE_INVALID.
 */
export async function markDuplicate(deps: Deps, actor: Actor, input: { id: string; duplicateOfId: string }) {
  const { villageId, r } = await reviewable(deps, actor, input.id);
  const first = input.duplicateOfId === r.id ? null : await repo.reportById(deps.db, villageId, input.duplicateOfId);
  if (!first || first.createdAt > r.createdAt) throw new DomainError("REPORT_DUPLICATE_INVALID");
  const originalId = first.status === "DUPLICATE" && first.duplicateOfId ? first.duplicateOfId : first.id;
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    if (!(await repo.reviewSubmitted(tx, villageId, r.id, { status: "DUPLICATE", reviewedById: actor.userId, reviewedAt: now, duplicateOfId: originalId }))) {
      throw new DomainError("REPORT_ALREADY_REVIEWED");
    }
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "report.duplicate",
      entity: "Report",
      entityId: r.id,
      before: { status: "SUBMITTED" },
      after: { status: "DUPLICATE", duplicateOfId: originalId },
    });
    await notify(tx, { householdId: r.householdId }, "report.duplicate", { reportId: r.id, text: short(r.text) });
  });
  return { id: r.id, duplicateOfId: originalId };
}

/**
 * The report behind an award (source REPORT), for the award's trail: the villager of the household,
 * or village staff. Null when the award has no report.
 */
export async function reportOfAward(deps: Deps, actor: Actor, awardId: string): Promise<ReportView | null> {
  const villageId = villageOf(actor);
  const r = await repo.reportOfAward(deps.db, villageId, awardId);
  if (!r) return null;
  if (actor.role === "VILLAGER") {
    const who = await actingFor(deps.db, actor).catch(() => null);
    if (!who || who.householdId !== r.householdId) return null;
  }
  return (await views(deps, villageId, [r]))[0]!;
}

/**
 * A report photo's bytes, for people who may see the report: the villager of its household, the grid
 * worker of its grid (or who filed it), the committee and supervisors of the village. Null otherwise.
 */
export async function reportPhoto(deps: Deps, actor: Actor, photoId: string) {
  if (!actor.villageId) return null;
  const p = await repo.photoById(deps.db, actor.villageId, photoId);
  if (!p) return null;
  if (actor.role === "VILLAGER") {
    const who = await actingFor(deps.db, actor).catch(() => null);
    if (!who || who.householdId !== p.report.householdId) return null;
  } else if (actor.role === "GRID_WORKER") {
    if (p.report.gridId !== actor.gridId && p.report.proxyUserId !== actor.userId) return null;
  } else if (actor.role !== "COMMITTEE" && actor.role !== "SUPERVISOR") return null;
  return { bytes: p.bytes, type: p.type };
}

/** Adds a landmark (name + position) the report form offers. Throws LANDMARKS_FULL, LANDMARK_NAME_TAKEN. */
export async function saveLandmark(deps: Deps, actor: Actor, input: { name: string; lat: number; lng: number }) {
  const villageId = villageOf(actor);
  if ((await repo.countLandmarks(deps.db, villageId)) >= LANDMARKS_MAX) throw new DomainError("LANDMARKS_FULL", { max: LANDMARKS_MAX });
  try {
    return await deps.db.$transaction(async (tx) => {
      const l = await repo.insertLandmark(tx, { villageId, ...input, createdAt: deps.now() });
      await recordAudit(tx, actor, { regionId: villageId, action: "landmark.create", entity: "Landmark", entityId: l.id, after: input });
      return l;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("LANDMARK_NAME_TAKEN");
    throw e;
  }
}

/** Removes a landmark (reports that named it keep their position). Throws NOT_FOUND. */
export async function removeLandmark(deps: Deps, actor: Actor, id: string) {
  const villageId = villageOf(actor);
  await deps.db.$transaction(async (tx) => {
    const { count } = await repo.deleteLandmark(tx, villageId, id);
    if (!count) throw new DomainError("NOT_FOUND");
    await recordAudit(tx, actor, { regionId: villageId, action: "landmark.remove", entity: "Landmark", entityId: id });
  });
  return { id };
}

export const listLandmarks = (deps: Deps, actor: Actor) => repo.landmarks(deps.db, villageOf(actor));
