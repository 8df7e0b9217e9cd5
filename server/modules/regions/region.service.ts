/**
 * Towns and counties: the villages below them, and creating a village with its first committee
 * account. Admins see roll-ups and create places; they never edit a village's own rules.
 */
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { auditScope, recordAudit } from "../audit/audit.service";
import { maskPhone } from "../households/household.policy";
import type { CreateVillageInput } from "./region.schema";

/** Towns under the admin's region (a town admin: their own town), each with its villages and counts. */
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
      checkInAutoApproveMaxPoints: true,
      maxRulePoints: true,
      _count: {
        select: {
          households: { where: { status: "ACTIVE" } },
          grids: true,
        },
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  // "accounts" are people: one person with two roles in a village (or in two villages of a town) counts once
  const [perVillage, perTown] = await Promise.all([
    deps.db.$queryRaw<{ id: string; people: bigint }[]>`
      SELECT "regionId" AS id, count(DISTINCT "userId") AS people FROM "Membership"
      WHERE "active" AND "regionId" = ANY(${ids}::text[]) GROUP BY "regionId"`,
    deps.db.$queryRaw<{ id: string; people: bigint }[]>`
      SELECT r."parentId" AS id, count(DISTINCT m."userId") AS people
      FROM "Membership" m JOIN "Region" r ON r."id" = m."regionId"
      WHERE m."active" AND r."kind" = 'VILLAGE' AND r."id" = ANY(${ids}::text[]) GROUP BY r."parentId"`,
  ]);
  const people = (rows: { id: string; people: bigint }[], id: string) => Number(rows.find((r) => r.id === id)?.people ?? 0);
  const towns = regions.filter((r) => r.kind === "TOWN");
  return towns.map((t) => {
    const villages = regions
      .filter((v) => v.kind === "VILLAGE" && v.parentId === t.id)
      .map((v) => ({
        id: v.id,
        name: v.name,
        noticeDays: v.noticeDays,
        /** the town sees the village's settings that keep a second person in the loop */
        checkInAutoApproveMaxPoints: v.checkInAutoApproveMaxPoints,
        maxRulePoints: v.maxRulePoints,
        households: v._count.households,
        accounts: people(perVillage, v.id),
        grids: v._count.grids,
      }));
    return {
      id: t.id,
      name: t.name,
      villages,
      households: villages.reduce((n, v) => n + v.households, 0),
      accounts: people(perTown, t.id),
    };
  });
}

/**
 * Creates a village (or urban community) under a town of the admin's region, its grids, and its first
 * committee account, in one transaction: on any error nothing is written (no orphan user or village).
 * Throws NOT_FOUND (town outside the admin's region), REGION_NAME_TAKEN, PHONE_TAKEN.
 */
export async function createVillage(deps: Deps, actor: Actor, input: CreateVillageInput) {
  const ids = await auditScope(deps.db, actor);
  const town = await deps.db.region.findFirst({
    where: { AND: [{ id: input.townId }, { id: { in: ids } }], kind: "TOWN" },
    select: { id: true, name: true },
  });
  if (!town) throw new DomainError("NOT_FOUND");
  const passwordHash = await hashPassword(input.committee.password);
  const nameTaken = () => new DomainError("REGION_NAME_TAKEN", { name: input.name });
  const phoneTaken = () => new DomainError("PHONE_TAKEN", { phone: maskPhone(input.committee.phone) });
  try {
    return await deps.db.$transaction(async (tx) => {
      const sameName = await tx.region.findFirst({ where: { parentId: town.id, name: input.name }, select: { id: true } });
      if (sameName) throw nameTaken();
      const existing = await tx.user.findUnique({ where: { phone: input.committee.phone }, select: { id: true } });
      if (existing) throw phoneTaken();
      const v = await tx.region.create({
        data: { kind: "VILLAGE", name: input.name, parentId: town.id, noticeDays: input.noticeDays },
        select: { id: true },
      });
      if (input.grids.length > 0) {
        await tx.grid.createMany({ data: input.grids.map((name) => ({ villageId: v.id, name })) });
      }
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
        after: {
          name: input.name,
          townId: town.id,
          noticeDays: input.noticeDays,
          grids: input.grids.join("、"),
          committeeUserId: u.id,
          phone: maskPhone(input.committee.phone),
        },
      });
      return { id: v.id, committeeUserId: u.id };
    });
  } catch (e) {
    // a concurrent request won the race between our check and our insert
    if (isUniqueViolation(e)) {
      const sameName = await deps.db.region.findFirst({ where: { parentId: town.id, name: input.name }, select: { id: true } });
      throw sameName ? nameTaken() : phoneTaken();
    }
    throw e;
  }
}
