import { PrismaClient } from "./generated/client";
import { SafePrismaPg, pgConfig } from "./pg-adapter";

export type Db = PrismaClient;

/**
 * Pool size: DB_POOL_MAX, else 5. The embedded PGlite is ONE PostgreSQL session behind pglite-socket, and
 * several client connections can interleave their extended-protocol messages on it (seen: "bind message
 * supplies 6 parameters, but prepared statement \"\" requires 5"), so scripts/serve.ts sets 1 for it.
 */
export function createPrisma(url = process.env.DATABASE_URL, opts: { max?: number } = {}): Db {
  return new PrismaClient({
    adapter: new SafePrismaPg(pgConfig(url), { max: opts.max ?? (Number(process.env.DB_POOL_MAX) || 5) }),
    // PGlite serialises connections, so a transaction may wait for others: allow a longer wait.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}
