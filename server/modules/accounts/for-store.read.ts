/** What the store reads about people: shopkeepers' names (and masked phones), and a village member by phone. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

type Reader = Db | Tx;

/** Name and phone of each user (the caller masks the phone before showing it). */
export async function namesAndPhones(db: Reader, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, phone: true } });
  return new Map(rows.map((u) => [u.id, { name: u.name, phone: u.phone }]));
}

/** The person with this phone who has any membership of the village, and whether one is an active SHOPKEEPER; or null. */
export async function villageMemberByPhone(db: Reader, villageId: string, phone: string): Promise<{ id: string; isShopkeeper: boolean } | null> {
  const user = await db.user.findFirst({
    where: { phone, memberships: { some: { regionId: villageId } } },
    select: { id: true, memberships: { where: { regionId: villageId, role: "SHOPKEEPER", active: true }, select: { id: true } } },
  });
  return user ? { id: user.id, isShopkeeper: user.memberships.length > 0 } : null;
}
