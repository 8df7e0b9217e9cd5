/**
 * The composition root: the one place the app's dependencies are assembled. tRPC, every route handler,
 * the job timer and sign-in all take their `{ db, now }` from `appDeps()`; tests build their own.
 * Not marked server-only: the job timer (started from instrumentation.ts) needs it too.
 */
import { createPrisma, type Db } from "@/server/db/client";
import { now } from "@/server/lib/clock";

/** What every service needs, injected so tests control the database and the clock. */
export type Deps = {
  db: Db;
  now: () => Date;
  /** A read replica for heavy reads, when one is configured; services fall back to `db` without it. */
  replica?: Db;
};

/** A Prisma transaction client (what `db.$transaction(async (tx) => …)` hands over). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process, kept on globalThis across hot reloads and across Next's module graphs.
const g = globalThis as unknown as { prisma?: Db };

/** The app's one database client (reached through appDeps()). */
function appDb(): Db {
  return (g.prisma ??= createPrisma());
}

/** The app's dependencies: the database and the village clock (which end-to-end tests may move). */
export function appDeps(): Deps {
  return { db: appDb(), now };
}
