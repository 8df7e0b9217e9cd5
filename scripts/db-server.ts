/** Serves the PGlite data dir on a TCP port for psql or the Prisma CLI (stop the app first). */
import { startEmbeddedDb } from "../server/db/embedded-db";

const dataDir = process.argv[2] ?? ".data/pglite";
const db = await startEmbeddedDb({ dataDir, port: Number(process.env.PGLITE_PORT ?? 5433) });
console.log(`DATABASE_URL=${db.url}`);
console.log(`psql "${db.url}?sslmode=disable&gssencmode=disable"`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
