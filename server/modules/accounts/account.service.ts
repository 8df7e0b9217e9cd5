/** Accounts of the people in a village, kept by the committee; and each user's own profile. */
import type { Actor } from "@/server/auth/actor";
import { liftPhoneLockout } from "@/server/auth/lockout.service";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { maskPhone } from "@/server/lib/words.schema";
import { recordAudit } from "../audit/audit.service";
import { createPerson, newPerson, phoneTakenOr } from "./person.service";
import { gridOfVillage } from "../regions/region.read";
import { activeMemberships } from "./account.read";
import { entitiesWithAction } from "../audit/audit.read";
import { activeMemberUserIds } from "../households/household.read";
import { COMMITTEE_ASSIGNABLE, keepProblem, roleChangeProblem } from "./account.policy";
import * as repo from "./account.repo";
import type { AccountCreateInput, AccountListInput, ResetPasswordInput, SetRoleInput } from "./account.schema";

/** The committee's village; a non-village actor gets a village id that matches nothing (NOT_FOUND). */
const villageOfActor = (actor: Actor) => actor.villageId ?? "__none__";

export async function me(deps: Deps, actor: Actor) {
  const memberships = await activeMemberships(deps.db, actor.userId);
  return {
    name: actor.name,
    role: actor.role,
    regionName: actor.regionName,
    membershipId: actor.membershipId,
    memberships,
  };
}

/** Throws WRONG_CURRENT_PASSWORD. */
export async function changePassword(deps: Deps, actor: Actor, input: { current: string; password: string }) {
  const currentHash = await repo.passwordHashOf(deps.db, actor.userId);
  if (!(await verifyPassword(currentHash, input.current))) throw new DomainError("WRONG_CURRENT_PASSWORD");
  const passwordHash = await hashPassword(input.password);
  await deps.db.$transaction(async (tx) => {
    // a new password signs out every device, this one too (a thief's copy of the cookie stops working)
    await repo.setPassword(tx, actor.userId, passwordHash);
    await recordAudit(tx, actor, { regionId: actor.regionId, action: "me.changePassword", entity: "User", entityId: actor.userId });
  });
  return { ok: true };
}

/** Signs the user out on every device (this one too): every session token made before stops working. */
export async function signOutEverywhere(deps: Deps, actor: Actor) {
  await deps.db.$transaction(async (tx) => {
    await repo.bumpSessionVersion(tx, actor.userId);
    await recordAudit(tx, actor, { regionId: actor.regionId, action: "me.signOutEverywhere", entity: "User", entityId: actor.userId });
  });
  return { ok: true };
}

/**
 * Which of `userIds` the committee keeps, and why not for the others (see keepProblem): their roles
 * here and elsewhere, household membership and who opened the account, in four queries for the lot.
 */
async function keepProblems(deps: Deps, villageId: string, userIds: string[], what: "reset" | "grant") {
  const [rolesHere, elsewhere, members, opened] = await Promise.all([
    repo.activeRolesOfUsersInVillage(deps.db, villageId, userIds),
    repo.usersWithRolesElsewhere(deps.db, villageId, userIds),
    activeMemberUserIds(deps.db, villageId, userIds),
    entitiesWithAction(deps.db, villageId, "account.create", userIds),
  ]);
  return new Map(
    userIds.map((id) => [
      id,
      keepProblem(
        { rolesHere: rolesHere.get(id) ?? [], roleElsewhere: elsewhere.has(id), householdMember: members.has(id), openedHere: opened.has(id) },
        what,
      ),
    ]),
  );
}

/** Throws the reason the committee may not reset this person's password or give them a role. */
async function mustKeep(deps: Deps, villageId: string, userId: string, what: "reset" | "grant") {
  const problem = (await keepProblems(deps, villageId, [userId], what)).get(userId);
  if (problem) throw new DomainError(problem);
}

/**
 * People of the committee's village, searched by name or phone digits; phones are masked. `kept` says
 * whether the committee may reset the password and give roles (else it may only take roles away).
 */
export async function listAccounts(deps: Deps, actor: Actor, input: AccountListInput) {
  const villageId = villageOfActor(actor);
  const users = await repo.listVillageUsers(deps.db, villageId, input.query || undefined);
  const problems = await keepProblems(deps, villageId, users.map((u) => u.id), "grant");
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    phoneMasked: maskPhone(u.phone),
    active: u.active,
    isSelf: u.id === actor.userId,
    kept: !problems.get(u.id),
    roles: u.memberships.map((m) => ({ role: m.role, grid: m.grid })),
  }));
}

/** The grid to record for a role: required (and in the village) for grid workers, none for others. */
async function gridFor(deps: Deps, villageId: string, role: string, gridId?: string) {
  if (role !== "GRID_WORKER") return null;
  if (!gridId) throw new DomainError("GRID_REQUIRED");
  const g = await gridOfVillage(deps.db, villageId, gridId);
  if (!g) throw new DomainError("NOT_FOUND");
  return g;
}

/**
 * Creates an account with a role in the committee's village (never a supervisor's: the town appoints those).
 * Throws SUPERVISOR_BY_TOWN, PHONE_TAKEN, GRID_REQUIRED, NOT_FOUND (grid).
 */
export async function createAccount(deps: Deps, actor: Actor, input: AccountCreateInput) {
  const villageId = villageOfActor(actor);
  if (!COMMITTEE_ASSIGNABLE.includes(input.role)) throw new DomainError("SUPERVISOR_BY_TOWN");
  const grid = await gridFor(deps, villageId, input.role, input.gridId);
  const person = await newPerson(input);
  try {
    return await deps.db.$transaction(async (tx) => {
      const u = await createPerson(tx, person, { regionId: villageId, role: input.role, gridId: grid?.id ?? null });
      await recordAudit(tx, actor, {
        regionId: villageId,
        action: "account.create",
        entity: "User",
        entityId: u.id,
        after: { name: input.name, phone: maskPhone(input.phone), role: input.role, ...(grid ? { gridId: grid.id } : {}) },
      });
      return { id: u.id };
    });
  } catch (e) {
    // two requests racing for one phone: the unique index refuses the second
    throw phoneTakenOr(e, input.phone);
  }
}

async function userInVillage(deps: Deps, villageId: string, userId: string) {
  const u = await repo.findUserInVillage(deps.db, villageId, userId);
  if (!u) throw new DomainError("NOT_FOUND");
  return u;
}

/**
 * A person the committee may manage: of its village, and not a supervisor there. A supervisor's
 * account is the town's to keep, or the committee could reset it and sign in as its own reviewer.
 */
async function managedUser(deps: Deps, villageId: string, userId: string) {
  const u = await userInVillage(deps, villageId, userId);
  const roles = await repo.activeRolesInVillage(deps.db, villageId, u.id);
  if (roles.includes("SUPERVISOR")) throw new DomainError("SUPERVISOR_ACCOUNT");
  return u;
}

/**
 * Sets a new password for a person the village keeps (keepProblem). A person who also holds a role
 * elsewhere (another village, a town) is refused: one village's committee must not be able to take
 * over an account that acts in places it does not keep; nor one of someone outside its households.
 * Throws NOT_FOUND (not a person of this village), SUPERVISOR_ACCOUNT, ACCOUNT_SHARED, ACCOUNT_NOT_KEPT.
 */
export async function resetPassword(deps: Deps, actor: Actor, input: ResetPasswordInput) {
  const villageId = villageOfActor(actor);
  const u = await managedUser(deps, villageId, input.userId);
  await mustKeep(deps, villageId, u.id, "reset");
  const passwordHash = await hashPassword(input.password);
  await deps.db.$transaction(async (tx) => {
    // the old sessions end with the old password
    await repo.setPassword(tx, u.id, passwordHash);
    // a reset also lifts a lock-out on the phone, so the person can sign in with the new password
    await liftPhoneLockout(tx, u.phone);
    await recordAudit(tx, actor, { regionId: villageId, action: "account.resetPassword", entity: "User", entityId: u.id });
  });
  return { ok: true };
}

/**
 * Gives or removes a village role (a grid worker's role carries their grid). Roles are given only to
 * people the village keeps (keepProblem); a role in this village can be taken away from anyone but a supervisor.
 * Throws NOT_FOUND (person or grid not of this village), SUPERVISOR_BY_TOWN, SUPERVISOR_ACCOUNT,
 * ACCOUNT_NOT_KEPT, GRID_REQUIRED, OWN_COMMITTEE_ROLE.
 */
export async function setRole(deps: Deps, actor: Actor, input: SetRoleInput) {
  const villageId = villageOfActor(actor);
  const u = await userInVillage(deps, villageId, input.userId);
  const problem = roleChangeProblem(actor, { userId: u.id, role: input.role, enabled: input.enabled, gridId: input.gridId });
  if (problem) throw new DomainError(problem);
  await managedUser(deps, villageId, u.id);
  if (input.enabled) await mustKeep(deps, villageId, u.id, "grant");
  const grid = input.enabled ? await gridFor(deps, villageId, input.role, input.gridId) : null;
  await deps.db.$transaction(async (tx) => {
    const before = await repo.findMembership(tx, u.id, villageId, input.role);
    const wasActive = before?.active ?? false;
    // nothing to change: no write and no audit record
    if (!input.enabled && !wasActive) return;
    if (input.enabled && wasActive && (before?.gridId ?? null) === (grid?.id ?? null)) return;
    await repo.setMembership(tx, { userId: u.id, regionId: villageId, role: input.role, gridId: grid?.id ?? null, enabled: input.enabled });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: input.enabled ? "account.grantRole" : "account.revokeRole",
      entity: "User",
      entityId: u.id,
      before: { role: input.role, active: wasActive, ...(input.role === "GRID_WORKER" ? { gridId: before?.gridId ?? null } : {}) },
      after: {
        role: input.role,
        active: input.enabled,
        ...(input.role === "GRID_WORKER" ? { gridId: input.enabled ? (grid?.id ?? null) : (before?.gridId ?? null) } : {}),
      },
    });
  });
  return { ok: true };
}
