/**
 * The household's card PIN (paying with the printed card needs it). Only the household sets it: a
 * member whose account is linked to it. The committee can only clear it, giving a reason; the
 * household is notified and sets a new one. So nobody but the household ever knows the PIN.
 */
import type { Actor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import { notify } from "../notifications/notification.service";
import { villagerHousehold } from "./household.read";
import { householdScope } from "./household.policy";
import * as repo from "./household.repo";
import { afterWrongPin, lockMinutesLeft } from "./pin.policy";

/**
 * A member of the household sets (or changes) its PIN, which also ends a lock. `householdId`, when
 * given, must be their own. Throws NOT_FOUND (no household linked to the account, or another one).
 */
export async function setOwnPin(deps: Deps, actor: Actor, input: { householdId?: string; pin: string }) {
  const h = await villagerHousehold(deps.db, actor);
  if (!h || (input.householdId && input.householdId !== h.id)) throw new DomainError("NOT_FOUND");
  const pinHash = await hashPassword(input.pin);
  await deps.db.$transaction(async (tx) => {
    await repo.upsertPin(tx, h.id, pinHash);
    // never the PIN or its hash in the audit trail
    await recordAudit(tx, actor, { regionId: h.villageId, action: "store.setPin", entity: "Household", entityId: h.id });
  });
  return { householdId: h.id, set: true };
}

/**
 * The committee clears a household's PIN (a forgotten PIN, a lost card): the card cannot pay until the
 * household sets a new one. The reason goes into the audit trail and to the household's 我的.
 * Throws NOT_FOUND (not a household of the village), PIN_NOT_SET (nothing to reset).
 */
export async function resetPin(deps: Deps, actor: Actor, input: { householdId: string; reason: string }) {
  const scope = householdScope(actor);
  return deps.db.$transaction(async (tx) => {
    const h = await repo.findHousehold(tx, scope, input.householdId);
    if (!h) throw new DomainError("NOT_FOUND");
    const removed = await repo.deletePin(tx, h.id);
    if (removed.count === 0) throw new DomainError("PIN_NOT_SET");
    await recordAudit(tx, actor, {
      regionId: h.villageId,
      action: "household.resetPin",
      entity: "Household",
      entityId: h.id,
      after: { reason: input.reason },
    });
    await notify(tx, { householdId: h.id }, "pin.reset", { reason: input.reason });
    return { householdId: h.id, pinSet: false };
  });
}

/**
 * Checks the household PIN. Wrong attempts are counted in their own transaction (so they stay
 * counted although the payment fails); a lock-out is audited, so the village sees a card under attack.
 * Throws PIN_REQUIRED, PIN_NOT_SET, PIN_LOCKED, PIN_WRONG.
 */
export async function checkPin(db: Db, actor: Actor, household: { id: string; villageId: string }, pin: string | undefined, now: Date): Promise<void> {
  if (!pin) throw new DomainError("PIN_REQUIRED");
  const householdId = household.id;
  const outcome = await db.$transaction(async (tx) => {
    const row = await repo.lockPinRow(tx, householdId);
    if (!row) return { code: "PIN_NOT_SET" as const };
    const minutes = lockMinutesLeft(row.lockedUntil, now);
    if (minutes > 0) return { code: "PIN_LOCKED" as const, minutes };
    if (await verifyPassword(row.pinHash, pin)) {
      if (row.failures > 0 || row.lockouts > 0 || row.lockedUntil) {
        await repo.setPinState(tx, householdId, { failures: 0, lockouts: 0, lockedUntil: null });
      }
      return null;
    }
    const next = afterWrongPin(row.failures, row.lockouts, now);
    await repo.setPinState(tx, householdId, { failures: next.failures, lockouts: next.lockouts, lockedUntil: next.lockedUntil });
    if (!next.lockedUntil) return { code: "PIN_WRONG" as const, left: next.left };
    await recordAudit(tx, actor, {
      regionId: household.villageId,
      action: "store.pinLocked",
      entity: "Household",
      entityId: householdId,
      after: { lockouts: next.lockouts, lockedUntil: next.lockedUntil.toISOString() },
    });
    return { code: "PIN_LOCKED" as const, minutes: lockMinutesLeft(next.lockedUntil, now) };
  });
  if (!outcome) return;
  if (outcome.code === "PIN_LOCKED") throw new DomainError("PIN_LOCKED", { minutes: outcome.minutes });
  if (outcome.code === "PIN_WRONG") throw new DomainError("PIN_WRONG", { left: outcome.left });
  throw new DomainError(outcome.code);
}
