import { PrismaClient } from "./generated/client";
import { SafePrismaPg, pgConfig } from "./pg-adapter";

export type Db = PrismaClient;

export function createPrisma(url = process.env.DATABASE_URL, opts: { max?: number } = {}): Db {
  return new PrismaClient({
    adapter: new SafePrismaPg(pgConfig(url), { max: opts.max ?? 5 }),
    // PGlite serialises connections, so a transaction may wait for others: allow a longer wait.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}
