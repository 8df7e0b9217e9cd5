/** Towns and counties: the villages below them, and creating a village with its first committee account. */
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { auditScope, recordAudit } from "../audit/audit.service";
import { maskPhone } from "../households/household.policy";
import type { CreateVillageInput } from "./region.schema";

/** Towns and villages under the admin's region, with household and account counts. */
export async function listVillages(deps: Deps, actor: Actor) {
  const ids = await auditScope(deps.db, actor);
  const regions = await deps.db.region.findMany({
    where: { id: { in: ids }, kind: { in: ["TOWN", "VILLAGE"] } },
    select: {
      id: true,
      kind: true,
      name: true,
      parentId: true,
      noticeDays: true,
      _count: { select: { households: true, memberships: true } },
    },
    orderBy: { name: "asc" },
  });
  const towns = regions.filter((r) => r.kind === "TOWN");
  // a town admin's own town is not in the list of towns below it, so add it
  if (actor.role === "TOWN_ADMIN" && !towns.some((t) => t.id === actor.regionId)) {
    towns.push({ id: actor.regionId, kind: "TOWN", name: actor.regionName, parentId: null, noticeDays: 0, _count: { households: 0, memberships: 0 } });
  }
  return towns.map((t) => ({
    id: t.id,
    name: t.name,
    villages: regions
      .filter((v) => v.kind === "VILLAGE" && v.parentId === t.id)
      .map((v) => ({ id: v.id, name: v.name, noticeDays: v.noticeDays, households: v._count.households, accounts: v._count.memberships })),
  }));
}

/** Throws NOT_FOUND (town outside the admin's region), REGION_NAME_TAKEN, PHONE_TAKEN. */
export async function createVillage(deps: Deps, actor: Actor, input: CreateVillageInput) {
  const ids = await auditScope(deps.db, actor);
  const town = await deps.db.region.findFirst({
    where: { id: input.townId, kind: "TOWN", ...(actor.role === "TOWN_ADMIN" ? {} : { id: { in: ids } }) },
    select: { id: true },
  });
  if (!town || !ids.includes(town.id)) throw new DomainError("NOT_FOUND");
  const passwordHash = await hashPassword(input.committee.password);
  try {
    return await deps.db.$transaction(async (tx) => {
      const v = await tx.region.create({
        data: { kind: "VILLAGE", name: input.name, parentId: town.id, noticeDays: input.noticeDays },
        select: { id: true },
      });
      const existing = await tx.user.findUnique({ where: { phone: input.committee.phone }, select: { id: true } });
      if (existing) throw new DomainError("PHONE_TAKEN", { phone: maskPhone(input.committee.phone) });
      const u = await tx.user.create({
        data: {
          phone: input.committee.phone,
          name: input.committee.name,
          passwordHash,
          memberships: { create: { regionId: v.id, role: "COMMITTEE" } },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        regionId: v.id,
        action: "region.createVillage",
        entity: "Region",
        entityId: v.id,
        after: { name: input.name, townId: town.id, committeeUserId: u.id, noticeDays: input.noticeDays },
      });
      return { id: v.id };
    });
  } catch (e) {
    if (isUniqueViolation(e, ["name"])) throw new DomainError("REGION_NAME_TAKEN", { name: input.name });
    if (isUniqueViolation(e)) throw new DomainError("PHONE_TAKEN", { phone: maskPhone(input.committee.phone) });
    throw e;
  }
}
