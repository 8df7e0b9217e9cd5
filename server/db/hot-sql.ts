/**
 * SQL for the few statements that run on almost every request (the actor) or on a burst of them (a
 * check-in), sent straight to the pg pool under Prisma.
 *
 * Prisma 6.19 with engineType "client" runs every query, raw ones too, through its WASM query compiler
 * and its query interpreter before pg sees it: ~0.6 ms of CPU a statement, against ~0.1 ms for pg
 * (bench/checkin.ts profile: 20 % of the server's CPU). Everything else stays on Prisma.
 *
 * The query is a `Prisma.sql` template, so values are always bound parameters. Rows come back as pg
 * reads them, with one fix so they match Prisma's: a `timestamp` column (Prisma's DateTime, a UTC wall
 * time) is read as UTC whatever the server's time zone. Dates sent are ISO instants. Callers cast what
 * pg would return otherwise than Prisma (enums `::text`, counts `::int`).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/client";
import { poolOf, type Db } from "./client";

const TIMESTAMP_OID = 1114;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID && format !== "binary") return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function param(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * A name per statement text, so each pool connection parses and plans it once (a prepared statement)
 * and later runs send only the values. The texts are the few fixed shapes of this file's callers; past
 * MAX_NAMED shapes the rest run unnamed, so a caller building texts freely cannot grow the cache.
 */
const MAX_NAMED = 64;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED) return known;
  const name = `mb_hot_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
  names.set(text, name);
  return name;
}

/**
 * Connections that met our statements already prepared by another one: the embedded PGlite is one
 * session behind all its connections, so a connection that replaces one (after a failed query, or pg's
 * idle timeout) finds the names taken. A name is the hash of its text, so what it found is the same
 * statement, but pg cannot be told so; such a connection runs the rest unnamed.
 */
const unnamed = new WeakSet<pg.PoolClient>();
const DUPLICATE_PREPARED_STATEMENT = "42P05";

async function run(client: pg.PoolClient, text: string, values: unknown[]): Promise<unknown[]> {
  const name = unnamed.has(client) ? undefined : statementName(text);
  try {
    return (await client.query({ name, text, values, types })).rows;
  } catch (err) {
    if (!name || (err as { code?: string }).code !== DUPLICATE_PREPARED_STATEMENT) throw err;
    unnamed.add(client);
    return (await client.query({ text, values, types })).rows;
  }
}

/** Rows of `query`, on the pool under `db` (or through Prisma when `db` was not made by createPrisma). */
export async function hotQuery<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const pool = poolOf(db);
  if (!pool) return db.$queryRaw<T[]>(query);
  const client = await pool.connect();
  try {
    const rows = await run(client, query.text, query.values.map(param));
    client.release();
    return rows as T[];
  } catch (err) {
    client.release(err as Error); // as pool.query does: a connection that failed a query is not reused
    throw err;
  }
}
