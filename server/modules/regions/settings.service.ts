/**
 * A village's settings: the 公示 window, the check-in awards that may skip review, and the largest
 * rule book item. The committee changes them; every change is audited, kept as a
 * VillageSettingChange row (before, after, who, when, why) and listed on the village's notice
 * board, so the villagers see when the rules of the game move.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { userNames } from "../accounts/account.read";
import { recordAudit } from "../audit/audit.service";
import { settingChanges, villageSettings } from "./region.read";
import * as repo from "./settings.repo";
import { SETTING_KEYS, type UpdateSettingsInput } from "./settings.schema";

const HISTORY = 50;

/** The village's settings and its last changes with who made them. Throws NOT_FOUND (no village). */
export async function getSettings(deps: Deps, actor: Actor) {
  const villageId = villageOf(actor);
  const [settings, changes] = await Promise.all([
    villageSettings(deps.db, villageId),
    settingChanges(deps.db, villageId, { take: HISTORY }),
  ]);
  if (!settings) throw new DomainError("NOT_FOUND");
  const names = await userNames(deps.db, changes.map((c) => c.changedById));
  return {
    settings,
    changes: changes.map(({ changedById, ...c }) => ({ ...c, changedByName: names.get(changedById) ?? "" })),
  };
}

/**
 * Writes the settings; each setting that differs gets its own change record and audit entry.
 * Returns how many settings changed (0: nothing to record). Throws NOT_FOUND.
 */
export async function updateSettings(deps: Deps, actor: Actor, input: UpdateSettingsInput) {
  const villageId = villageOf(actor);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const before = await repo.lockSettings(tx, villageId);
    if (!before) throw new DomainError("NOT_FOUND");
    const after = {
      noticeDays: input.noticeDays,
      checkInAutoApproveMaxPoints: input.checkInAutoApproveMaxPoints,
      maxRulePoints: input.maxRulePoints,
      matterSupportThreshold: input.matterSupportThreshold ?? before.matterSupportThreshold,
      matterAnswerDays: input.matterAnswerDays ?? before.matterAnswerDays,
    };
    const changed = SETTING_KEYS.filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return { changed: 0 };
    await repo.writeSettings(tx, villageId, after);
    for (const setting of changed) {
      const row = await repo.recordChange(tx, {
        villageId,
        setting,
        before: before[setting],
        after: after[setting],
        reason: input.reason,
        changedById: actor.userId,
        createdAt: now,
      });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "village.setting",
        entity: "VillageSettingChange",
        entityId: row.id,
        before: { setting, value: before[setting] },
        after: { setting, value: after[setting], reason: input.reason },
      });
    }
    return { changed: changed.length };
  });
}
