/** What other modules may read about regions. */
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/lib/deps";

/** The village `villageId` when it is one of `regionIds` (e.g. an admin's scope), or null. */
export function villageAmong(db: Db | Tx, villageId: string, regionIds: string[]) {
  return db.region.findFirst({
    where: { AND: [{ id: villageId }, { id: { in: regionIds } }], kind: "VILLAGE" },
    select: { id: true, name: true },
  });
}
