/**
 * `npm run jobs:finalize`: finalizes every notice batch whose window has closed (entries with no open
 * objection become FINAL and post to the ledger, exactly once). Safe to run while the app runs it on
 * its own timer, and from several machines at once.
 * Uses DATABASE_URL, or the embedded database under .data/pglite (stop the app first: one process per dir;
 * while the app runs, its own timer does this every minute).
 */
import { createPrisma } from "../server/db/client";
import { startEmbeddedDb } from "../server/db/embedded-db";
import { finalizeDue } from "../server/modules/awards/finalize";

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDb({ dataDir: process.env.PGLITE_DIR ?? ".data/pglite" });
const db = createPrisma(process.env.DATABASE_URL ?? embedded!.url);
try {
  const t0 = Date.now();
  const r = await finalizeDue({ db, now: () => new Date() });
  console.log(
    `due batches: ${r.batches}  entries finalized: ${r.finalized}  waiting on an objection: ${r.waiting}  ` +
      `batches closed: ${r.batchesClosed}  failed: ${r.failed}  (${Date.now() - t0} ms)`,
  );
  process.exitCode = r.failed ? 1 : 0;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
