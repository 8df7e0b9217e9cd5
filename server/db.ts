import "server-only";
import { appDb } from "@/server/lib/deps";
import type { Db } from "./db/client";

export type { Db };

/** The app's one Prisma client (the composition root in server/lib/deps.ts holds it). */
export function getDb(): Db {
  return appDb();
}
