/**
 * A migrated, empty PGlite data dir, dumped once and reused by every test file: a fresh in-memory
 * PGlite runs initdb (~7 s of CPU on this machine), loading the dump takes ~1 s.
 * Cached under node_modules/.cache/moral-bank/, keyed by the migration files and the PGlite version,
 * so a new migration makes a new template. Built by tests/setup/global-setup.ts before the workers start.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrationNames } from "@/server/db/migrate";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const CACHE_DIR = path.join(process.cwd(), "node_modules", ".cache", "moral-bank");

function templateFile(): string {
  const h = createHash("sha256");
  h.update(JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")).version);
  for (const name of migrationNames(MIGRATIONS_DIR)) {
    h.update(name);
    h.update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql")));
  }
  return path.join(CACHE_DIR, `pglite-template-${h.digest("hex").slice(0, 16)}.tar`);
}

/** Builds the template unless it exists; returns its path. */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = templateFile();
  if (existsSync(file)) return file;
  const db = await PGlite.create();
  try {
    for (const name of migrationNames(MIGRATIONS_DIR)) {
      await db.exec(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    }
    const dump = await db.dumpDataDir("none");
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file); // atomic: a concurrent reader sees the whole file or none
  } finally {
    await db.close();
  }
  return file;
}

/** The template as a Blob for PGlite's loadDataDir, or null when it has not been built. */
export function pgliteTemplate(): Blob | null {
  const file = templateFile();
  return existsSync(file) ? new Blob([readFileSync(file)]) : null;
}
