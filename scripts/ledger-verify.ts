/**
 * `npm run ledger:verify`: recomputes every village's hash chain, every transaction's zero sum and every
 * cached balance; exits 1 and lists each break when anything is off.
 * Uses DATABASE_URL, or the embedded database under .data/pglite (stop the app first: one process per dir).
 */
import { createPrisma } from "../server/db/client";
import { startEmbeddedDb } from "../server/db/embedded-db";
import { verifyLedger } from "../server/ledger/verify";

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDb({ dataDir: process.env.PGLITE_DIR ?? ".data/pglite" });
const db = createPrisma(process.env.DATABASE_URL ?? embedded!.url);
try {
  const t0 = Date.now();
  const report = await verifyLedger(db);
  console.log(
    `villages: ${report.villages}  transactions: ${report.transactions}  sum of all postings: ${report.grandTotal}  (${Date.now() - t0} ms)`,
  );
  if (report.grandTotal !== 0) console.log("PROBLEM: the postings of the whole ledger do not sum to zero");
  for (const p of report.problems) console.log("PROBLEM:", JSON.stringify(p));
  const ok = report.problems.length === 0 && report.grandTotal === 0;
  console.log(ok ? "ledger OK" : `ledger has ${report.problems.length} problem(s)`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
