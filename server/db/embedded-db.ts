/** Embedded PostgreSQL (PGlite) served on a local TCP port so pg, Prisma and its CLI can connect. */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { port: number; url: string; stop(): Promise<void> };

export async function startEmbeddedDb(
  opts: { dataDir?: string; port?: number; maxConnections?: number; loadDataDir?: Blob } = {},
): Promise<EmbeddedDb> {
  // undefined dataDir => in memory; loadDataDir starts from a dumped data dir (skips initdb: ~1 s vs ~7 s)
  // (one options object: PGlite.create(undefined, options) ignores the options)
  const db = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  // pglite-socket allows one connection by default; the pool and the CLI need more.
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections ?? 20,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
