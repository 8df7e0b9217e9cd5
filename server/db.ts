import "server-only";
import { createPrisma, type Db } from "./db/client";

export type { Db };

const g = globalThis as unknown as { prisma?: Db };

/** The app's one Prisma client (kept across hot reloads in dev). */
export function getDb(): Db {
  return (g.prisma ??= createPrisma());
}
