/**
 * What the store reads about households: the one a villager belongs to, one found by id or 户号 in a
 * village, and the number and head's name for receipts. Never phone or ID numbers.
 */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

export const payerSelect = { id: true, number: true, headName: true, villageId: true, status: true } as const;
export type PayerHousehold = { id: string; number: string; headName: string; villageId: string; status: string };

/** A household by id, only in the village (villageId null: in any village, for a QR whose village is checked by the caller). */
export async function householdById(db: Reader, id: string, villageId: string | null): Promise<PayerHousehold | null> {
  return db.household.findFirst({ where: { id, ...(villageId ? { villageId } : {}) }, select: payerSelect });
}

/** A household of the village by its 户号, or null. */
export async function householdByNumber(db: Reader, villageId: string, number: string): Promise<PayerHousehold | null> {
  return db.household.findFirst({ where: { villageId, number }, select: payerSelect });
}

/** Number and head's name of each household, for receipts. */
export async function householdLabels(db: Reader, ids: string[]): Promise<Map<string, { number: string; headName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.household.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, number: true, headName: true } });
  return new Map(rows.map((h) => [h.id, { number: h.number, headName: h.headName }]));
}
