/**
 * Applying migrations without the Prisma CLI's 10 s timer (STACK.md pitfall 4).
 * - `pendingMigrations` compares the migration folders with `_prisma_migrations` in milliseconds,
 *   so start-up runs `prisma migrate deploy` only when something is pending.
 * - `applyMigrationFiles` runs each migration.sql as one query on a fresh throw-away database (tests).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { pgConfig } from "./pg-adapter";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

export async function pendingMigrations(url: string): Promise<string[]> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists",
    );
    if (!rows[0]?.exists) return migrationNames();
    const applied = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return migrationNames().filter((m) => !done.has(m));
  } finally {
    await client.end();
  }
}

export async function applyMigrationFiles(url: string, dir = MIGRATIONS_DIR): Promise<void> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    for (const name of migrationNames(dir)) {
      await client.query(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    }
  } finally {
    await client.end();
  }
}
