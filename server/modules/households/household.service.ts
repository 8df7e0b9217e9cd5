/** The household register: committee keeps it, supervisors and grid workers read it. */
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import type { Deps, Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit } from "../audit/audit.service";
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

/** Throws NOT_FOUND (also for a household of another village or, for grid workers, another grid). */
export async function getHousehold(deps: Deps, actor: Actor, id: string) {
  const h = await repo.getHousehold(deps.db, householdScope(actor), id);
  if (!h) throw new DomainError("NOT_FOUND");
  return h;
}

export function listGrids(deps: Deps, actor: Actor) {
  return repo.listGrids(deps.db, actor.villageId ?? "__none__");
}

async function checkGrid(tx: Tx, villageId: string, gridId: string | null | undefined) {
  if (gridId && !(await repo.gridInVillage(tx, villageId, gridId))) throw new DomainError("NOT_FOUND");
}

/** Throws HOUSEHOLD_NUMBER_TAKEN, NOT_FOUND (grid of another village). */
export async function createHousehold(deps: Deps, actor: Actor, input: HouseholdCreateInput) {
  const villageId = householdScope(actor).villageId;
  try {
    return await deps.db.$transaction(async (tx) => {
      await checkGrid(tx, villageId, input.gridId);
      const h = await tx.household.create({
        data: {
          villageId,
          number: input.number,
          headName: input.headName,
          address: input.address,
          gridId: input.gridId ?? null,
          members: { create: { name: input.headName, relation: "HEAD" } },
        },
        select: { id: true, number: true, headName: true, address: true, status: true, gridId: true },
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
      const before = await tx.household.findFirst({
        where: { id: input.id, ...scope },
        select: { id: true, number: true, headName: true, address: true, status: true, gridId: true },
      });
      if (!before) throw new DomainError("NOT_FOUND");
      if (before.status === "INACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
      await checkGrid(tx, scope.villageId, input.gridId);
      const after = await tx.household.update({
        where: { id: before.id },
        data: {
          number: input.number,
          headName: input.headName,
          address: input.address,
          gridId: input.gridId === undefined ? undefined : input.gridId,
        },
        select: { id: true, number: true, headName: true, address: true, status: true, gridId: true },
      });
      if (input.headName && input.headName !== before.headName) {
        await tx.householdMember.updateMany({
          where: { householdId: before.id, relation: "HEAD" },
          data: { name: input.headName },
        });
      }
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
    const before = await tx.household.findFirst({ where: { id: input.id, ...scope }, select: { id: true, status: true } });
    if (!before) throw new DomainError("NOT_FOUND");
    // Tapping twice (or two people at once) changes nothing the second time, and records nothing.
    if (before.status === input.status) return { id: before.id, status: input.status };
    await tx.household.update({ where: { id: before.id }, data: { status: input.status }, select: { id: true } });
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
  const h = await tx.household.findFirst({
    where: { id: householdId, ...householdScope(actor) },
    select: { id: true, status: true, villageId: true },
  });
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
    const m = await tx.householdMember.create({
      data: { householdId: h.id, name: input.name, relation: input.relation as never },
      select: { id: true, name: true, relation: true },
    });
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

async function memberInScope(tx: Tx, actor: Actor, memberId: string) {
  const m = await tx.householdMember.findFirst({
    where: { id: memberId, household: householdScope(actor) },
    select: { id: true, name: true, relation: true, userId: true, householdId: true, household: { select: { villageId: true, status: true } } },
  });
  if (!m) throw new DomainError("NOT_FOUND");
  if (m.household.status === "INACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  return m;
}

/** Throws NOT_FOUND, HOUSEHOLD_INACTIVE, HEAD_CANNOT_BE_REMOVED. */
export async function removeMember(deps: Deps, actor: Actor, input: { memberId: string }) {
  return deps.db.$transaction(async (tx) => {
    const m = await memberInScope(tx, actor, input.memberId);
    if (m.relation === "HEAD") throw new DomainError("HEAD_CANNOT_BE_REMOVED");
    await tx.householdMember.delete({ where: { id: m.id }, select: { id: true } });
    await recordAudit(tx, actor, {
      regionId: m.household.villageId,
      action: "household.removeMember",
      entity: "HouseholdMember",
      entityId: m.id,
      before: { householdId: m.householdId, name: m.name, relation: m.relation, userId: m.userId },
    });
    return { id: m.id };
  });
}

/**
 * Links a member to a phone account (creating a villager account when the phone is new and a
 * password is given), and gives that account the VILLAGER role in the village. `phone: null` unlinks.
 * One account belongs to at most one household of a village, so "my household" is never ambiguous.
 * Throws NOT_FOUND, HOUSEHOLD_INACTIVE, PASSWORD_REQUIRED (new phone, no password),
 * MEMBER_ALREADY_LINKED (another member of this household), ACCOUNT_IN_OTHER_HOUSEHOLD.
 */
export async function linkMember(
  deps: Deps,
  actor: Actor,
  input: { memberId: string; phone: string | null; password?: string },
) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await deps.db.$transaction(async (tx) => {
      const m = await memberInScope(tx, actor, input.memberId);
      const villageId = m.household.villageId;
      let userId: string | null = null;
      if (input.phone) {
        const existing = await tx.user.findUnique({ where: { phone: input.phone }, select: { id: true } });
        if (existing) {
          userId = existing.id;
          const other = await tx.householdMember.findFirst({
            where: { userId, id: { not: m.id }, household: { villageId } },
            select: { householdId: true, household: { select: { number: true } } },
          });
          if (other?.householdId === m.householdId) throw new DomainError("MEMBER_ALREADY_LINKED");
          if (other) throw new DomainError("ACCOUNT_IN_OTHER_HOUSEHOLD", { number: other.household.number });
        } else if (passwordHash) {
          const u = await tx.user.create({
            data: { phone: input.phone, name: m.name, passwordHash },
            select: { id: true },
          });
          userId = u.id;
        } else {
          throw new DomainError("PASSWORD_REQUIRED");
        }
        await tx.membership.upsert({
          where: { userId_regionId_role: { userId, regionId: villageId, role: "VILLAGER" } },
          create: { userId, regionId: villageId, role: "VILLAGER" },
          update: { active: true },
          select: { id: true },
        });
      }
      await tx.householdMember.update({ where: { id: m.id }, data: { userId }, select: { id: true } });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "household.linkMember",
        entity: "HouseholdMember",
        entityId: m.id,
        before: { userId: m.userId },
        after: { userId },
      });
      return { id: m.id, userId };
    });
  } catch (e) {
    // Two people linking the same account at once: the unique (householdId, userId) index decides.
    if (isUniqueViolation(e)) throw new DomainError("MEMBER_ALREADY_LINKED");
    throw e;
  }
}

/** The villager's own household (through the member linked to their account in this village). */
export async function myHousehold(deps: Deps, actor: Actor) {
  const h = await deps.db.household.findFirst({
    where: { villageId: actor.villageId ?? "__none__", members: { some: { userId: actor.userId } } },
    select: {
      id: true,
      number: true,
      headName: true,
      address: true,
      status: true,
      grid: { select: { name: true } },
      members: {
        select: { id: true, name: true, relation: true, userId: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!h) return null;
  return {
    ...h,
    members: repo
      .headFirst(h.members)
      .map((m) => ({ id: m.id, name: m.name, relation: m.relation, isMe: m.userId === actor.userId })),
  };
}
