/** The household register: committee keeps it, supervisors and grid workers read it. */
import type { Actor } from "@/server/auth/actor";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { createPerson, accountIdByPhone, grantRole, newPerson, phoneTakenOr } from "../accounts/person.service";
import { recordAudit } from "../audit/audit.service";
import { notify } from "../notifications/notification.service";
import { gridInVillage, gridsOfVillage } from "../regions/place.read";
import { villagerHousehold } from "./household.read";
import { householdScope } from "./household.policy";
import * as repo from "./household.repo";
import type { HouseholdCreateInput, HouseholdListInput, HouseholdUpdateInput } from "./household.schema";

export function listHouseholds(deps: Deps, actor: Actor, input: HouseholdListInput) {
  return repo.listHouseholds(deps.db, householdScope(actor), {
    query: input.query || undefined,
    gridId: input.gridId,
    status: input.status,
    skip: input.cursor ?? 0,
    take: input.take,
  });
}

/**
 * Throws NOT_FOUND (also for a household of another village or, for grid workers, another grid).
 * Members who left are listed only with `includeLeft` (the household's history).
 */
export async function getHousehold(deps: Deps, actor: Actor, id: string, includeLeft = false) {
  const h = await repo.getHousehold(deps.db, householdScope(actor), id, includeLeft);
  if (!h) throw new DomainError("NOT_FOUND");
  return h;
}

export function listGrids(deps: Deps, actor: Actor) {
  return gridsOfVillage(deps.db, actor.villageId ?? "__none__");
}

async function checkGrid(tx: Tx, villageId: string, gridId: string | null | undefined) {
  if (gridId && !(await gridInVillage(tx, villageId, gridId))) throw new DomainError("NOT_FOUND");
}

/** Throws HOUSEHOLD_NUMBER_TAKEN, NOT_FOUND (grid of another village). */
export async function createHousehold(deps: Deps, actor: Actor, input: HouseholdCreateInput) {
  const villageId = householdScope(actor).villageId;
  try {
    return await deps.db.$transaction(async (tx) => {
      await checkGrid(tx, villageId, input.gridId);
      const h = await repo.insertHousehold(tx, {
        villageId,
        number: input.number,
        headName: input.headName,
        address: input.address,
        gridId: input.gridId ?? null,
      });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "household.create",
        entity: "Household",
        entityId: h.id,
        after: repo.householdSnapshot(h),
      });
      return { id: h.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("HOUSEHOLD_NUMBER_TAKEN", { number: input.number });
    throw e;
  }
}

/** Throws NOT_FOUND, HOUSEHOLD_INACTIVE, HOUSEHOLD_NUMBER_TAKEN. */
export async function updateHousehold(deps: Deps, actor: Actor, input: HouseholdUpdateInput) {
  const scope = householdScope(actor);
  try {
    return await deps.db.$transaction(async (tx) => {
      const before = await repo.findHousehold(tx, scope, input.id);
      if (!before) throw new DomainError("NOT_FOUND");
      if (before.status === "INACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
      await checkGrid(tx, scope.villageId, input.gridId);
      const after = await repo.updateHousehold(tx, before.id, {
        number: input.number,
        headName: input.headName,
        address: input.address,
        gridId: input.gridId === undefined ? undefined : input.gridId,
      });
      if (input.headName && input.headName !== before.headName) await repo.renameHead(tx, before.id, input.headName);
      await recordAudit(tx, actor, {
        regionId: scope.villageId,
        action: "household.update",
        entity: "Household",
        entityId: before.id,
        before: repo.householdSnapshot(before),
        after: repo.householdSnapshot(after),
      });
      return { id: after.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("HOUSEHOLD_NUMBER_TAKEN", { number: input.number ?? "" });
    throw e;
  }
}

/** Deactivates (注销) or reactivates a household; nothing is deleted. Throws NOT_FOUND. */
export async function setHouseholdStatus(deps: Deps, actor: Actor, input: { id: string; status: "ACTIVE" | "INACTIVE" }) {
  const scope = householdScope(actor);
  return deps.db.$transaction(async (tx) => {
    const before = await repo.findHousehold(tx, scope, input.id);
    if (!before) throw new DomainError("NOT_FOUND");
    // Tapping twice (or two people at once) changes nothing the second time, and records nothing.
    if (before.status === input.status) return { id: before.id, status: input.status };
    await repo.setHouseholdStatus(tx, before.id, input.status);
    await recordAudit(tx, actor, {
      regionId: scope.villageId,
      action: "household.setStatus",
      entity: "Household",
      entityId: before.id,
      before: { status: before.status },
      after: { status: input.status },
    });
    return { id: before.id, status: input.status };
  });
}

async function activeHouseholdInScope(tx: Tx, actor: Actor, householdId: string) {
  const h = await repo.findHousehold(tx, householdScope(actor), householdId);
  if (!h) throw new DomainError("NOT_FOUND");
  if (h.status === "INACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  return h;
}

/** Throws NOT_FOUND, HOUSEHOLD_INACTIVE. */
export async function addMember(
  deps: Deps,
  actor: Actor,
  input: { householdId: string; name: string; relation: string },
) {
  return deps.db.$transaction(async (tx) => {
    const h = await activeHouseholdInScope(tx, actor, input.householdId);
    const m = await repo.insertMember(tx, { householdId: h.id, name: input.name, relation: input.relation });
    await recordAudit(tx, actor, {
      regionId: h.villageId,
      action: "household.addMember",
      entity: "HouseholdMember",
      entityId: m.id,
      after: { householdId: h.id, name: m.name, relation: m.relation },
    });
    return { id: m.id };
  });
}

/** A current member of an active household the actor may see. Throws NOT_FOUND, HOUSEHOLD_INACTIVE, MEMBER_LEFT. */
async function memberInScope(tx: Tx, actor: Actor, memberId: string) {
  const m = await repo.findMember(tx, householdScope(actor), memberId);
  if (!m) throw new DomainError("NOT_FOUND");
  if (m.household.status === "INACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  if (m.status === "LEFT") throw new DomainError("MEMBER_LEFT");
  return m;
}

/**
 * The member leaves the household (moved away, married out, died): status LEFT with the date, their
 * account no longer acts for the household. Nothing is deleted, so the ledger, awards and check-ins
 * that cite them still name them. Throws NOT_FOUND, HOUSEHOLD_INACTIVE, MEMBER_LEFT, HEAD_CANNOT_BE_REMOVED.
 */
export async function removeMember(deps: Deps, actor: Actor, input: { memberId: string }) {
  return deps.db.$transaction(async (tx) => {
    const m = await memberInScope(tx, actor, input.memberId);
    if (m.relation === "HEAD") throw new DomainError("HEAD_CANNOT_BE_REMOVED");
    const at = deps.now();
    await repo.markLeft(tx, m.id, at);
    await recordAudit(tx, actor, {
      regionId: m.household.villageId,
      action: "household.removeMember",
      entity: "HouseholdMember",
      entityId: m.id,
      before: { householdId: m.householdId, name: m.name, relation: m.relation, userId: m.userId, status: m.status },
      after: { status: "LEFT", leftAt: at.toISOString() },
    });
    return { id: m.id, status: "LEFT" as const };
  });
}

/**
 * Links a member to a phone account. A NEW phone (with a password) gets a villager account at once:
 * the committee is creating it for the member. An EXISTING account is only asked: the link waits
 * (`pending: true`) until its holder accepts it on 我的; until then the committee sees neither the
 * account's name nor phone and the account gets no role here. `phone: null` unlinks (and withdraws a
 * request). One account belongs to at most one household of a village, so "my household" is never ambiguous.
 * Throws NOT_FOUND, HOUSEHOLD_INACTIVE, MEMBER_LEFT, PASSWORD_REQUIRED (new phone, no password),
 * MEMBER_ALREADY_LINKED (another member of this household), ACCOUNT_IN_OTHER_HOUSEHOLD, LINK_PENDING
 * (this account was already asked for this member or another one), PHONE_TAKEN (a race for a new phone).
 */
export async function linkMember(
  deps: Deps,
  actor: Actor,
  input: { memberId: string; phone: string | null; password?: string },
) {
  const person = input.phone && input.password ? await newPerson({ phone: input.phone, name: "", password: input.password }) : null;
  try {
    return await deps.db.$transaction(async (tx) => {
      const m = await memberInScope(tx, actor, input.memberId);
      const villageId = m.household.villageId;
      const audit = (after: Record<string, unknown>) =>
        recordAudit(tx, actor, {
          regionId: villageId,
          action: "household.linkMember",
          entity: "HouseholdMember",
          entityId: m.id,
          before: { userId: m.userId, pending: !!m.pendingUserId },
          after: after as never,
        });
      if (!input.phone) {
        await repo.setMemberLink(tx, m.id, { userId: null, pendingUserId: null, pendingSince: null });
        await audit({ userId: null, pending: false });
        return { id: m.id, userId: null, pending: false };
      }
      const existing = await accountIdByPhone(tx, input.phone);
      if (existing) {
        if (existing === m.userId) return { id: m.id, userId: existing, pending: false };
        if (existing === m.pendingUserId) throw new DomainError("LINK_PENDING");
        const other = await repo.memberOfAccountInVillage(tx, villageId, existing, m.id);
        if (other && other.userId !== existing) throw new DomainError("LINK_PENDING");
        if (other?.householdId === m.householdId) throw new DomainError("MEMBER_ALREADY_LINKED");
        if (other) throw new DomainError("ACCOUNT_IN_OTHER_HOUSEHOLD", { number: other.household.number });
        await repo.setMemberLink(tx, m.id, { userId: null, pendingUserId: existing, pendingSince: deps.now() });
        await notify(tx, { userId: existing }, "household.linkRequested", { number: m.household.number, member: m.name });
        // the request names no account: the committee learns who it is only when they accept
        await audit({ pending: true });
        return { id: m.id, userId: null, pending: true };
      }
      if (!person) throw new DomainError("PASSWORD_REQUIRED");
      const u = await createPerson(tx, { ...person, name: m.name }, { regionId: villageId, role: "VILLAGER" });
      await repo.setMemberLink(tx, m.id, { userId: u.id, pendingUserId: null, pendingSince: null });
      await audit({ userId: u.id, pending: false });
      return { id: m.id, userId: u.id, pending: false };
    });
  } catch (e) {
    // Two people linking the same account at once: the unique (householdId, userId) index decides.
    if (isUniqueViolation(e) && person) throw phoneTakenOr(e, person.phone);
    if (isUniqueViolation(e)) throw new DomainError("MEMBER_ALREADY_LINKED");
    throw e;
  }
}

/** The links to households waiting for the actor's answer (household number, head, village, which member). */
export async function myLinkRequests(deps: Deps, actor: Actor) {
  const rows = await repo.pendingLinksOf(deps.db, actor.userId);
  return rows.map((r) => ({
    memberId: r.id,
    memberName: r.name,
    relation: r.relation,
    since: r.pendingSince,
    household: { number: r.household.number, headName: r.household.headName, village: r.household.village.name },
  }));
}

/**
 * The account holder accepts (the member is linked to their account and they become a villager of
 * that village) or declines (the request is withdrawn). Throws NOT_FOUND (no such request for this
 * account), HOUSEHOLD_INACTIVE, ACCOUNT_IN_OTHER_HOUSEHOLD (linked elsewhere in the village meanwhile).
 */
export async function answerLink(deps: Deps, actor: Actor, input: { memberId: string; accept: boolean }) {
  return deps.db.$transaction(async (tx) => {
    const m = await repo.findMember(tx, null, input.memberId);
    if (!m || m.pendingUserId !== actor.userId || m.status !== "ACTIVE") throw new DomainError("NOT_FOUND");
    const villageId = m.household.villageId;
    if (input.accept) {
      if (m.household.status === "INACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
      const other = await repo.memberOfAccountInVillage(tx, villageId, actor.userId, m.id);
      if (other && other.userId === actor.userId) throw new DomainError("ACCOUNT_IN_OTHER_HOUSEHOLD", { number: other.household.number });
      await repo.setMemberLink(tx, m.id, { userId: actor.userId, pendingUserId: null, pendingSince: null });
      await grantRole(tx, { userId: actor.userId, regionId: villageId, role: "VILLAGER" });
    } else {
      await repo.setMemberLink(tx, m.id, { pendingUserId: null, pendingSince: null });
    }
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: input.accept ? "household.acceptLink" : "household.declineLink",
      entity: "HouseholdMember",
      entityId: m.id,
      after: input.accept ? { userId: actor.userId } : { declined: true },
    });
    return { memberId: m.id, linked: input.accept };
  });
}

/** The villager's own household (through the member linked to their account in this village), or null. */
export async function myHousehold(deps: Deps, actor: Actor) {
  const mine = await villagerHousehold(deps.db, actor);
  if (!mine) return null;
  const [h, pinSet] = await Promise.all([repo.householdWithMembers(deps.db, mine.id), repo.pinIsSet(deps.db, mine.id)]);
  if (!h) return null;
  return {
    ...h,
    pinSet,
    members: repo
      .headFirst(h.members)
      .map((m) => ({ id: m.id, name: m.name, relation: m.relation, isMe: m.userId === actor.userId })),
  };
}
