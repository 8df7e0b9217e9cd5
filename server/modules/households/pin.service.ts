/**
 * The household's card PIN (paying with the printed card needs it). Only the household sets it: a
 * member whose account is linked to it. The committee can only clear it, giving a reason; the
 * household is notified and sets a new one. So nobody but the household ever knows the PIN.
 */
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import { notify } from "../notifications/notification.service";
import { villagerHousehold } from "./household.read";
import { householdScope } from "./household.policy";
import * as repo from "./household.repo";

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
