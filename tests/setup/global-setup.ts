/** Runs once before the integration workers: builds the migrated PGlite template they start from. */
import { ensurePgliteTemplate } from "./pglite-template";

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return; // a real server: each file creates its own database
  const t0 = Date.now();
  const file = await ensurePgliteTemplate();
  console.log(`[test-db] PGlite template ready in ${Date.now() - t0} ms (${file.split("/").pop()})`);
}
