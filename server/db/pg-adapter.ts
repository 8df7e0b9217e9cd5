/**
 * A thin wrapper around Prisma's pg driver adapter that mends three quirks of Prisma 6.19 on
 * PostgreSQL (STACK.md pitfall 3):
 *  - result columns of type `name` / `"char"` are relabelled as text (Prisma issue 27403);
 *  - a migration script is sent as one query (the stock adapter splits on ";", breaking $$ bodies);
 *  - `migrate dev` gets a shadow database that works on PGlite and on a real server.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const AS_TEXT: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1002: TEXT_ARRAY_OID, 1003: TEXT_ARRAY_OID };

function relabelFields(result: unknown) {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const fields = (r as pg.QueryResult | undefined)?.fields;
    if (!fields) continue;
    for (const f of fields) f.dataTypeID = AS_TEXT[f.dataTypeID] ?? f.dataTypeID;
  }
}

type Callback = (err: Error | null, res: unknown) => void;

export class TextNamesClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      const cb = callback as Callback;
      return super.query(config, values, (err: Error | null, res: unknown) => {
        if (!err) relabelFields(res);
        cb(err, res);
      });
    }
    return (super.query(config, values) as Promise<unknown>).then((res) => {
      relabelFields(res);
      return res;
    });
  }
}

/**
 * Separate connection fields: a connectionString would override the shadow database name. The default
 * reads DATABASE_URL raw because the Prisma CLI loads this file through prisma.config.ts, outside the app
 * (the app passes env.DATABASE_URL explicitly, see client.ts).
 */
export function pgConfig(url = process.env.DATABASE_URL): pg.PoolConfig {
  if (!url) throw new Error("DATABASE_URL is not set");
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
  };
}

export class SafePrismaPg extends PrismaPg {
  private readonly poolConfig: pg.PoolConfig;

  /** With a pool, Prisma uses that pool and ends it on $disconnect; with a config, it makes its own. */
  constructor(poolOrConfig: pg.Pool | pg.PoolConfig = pgConfig(), opts: { max?: number } = {}) {
    if (poolOrConfig instanceof pg.Pool) {
      super(poolOrConfig, { disposeExternalPool: true });
      this.poolConfig = poolOrConfig.options;
    } else {
      const poolConfig = { ...poolOrConfig, Client: TextNamesClient, max: opts.max ?? 5, allowExitOnIdle: true };
      super(poolConfig);
      this.poolConfig = poolConfig;
    }
  }

  override async connect() {
    return sendScriptWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = new pg.Pool({ ...this.poolConfig, max: 1 });
    const { rows } = await admin.query("SELECT version() AS v");
    if (/wasm32|emscripten/i.test(String(rows[0]?.v))) {
      // pglite-socket serves one database whatever name is asked for: use a throw-away PGlite.
      await admin.end();
      const { startEmbeddedDb } = await import("./embedded-db");
      const shadow = await startEmbeddedDb();
      const adapter = await new SafePrismaPg(pgConfig(shadow.url), { max: 2 }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.stop();
      };
      return adapter;
    }
    const database = `prisma_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const adapter = await new SafePrismaPg({ ...this.poolConfig, database }, { max: 2 }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose(); // close our pool before dropping, or DROP DATABASE finds it in use
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  }
}

function sendScriptWhole<T extends { executeScript(s: string): Promise<void>; underlyingDriver(): pg.Pool }>(a: T): T {
  a.executeScript = async (script) => {
    await a.underlyingDriver().query(script);
  };
  return a;
}
