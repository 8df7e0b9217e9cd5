import type { Db } from "@/server/db/client";

/** What every service needs, injected so tests control the database and the clock. */
export type Deps = { db: Db; now: () => Date };

/** A Prisma transaction client (what `db.$transaction(async (tx) => …)` hands over). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
