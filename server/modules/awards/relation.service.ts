/**
 * Declared relations (亲属关系申报): a supervisor declares households they are related to (or the
 * committee does it for a supervisor); a declared relation blocks them from reviewing that
 * household's entries, like being a member of it.
 */
import type { Actor } from "@/server/auth/actor";
import { villageOf } from "@/server/auth/actor";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { recordAudit } from "../audit/audit.service";
import type { RelationDeclareInput } from "./award.schema";

/**
 * Declares (or updates the wording of) a relation between a supervisor and a household.
 * Throws FORBIDDEN (a supervisor declaring for someone else), NOT_FOUND (no such supervisor or household in the village).
 */
export async function declareRelation(deps: Deps, actor: Actor, input: RelationDeclareInput) {
  const villageId = villageOf(actor);
  const userId = input.userId ?? actor.userId;
  if (actor.role === "SUPERVISOR" && userId !== actor.userId) throw new DomainError("FORBIDDEN");
  return deps.db.$transaction(async (tx) => {
    const supervisor = await tx.membership.findFirst({
      where: { userId, regionId: villageId, role: "SUPERVISOR", active: true },
      select: { id: true },
    });
    if (!supervisor) throw new DomainError("NOT_FOUND");
    const h = await tx.household.findFirst({ where: { id: input.householdId, villageId }, select: { id: true } });
    if (!h) throw new DomainError("NOT_FOUND");
    const before = await tx.relatedHousehold.findUnique({
      where: { userId_householdId: { userId, householdId: h.id } },
      select: { id: true, relation: true },
    });
    const row = await tx.relatedHousehold.upsert({
      where: { userId_householdId: { userId, householdId: h.id } },
      create: { villageId, userId, householdId: h.id, relation: input.relation, createdAt: deps.now() },
      update: { relation: input.relation },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      regionId: villageId,
      action: "relation.declare",
      entity: "RelatedHousehold",
      entityId: row.id,
      before: before ? { userId, householdId: h.id, relation: before.relation } : null,
      after: { userId, householdId: h.id, relation: input.relation },
    });
    return { id: row.id };
  });
}

/** The village's declared relations (optionally of one supervisor) and its supervisors (to pick from). */
export async function listRelations(deps: Deps, actor: Actor, input: { userId?: string }) {
  const villageId = villageOf(actor);
  const [rows, supervisors] = await Promise.all([
    deps.db.relatedHousehold.findMany({
      where: { villageId, ...(input.userId ? { userId: input.userId } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
      select: { id: true, userId: true, householdId: true, relation: true, createdAt: true },
    }),
    deps.db.membership.findMany({
      where: { regionId: villageId, role: "SUPERVISOR", active: true },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  const [users, households] = await Promise.all([
    deps.db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, name: true } }),
    deps.db.household.findMany({
      where: { villageId, id: { in: [...new Set(rows.map((r) => r.householdId))] } },
      select: { id: true, number: true, headName: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const household = new Map(households.map((h) => [h.id, h]));
  return {
    supervisors: supervisors.map((s) => ({ userId: s.user.id, name: s.user.name })),
    items: rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      userName: userName.get(r.userId) ?? "",
      household: household.get(r.householdId) ?? { id: r.householdId, number: "", headName: "" },
      relation: r.relation,
      createdAt: r.createdAt,
    })),
  };
}
