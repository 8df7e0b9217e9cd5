/**
 * A fresh database for one test file: an in-memory PGlite by default, or, when TEST_DATABASE_URL
 * names a real PostgreSQL server, a new database created on it (dropped afterwards).
 * Migrations are applied directly from prisma/migrations (each file as one query); on PGlite the
 * file starts from a migrated template (tests/setup/pglite-template.ts) when one has been built.
 */
import pg from "pg";
import { createPrisma, type Db } from "@/server/db/client";
import { startEmbeddedDb } from "@/server/db/embedded-db";
import { applyMigrationFiles } from "@/server/db/migrate";
import { pgConfig } from "@/server/db/pg-adapter";
import { pgliteTemplate } from "./pglite-template";

export type TestDb = { db: Db; url: string; kind: "pglite" | "postgres"; stop(): Promise<void> };

export async function startTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // from the migrated template when global-setup built it; otherwise initdb + migrations here
    const template = pgliteTemplate();
    const embedded = await startEmbeddedDb(template ? { loadDataDir: template } : {});
    if (!template) await applyMigrationFiles(embedded.url);
    const db = createPrisma(embedded.url, { max: 1 }); // one PGlite session: see server/db/client.ts
    return {
      db,
      url: embedded.url,
      kind: "pglite",
      async stop() {
        await db.$disconnect();
        await embedded.stop();
      },
    };
  }
  const name = `mb_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(pgConfig(serverUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await applyMigrationFiles(url);
  const db = createPrisma(url, { max: 10 });
  return {
    db,
    url,
    kind: "postgres",
    async stop() {
      await db.$disconnect();
      const a = new pg.Client(pgConfig(serverUrl));
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
