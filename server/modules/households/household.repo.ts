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
        _count: { select: { members: true } },
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

export async function getHousehold(db: Db | Tx, scope: Scope, id: string) {
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
        select: {
          id: true,
          name: true,
          relation: true,
          user: { select: { id: true, name: true, phone: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!h) return null;
  return {
    ...h,
    members: headFirst(h.members).map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
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

export async function gridInVillage(db: Db | Tx, villageId: string, gridId: string) {
  return db.grid.findFirst({ where: { id: gridId, villageId }, select: { id: true, name: true } });
}

export async function listGrids(db: Db, villageId: string) {
  return db.grid.findMany({
    where: { villageId },
    select: { id: true, name: true, _count: { select: { households: true } } },
    orderBy: { name: "asc" },
  });
}
