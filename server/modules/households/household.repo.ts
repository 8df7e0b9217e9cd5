import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";
import { maskPhone } from "@/server/lib/words.schema";
import { likeText } from "@/server/lib/like";

type Scope = { villageId: string; gridId?: string };

export async function listHouseholds(
  db: Db,
  scope: Scope,
  f: { query?: string; gridId?: string; status?: "ACTIVE" | "INACTIVE"; skip: number; take: number },
) {
  const where = {
    ...scope,
    ...(f.gridId && !scope.gridId ? { gridId: f.gridId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.query
      ? { OR: [{ number: { contains: likeText(f.query) } }, { headName: { contains: likeText(f.query) } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.household.findMany({
      where,
      select: {
        id: true,
        number: true,
        headName: true,
        address: true,
        status: true,
        grid: { select: { id: true, name: true } },
        _count: { select: { members: { where: { status: "ACTIVE" } } } },
      },
      orderBy: { number: "asc" },
      skip: f.skip,
      take: f.take,
    }),
    db.household.count({ where }),
  ]);
  return {
    total,
    items: rows.map((h) => ({
      id: h.id,
      number: h.number,
      headName: h.headName,
      address: h.address,
      status: h.status,
      grid: h.grid,
      memberCount: h._count.members,
    })),
  };
}

/**
 * One household with its members. Members who left are listed only with `includeLeft` (the history
 * view). A link waiting for the account holder's answer shows as `linkPending` with no name or phone:
 * until they accept, the committee does not learn whose account it is.
 */
export async function getHousehold(db: Db | Tx, scope: Scope, id: string, includeLeft = false) {
  const h = await db.household.findFirst({
    where: { id, ...scope },
    select: {
      id: true,
      villageId: true,
      number: true,
      headName: true,
      address: true,
      status: true,
      grid: { select: { id: true, name: true } },
      members: {
        where: includeLeft ? {} : { status: "ACTIVE" },
        select: {
          id: true,
          name: true,
          relation: true,
          status: true,
          leftAt: true,
          pendingUserId: true,
          user: { select: { id: true, name: true, phone: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!h) return null;
  const pin = await db.householdPin.findUnique({ where: { householdId: h.id }, select: { householdId: true } });
  return {
    ...h,
    pinSet: !!pin,
    members: headFirst(h.members).map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
      status: m.status,
      leftAt: m.leftAt,
      linkPending: !!m.pendingUserId,
      account: m.user ? { id: m.user.id, name: m.user.name, phoneMasked: maskPhone(m.user.phone) } : null,
    })),
  };
}

/** The head of household first, the others in the order given (a stable sort). */
export function headFirst<T extends { relation: string }>(members: T[]): T[] {
  return [...members.filter((m) => m.relation === "HEAD"), ...members.filter((m) => m.relation !== "HEAD")];
}

/** The plain fields recorded in the audit trail. */
export function householdSnapshot(h: { number: string; headName: string; address: string; status: string; gridId?: string | null }) {
  return { number: h.number, headName: h.headName, address: h.address, status: h.status, gridId: h.gridId ?? null };
}

const householdFields = { id: true, number: true, headName: true, address: true, status: true, gridId: true } as const;

/** Creates the household with its head as first member. */
export function insertHousehold(tx: Tx, data: { villageId: string; number: string; headName: string; address: string; gridId: string | null }) {
  return tx.household.create({
    data: { ...data, members: { create: { name: data.headName, relation: "HEAD" } } },
    select: householdFields,
  });
}

export function findHousehold(tx: Db | Tx, scope: Scope, id: string) {
  return tx.household.findFirst({ where: { id, ...scope }, select: { ...householdFields, villageId: true } });
}

export function updateHousehold(tx: Tx, id: string, data: { number?: string; headName?: string; address?: string; gridId?: string | null }) {
  return tx.household.update({ where: { id }, data, select: householdFields });
}

/** The head's member record carries the head's name too. */
export function renameHead(tx: Tx, householdId: string, name: string) {
  return tx.householdMember.updateMany({ where: { householdId, relation: "HEAD" }, data: { name } });
}

export function setHouseholdStatus(tx: Tx, id: string, status: "ACTIVE" | "INACTIVE") {
  return tx.household.update({ where: { id }, data: { status }, select: { id: true } });
}

export function insertMember(tx: Tx, data: { householdId: string; name: string; relation: string }) {
  return tx.householdMember.create({
    data: { householdId: data.householdId, name: data.name, relation: data.relation as never },
    select: { id: true, name: true, relation: true },
  });
}

/** A member by id, within the scope (null: any village, for the account holder answering a link). */
export function findMember(tx: Db | Tx, scope: Scope | null, memberId: string) {
  return tx.householdMember.findFirst({
    where: { id: memberId, ...(scope ? { household: scope } : {}) },
    select: {
      id: true,
      name: true,
      relation: true,
      status: true,
      userId: true,
      pendingUserId: true,
      householdId: true,
      household: { select: { villageId: true, status: true, number: true } },
    },
  });
}

/** The member leaves: kept on record (what cites them still can), no longer acting for the household. */
export function markLeft(tx: Tx, memberId: string, at: Date) {
  return tx.householdMember.update({
    where: { id: memberId },
    data: { status: "LEFT", leftAt: at, userId: null, pendingUserId: null, pendingSince: null },
    select: { id: true },
  });
}

export function setMemberLink(tx: Tx, memberId: string, link: { userId?: string | null; pendingUserId: string | null; pendingSince: Date | null }) {
  return tx.householdMember.update({ where: { id: memberId }, data: link, select: { id: true } });
}

/** Another active member of the village linked (or asked to be linked) to the account. */
export function memberOfAccountInVillage(tx: Db | Tx, villageId: string, userId: string, exceptMemberId: string) {
  return tx.householdMember.findFirst({
    where: { OR: [{ userId }, { pendingUserId: userId }], id: { not: exceptMemberId }, status: "ACTIVE", household: { villageId } },
    select: { householdId: true, userId: true, household: { select: { number: true } } },
  });
}

/** The links waiting for this account holder's answer, with the household and village they are for. */
export function pendingLinksOf(db: Db | Tx, userId: string) {
  return db.householdMember.findMany({
    where: { pendingUserId: userId, status: "ACTIVE" },
    select: {
      id: true,
      name: true,
      relation: true,
      pendingSince: true,
      household: { select: { id: true, number: true, headName: true, villageId: true, status: true, village: { select: { name: true } } } },
    },
    orderBy: { pendingSince: "asc" },
  });
}

/** The villager's household with its current members (for 我的). */
export function householdWithMembers(db: Db | Tx, householdId: string) {
  return db.household.findUnique({
    where: { id: householdId },
    select: {
      id: true,
      number: true,
      headName: true,
      address: true,
      status: true,
      grid: { select: { name: true } },
      members: {
        where: { status: "ACTIVE" },
        select: { id: true, name: true, relation: true, userId: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
}

// ───────── import ─────────

export async function takenNumbers(db: Db | Tx, villageId: string, numbers: string[]): Promise<Set<string>> {
  const rows = await db.household.findMany({ where: { villageId, number: { in: numbers } }, select: { number: true } });
  return new Set(rows.map((r) => r.number));
}

/** One of the numbers already registered in the village (after a write lost a race), or null. */
export async function firstTakenNumber(db: Db | Tx, villageId: string, numbers: string[]): Promise<string | null> {
  return (await db.household.findFirst({ where: { villageId, number: { in: numbers } }, select: { number: true } }))?.number ?? null;
}

export function insertHouseholds(tx: Tx, data: { villageId: string; number: string; headName: string; address: string; gridId: string | null }[]) {
  return tx.household.createManyAndReturn({ data, select: { id: true, number: true } });
}

export function insertMembers(tx: Tx, data: { householdId: string; name: string; relation: string }[]) {
  return tx.householdMember.createMany({ data: data.map((m) => ({ ...m, relation: m.relation as never })) });
}

// ───────── cards ─────────

export function householdsForCards(db: Db | Tx, scope: Scope, ids: string[] | null) {
  return db.household.findMany({
    where: ids ? { ...scope, id: { in: ids } } : { ...scope, status: "ACTIVE" },
    select: { id: true, number: true, headName: true, status: true },
    orderBy: { number: "asc" },
  });
}

// ───────── card PIN ─────────

export async function pinIsSet(db: Db | Tx, householdId: string): Promise<boolean> {
  return !!(await db.householdPin.findUnique({ where: { householdId }, select: { householdId: true } }));
}

/** Sets the PIN and clears the current lock (the count of past lock-outs stays). */
export function upsertPin(tx: Tx, householdId: string, pinHash: string) {
  return tx.householdPin.upsert({
    where: { householdId },
    create: { householdId, pinHash },
    update: { pinHash, failures: 0, lockedUntil: null },
    select: { householdId: true },
  });
}

export function deletePin(tx: Tx, householdId: string) {
  return tx.householdPin.deleteMany({ where: { householdId } });
}
