import pg from "pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";
import { SafePrismaPg, TextNamesClient, pgConfig } from "./pg-adapter";

export type Db = PrismaClient;

/** The pg pool under each client, for the few statements of server/db/hot-sql.ts. */
const pools = new WeakMap<Db, pg.Pool>();

/**
 * Pool size: DB_POOL_MAX, else 5. The embedded PGlite is ONE PostgreSQL session behind pglite-socket, and
 * several client connections can interleave their extended-protocol messages on it (seen: "bind message
 * supplies 6 parameters, but prepared statement \"\" requires 5"), so scripts/serve.ts sets 1 for it.
 * Prisma and hot-sql.ts share this one pool, so the limit holds for both.
 */
export function createPrisma(url = env.DATABASE_URL, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    ...pgConfig(url),
    Client: TextNamesClient,
    max: opts.max ?? env.DB_POOL_MAX,
    allowExitOnIdle: true,
  });
  const db = new PrismaClient({
    adapter: new SafePrismaPg(pool),
    // PGlite serialises connections, so a transaction may wait for others: allow a longer wait.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  pools.set(db, pool);
  return db;
}

export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}
