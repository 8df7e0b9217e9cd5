/** The regions module's own queries (places and grids), with explicit selects. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** Towns and villages among `ids`, with how many grids each has. */
export function townsAndVillages(db: Reader, ids: string[]) {
  return db.region.findMany({
    where: { id: { in: ids }, kind: { in: ["TOWN", "VILLAGE"] } },
    select: {
      id: true,
      kind: true,
      name: true,
      parentId: true,
      noticeDays: true,
      checkInAutoApproveMaxPoints: true,
      maxRulePoints: true,
      _count: { select: { grids: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** The town when it is among `ids`. */
export function townIn(db: Reader, ids: string[], townId: string) {
  return db.region.findFirst({ where: { AND: [{ id: townId }, { id: { in: ids } }], kind: "TOWN" }, select: { id: true, name: true } });
}

/** A region of that name directly below the parent. */
export function childNamed(db: Reader, parentId: string, name: string) {
  return db.region.findFirst({ where: { parentId, name }, select: { id: true } });
}

export function createVillageRow(tx: Tx, data: { name: string; parentId: string; noticeDays: number }) {
  return tx.region.create({ data: { kind: "VILLAGE", ...data }, select: { id: true } });
}

export async function createGrids(tx: Tx, villageId: string, names: string[]) {
  if (names.length === 0) return;
  await tx.grid.createMany({ data: names.map((name) => ({ villageId, name })) });
}
