/**
 * Do prisma/migrations and prisma/schema.prisma describe the same database?
 *
 * `prisma migrate diff --from-migrations` would answer this, but Prisma 6.19's schema engine (the
 * Wasm build used with a driver adapter) panics ("RuntimeError: unreachable") while describing a
 * database that holds CHECK constraints or a CONSTRAINT TRIGGER — both of which the ledger's
 * migrations need. So the check is done by hand, on one embedded PGlite:
 *  - schema "public" holds the migrations, exactly as the tests and the app apply them;
 *  - schema "prisma_model" gets the SQL that `prisma migrate diff --from-empty --to-schema-datamodel`
 *    writes for the schema file;
 *  - both are read back from pg_catalog (enums, columns with type, nullability and default, indexes,
 *    foreign keys) and compared.
 * What Prisma cannot express (CHECK constraints, triggers, functions, partial unique indexes) lives
 * only in the migrations and is left out of the comparison; any other difference is drift.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { startEmbeddedDb } from "@/server/db/embedded-db";
import { applyMigrationFiles } from "@/server/db/migrate";
import { pgConfig } from "@/server/db/pg-adapter";
import { pgliteTemplate } from "./pglite-template";

const run = promisify(execFile);
const MODEL = "prisma_model";

/** The SQL Prisma would write to create `schemaFile` from nothing (needs a reachable DATABASE_URL). */
async function modelSql(schemaFile: string, url: string): Promise<string> {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const { stdout } = await run(bin, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

type Shape = Map<string, string>; // a stable key (what it is) -> its definition

async function describe(client: pg.Client, schema: string): Promise<Shape> {
  const shape: Shape = new Map();
  const enums = await client.query<{ name: string; labels: string }>(
    `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  for (const r of enums.rows) shape.set(`enum ${r.name}`, r.labels);

  const cols = await client.query<{ t: string; c: string; type: string; notnull: boolean; def: string | null }>(
    `SELECT c.relname AS t, a.attname AS c, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  for (const r of cols.rows) {
    shape.set(`column ${r.t}.${r.c}`, `${r.type}${r.notnull ? " NOT NULL" : ""}${r.def ? ` DEFAULT ${r.def}` : ""}`);
  }

  // partial indexes (WHERE …) cannot be written in schema.prisma: they belong to the migrations alone
  const idx = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
      WHERE n.nspname = $1 AND x.indpred IS NULL`,
    [schema],
  );
  for (const r of idx.rows) shape.set(`index ${r.name}`, r.def);

  const fks = await client.query<{ t: string; name: string; def: string }>(
    `SELECT c.relname AS t, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND k.contype IN ('f', 'p')`,
    [schema],
  );
  for (const r of fks.rows) shape.set(`constraint ${r.t}.${r.name}`, r.def);

  // definitions name their schema in places (indexdef, FK targets, enum-typed defaults): compare without it
  for (const [k, v] of shape) {
    shape.set(k, v.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, ""));
  }
  return shape;
}

/** Every difference between the migrations and `schemaFile`, one line each; empty when they agree. */
export async function schemaDrift(schemaFile = path.join(process.cwd(), "prisma", "schema.prisma")): Promise<string[]> {
  const template = pgliteTemplate(); // already migrated when the integration setup built it
  const embedded = await startEmbeddedDb(template ? { loadDataDir: template, maxConnections: 4 } : { maxConnections: 4 });
  try {
    if (!template) await applyMigrationFiles(embedded.url);
    const sql = await modelSql(schemaFile, embedded.url);
    const client = new pg.Client(pgConfig(embedded.url));
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${MODEL}"`);
      await client.query(`SET search_path TO "${MODEL}"`);
      // Prisma's script creates the public schema first; everything else lands on the search path
      await client.query(sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ""));
      await client.query("SET search_path TO public");
      const fromMigrations = await describe(client, "public");
      const fromSchema = await describe(client, MODEL);
      fromMigrations.delete("column _prisma_migrations"); // not created by applying the files, but be sure
      const out: string[] = [];
      for (const [k, v] of fromSchema) {
        const m = fromMigrations.get(k);
        if (m === undefined) out.push(`only in schema.prisma: ${k} ${v}`);
        else if (m !== v) out.push(`differs: ${k}: migrations "${m}" vs schema.prisma "${v}"`);
      }
      for (const [k, v] of fromMigrations) if (!fromSchema.has(k)) out.push(`only in migrations: ${k} ${v}`);
      return out.sort();
    } finally {
      await client.end();
    }
  } finally {
    await embedded.stop();
  }
}

/** A copy of the schema file's text, for self-tests that change it. */
export function schemaText(): string {
  return readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
}
