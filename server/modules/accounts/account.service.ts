/** Accounts of the people in a village, kept by the committee; and each user's own profile. */
import type { Actor } from "@/server/auth/actor";
import { listMemberships } from "@/server/auth/actor.repo";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { recordAudit } from "../audit/audit.service";
import { maskPhone } from "../households/household.policy";
import type { AccountCreateInput } from "./account.schema";

export async function me(deps: Deps, actor: Actor) {
  const memberships = await listMemberships(deps.db, actor.userId);
  return {
    name: actor.name,
    role: actor.role,
    regionName: actor.regionName,
    membershipId: actor.membershipId,
    memberships,
  };
}

/** Throws LOGIN_FAILED (current password wrong). */
export async function changePassword(deps: Deps, actor: Actor, input: { current: string; password: string }) {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.current))) throw new DomainError("LOGIN_FAILED");
  const passwordHash = await hashPassword(input.password);
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash }, select: { id: true } });
    await recordAudit(tx, actor, { regionId: actor.regionId, action: "me.changePassword", entity: "User", entityId: actor.userId });
  });
  return { ok: true };
}

/** People with a role in the committee's village; phones are masked. */
export async function listAccounts(deps: Deps, actor: Actor, input: { query?: string }) {
  const villageId = actor.villageId ?? "__none__";
  const users = await deps.db.user.findMany({
    where: {
      memberships: { some: { regionId: villageId, active: true } },
      ...(input.query ? { OR: [{ name: { contains: input.query } }, { phone: { contains: input.query } }] } : {}),
    },
    select: {
      id: true,
      name: true,
      phone: true,
      active: true,
      memberships: {
        where: { regionId: villageId, active: true },
        select: { role: true, grid: { select: { id: true, name: true } } },
      },
    },
    orderBy: { name: "asc" },
    take: 200,
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    phoneMasked: maskPhone(u.phone),
    active: u.active,
    roles: u.memberships.map((m) => ({ role: m.role, grid: m.grid })),
  }));
}

async function checkGrid(deps: Deps, villageId: string, role: string, gridId?: string) {
  if (role !== "GRID_WORKER") return null;
  if (!gridId) throw new DomainError("INVALID_INPUT", { detail: "grid" });
  const g = await deps.db.grid.findFirst({ where: { id: gridId, villageId }, select: { id: true } });
  if (!g) throw new DomainError("NOT_FOUND");
  return g.id;
}

/** Creates an account with a role in the committee's village. Throws PHONE_TAKEN, NOT_FOUND (grid). */
export async function createAccount(deps: Deps, actor: Actor, input: AccountCreateInput) {
  const villageId = actor.villageId ?? "__none__";
  const gridId = await checkGrid(deps, villageId, input.role, input.gridId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: {
          phone: input.phone,
          name: input.name,
          passwordHash,
          memberships: { create: { regionId: villageId, role: input.role, gridId } },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "account.create",
        entity: "User",
        entityId: u.id,
        after: { name: input.name, phone: maskPhone(input.phone), role: input.role },
      });
      return { id: u.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("PHONE_TAKEN", { phone: maskPhone(input.phone) });
    throw e;
  }
}

async function userInVillage(deps: Deps, villageId: string, userId: string) {
  const u = await deps.db.user.findFirst({
    where: { id: userId, memberships: { some: { regionId: villageId } } },
    select: { id: true, name: true, phone: true },
  });
  if (!u) throw new DomainError("NOT_FOUND");
  return u;
}

/** Throws NOT_FOUND (not a person of this village). */
export async function resetPassword(deps: Deps, actor: Actor, input: { userId: string; password: string }) {
  const villageId = actor.villageId ?? "__none__";
  const u = await userInVillage(deps, villageId, input.userId);
  const passwordHash = await hashPassword(input.password);
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: u.id }, data: { passwordHash }, select: { id: true } });
    // a reset also lifts a lock-out on the phone, so the person can sign in with the new password
    await tx.loginThrottle.deleteMany({ where: { key: `phone:${u.phone}` } });
    await recordAudit(tx, actor, { regionId: villageId, action: "account.resetPassword", entity: "User", entityId: u.id });
  });
  return { ok: true };
}

/**
 * Gives or removes a village role. A committee member cannot remove their own COMMITTEE role
 * (the village would risk having nobody left to keep it). Throws NOT_FOUND, ROLE_NOT_ASSIGNABLE.
 */
export async function setRole(
  deps: Deps,
  actor: Actor,
  input: { userId: string; role: string; enabled: boolean; gridId?: string },
) {
  const villageId = actor.villageId ?? "__none__";
  const u = await userInVillage(deps, villageId, input.userId);
  if (!input.enabled && input.role === "COMMITTEE" && u.id === actor.userId) throw new DomainError("ROLE_NOT_ASSIGNABLE");
  const gridId = input.enabled ? await checkGrid(deps, villageId, input.role, input.gridId) : null;
  const role = input.role as never;
  await deps.db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { userId_regionId_role: { userId: u.id, regionId: villageId, role } },
      select: { active: true, gridId: true },
    });
    await tx.membership.upsert({
      where: { userId_regionId_role: { userId: u.id, regionId: villageId, role } },
      create: { userId: u.id, regionId: villageId, role, gridId, active: input.enabled },
      update: { active: input.enabled, ...(input.enabled ? { gridId } : {}) },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "account.setRole",
      entity: "User",
      entityId: u.id,
      before: { role: input.role, active: before?.active ?? false, gridId: before?.gridId ?? null },
      after: { role: input.role, active: input.enabled, gridId },
    });
  });
  return { ok: true };
}
