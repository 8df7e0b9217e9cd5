/**
 * The one way award entries come into being. A single proposal, a batch, the check-ins of a closed
 * event an accepted 随手拍 report (and next: expiry) all pass through intakeAwards, so the checks that make an
 * entry legitimate — the rule is in force, its points are the rule's, the household is active, the
 * rule's cap holds, nothing is created twice for one source record, every entry is audited — exist
 * once and cannot drift apart between the ways in.
 *
 * It runs inside the caller's transaction and takes the village's proposal lock, so two intakes of
 * one village never count caps against each other's uncommitted rows.
 */
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { villagePeriod } from "@/server/lib/village-time.schema";
import { recordAudit } from "../audit/audit.service";
import { villageSettings } from "../regions/region.read";
import { ruleInForce, type RuleInForce } from "../rules/rule.read";
import { CAP_COUNTED, capWords, householdList, overCap } from "./award.policy";
import * as repo from "./award.repo";
import { householdsInVillage } from "../households/for-awards.read";

export type IntakeSource = "MANUAL" | "BATCH" | "CHECKIN" | "REPORT";

export type IntakeInput = {
  villageId: string;
  source: IntakeSource;
  ruleId: string;
  reason: string;
  now: Date;
  /**
   * PROPOSED for a supervisor's review. "AUTO" (check-ins only): APPROVED without a second person when
   * the village's checkInAutoApproveMaxPoints covers the rule's points and the rule needs no
   * evidence; PROPOSED otherwise (docs/architecture.md, "Village settings").
   */
  status: "PROPOSED" | "AUTO";
  evidenceUrl?: string | null;
  /** a batch's idempotency key, written on every entry of the batch */
  batchKey?: string;
  /**
   * "refuse": the whole intake fails on an unknown or inactive household or a cap (a person asked for
   * exactly these entries); "skip": such entries are left out and reported (a source record such as a
   * check-in cannot be argued with, only not paid twice).
   */
  mode: "refuse" | "skip";
  /** the audit action of each entry's record; null when the caller writes one record for the whole intake */
  auditAction: string | null;
  entries: { householdId: string; memberId?: string | null; sourceId?: string | null; proxyUserId?: string | null }[];
};

export type IntakeResult = {
  rule: RuleInForce;
  /** the status every created entry has */
  status: "PROPOSED" | "APPROVED";
  created: { id: string; sourceId: string | null; householdId: string }[];
  points: number;
  skippedExisting: number;
  skippedInactive: string[];
  skippedOverCap: string[];
};

/**
 * Creates the entries (see the file comment). Evidence: a person's proposal must carry it when the
 * rule requires it; for a source record the record itself is the evidence.
 * Throws RULE_NOT_IN_FORCE, EVIDENCE_REQUIRED; in "refuse" mode also NOT_FOUND (a household of
 * another village), HOUSEHOLD_INACTIVE, CAP_EXCEEDED (naming the households).
 */
export async function intakeAwards(tx: Tx, actor: Actor, input: IntakeInput): Promise<IntakeResult> {
  const { villageId, now } = input;
  const refuse = input.mode === "refuse";
  await repo.lockProposals(tx, villageId);
  const rule = await ruleInForce(tx, villageId, input.ruleId);
  if (!rule) throw new DomainError("RULE_NOT_IN_FORCE");
  const byPerson = input.source === "MANUAL" || input.source === "BATCH";
  if (byPerson && rule.evidenceRequired && !input.evidenceUrl) throw new DomainError("EVIDENCE_REQUIRED");
  const status = input.status === "AUTO" && (await skipsReview(tx, villageId, input.source, rule)) ? "APPROVED" : "PROPOSED";

  // a source record is paid once: entries whose record already has an award are left out
  const sourceIds = byPerson ? [] : input.entries.map((e) => e.sourceId).filter((s): s is string => !!s);
  const done = new Set(
    sourceIds.length
      ? await repo.awardedSourceIds(tx, villageId, input.source, sourceIds)
      : [],
  );
  const fresh = input.entries.filter((e) => !(e.sourceId && !byPerson && done.has(e.sourceId)));

  const households = await householdsInVillage(tx, villageId, [...new Set(fresh.map((e) => e.householdId))]);
  const byId = new Map(households.map((h) => [h.id, h]));
  if (refuse) {
    if (fresh.some((e) => !byId.has(e.householdId))) throw new DomainError("NOT_FOUND");
    if (households.some((h) => h.status !== "ACTIVE")) throw new DomainError("HOUSEHOLD_INACTIVE");
  }
  const inactive = fresh.filter((e) => byId.get(e.householdId)?.status !== "ACTIVE");
  let eligible = fresh.filter((e) => byId.get(e.householdId)?.status === "ACTIVE");

  let overCapIds: string[] = [];
  if (rule.capCount && rule.capPeriod && eligible.length) {
    const { from, to } = villagePeriod(now, rule.capPeriod);
    const ids = eligible.map((e) => e.householdId);
    const counts = await repo.capCounts(tx, { villageId, ruleId: rule.id, householdIds: ids, from, to, statuses: CAP_COUNTED });
    overCapIds = overCap(rule, counts, ids);
    const over = new Set(overCapIds);
    if (refuse && over.size) {
      throw new DomainError("CAP_EXCEEDED", {
        rule: rule.title,
        cap: rule.capCount,
        ...capWords(rule),
        households: householdList(households.filter((h) => over.has(h.id))),
        count: over.size,
      });
    }
    eligible = eligible.filter((e) => !over.has(e.householdId));
  }

  const rows = eligible.length
    ? await repo.insertAwards(
        tx,
        eligible.map((e) => ({
          villageId,
          householdId: e.householdId,
          ruleId: rule.id,
          ruleBookId: rule.ruleBookId,
          points: rule.points,
          reason: input.reason,
          evidenceUrl: input.evidenceUrl ?? null,
          memberId: e.memberId ?? null,
          source: input.source,
          sourceId: e.sourceId ?? null,
          batchKey: input.batchKey ?? null,
          proxyUserId: e.proxyUserId ?? null,
          status,
          proposedById: actor.userId,
          proposedAt: now,
        })),
      )
    : [];
  if (input.auditAction) {
    for (const a of rows) {
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: input.auditAction,
        entity: "Award",
        entityId: a.id,
        after: {
          status,
          source: input.source,
          sourceId: a.sourceId,
          householdId: a.householdId,
          ruleId: rule.id,
          ruleCode: rule.code,
          points: rule.points,
          reason: input.reason,
          // APPROVED here has no reviewer: the village's setting let it skip the second person
          approval: status === "APPROVED" ? "NOT_REQUIRED" : "REQUIRED",
        },
      });
    }
  }
  const label = (id: string) => byId.get(id)?.number ?? id;
  return {
    rule,
    status,
    created: rows.map((r) => ({ id: r.id, sourceId: r.sourceId, householdId: r.householdId })),
    points: rule.points,
    skippedExisting: input.entries.length - fresh.length,
    skippedInactive: inactive.map((e) => label(e.householdId)),
    skippedOverCap: overCapIds.map(label),
  };
}

/**
 * Whether entries may skip the supervisor: only check-ins, only awards (never deductions), only
 * for rules without required evidence, and only up to the village's threshold (0 = never).
 */
export async function skipsReview(tx: Tx, villageId: string, source: IntakeSource, rule: Pick<RuleInForce, "points" | "evidenceRequired">) {
  if (source !== "CHECKIN" || rule.evidenceRequired || rule.points <= 0) return false;
  const settings = await villageSettings(tx, villageId);
  return !!settings && rule.points <= settings.checkInAutoApproveMaxPoints;
}
