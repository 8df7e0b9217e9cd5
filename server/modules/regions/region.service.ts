/**
 * Towns and counties: the villages below them, and creating a village with its first committee
 * account. Admins see roll-ups and create places; they never edit a village's own rules.
 */
import type { Actor } from "@/server/auth/actor";
import { createPerson, newPerson, phoneTaken } from "../accounts/person.service";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { isUniqueViolation } from "@/server/lib/prisma-errors";
import { maskPhone } from "@/server/lib/words.schema";
import { auditScope, recordAudit } from "../audit/audit.service";
import { activePeopleCounts } from "../accounts/account.read";
import { activeHouseholdCounts } from "../households/member.read";
import * as repo from "./region.repo";
import type { CreateVillageInput } from "./region.schema";

/** Towns under the admin's region (a town admin: their own town), each with its villages and counts. */
export async function listVillages(deps: Deps, actor: Actor) {
  const ids = await auditScope(deps.db, actor);
  const regions = await repo.townsAndVillages(deps.db, ids);
  const villageRows = regions.filter((r) => r.kind === "VILLAGE" && r.parentId);
  // "accounts" are people: one person with two roles in a village (or in two villages of a town) counts once
  const [households, people] = await Promise.all([
    activeHouseholdCounts(deps.db, villageRows.map((v) => v.id)),
    activePeopleCounts(deps.db, villageRows.map((v) => ({ id: v.id, townId: v.parentId! }))),
  ]);
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
        households: households.get(v.id) ?? 0,
        accounts: people.perVillage.get(v.id) ?? 0,
        grids: v._count.grids,
      }));
    return {
      id: t.id,
      name: t.name,
      villages,
      households: villages.reduce((n, v) => n + v.households, 0),
      accounts: people.perTown.get(t.id) ?? 0,
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
  const town = await repo.townIn(deps.db, ids, input.townId);
  if (!town) throw new DomainError("NOT_FOUND");
  const person = await newPerson(input.committee);
  const nameTaken = () => new DomainError("REGION_NAME_TAKEN", { name: input.name });
  try {
    return await deps.db.$transaction(async (tx) => {
      if (await repo.childNamed(tx, town.id, input.name)) throw nameTaken();
      const v = await repo.createVillageRow(tx, { name: input.name, parentId: town.id, noticeDays: input.noticeDays });
      await repo.createGrids(tx, v.id, input.grids);
      const u = await createPerson(tx, person, { regionId: v.id, role: "COMMITTEE" });
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
      throw (await repo.childNamed(deps.db, town.id, input.name)) ? nameTaken() : phoneTaken(input.committee.phone);
    }
    throw e;
  }
}
