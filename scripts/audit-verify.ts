/**
 * `npm run audit:verify`: recomputes every region's audit hash chain; exits 1 and lists each break when
 * anything is off. Uses DATABASE_URL, or the embedded database under .data/pglite (stop the app first).
 */
import { createPrisma } from "../server/db/client";
import { startEmbeddedDb } from "../server/db/embedded-db";
import { verifyAudit } from "../server/modules/audit/audit-chain.repo";

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDb({ dataDir: process.env.PGLITE_DIR ?? ".data/pglite" });
const db = createPrisma(process.env.DATABASE_URL ?? embedded!.url);
try {
  const t0 = Date.now();
  const report = await verifyAudit(db);
  console.log(`regions: ${report.regions}  audit records: ${report.records}  (${Date.now() - t0} ms)`);
  for (const p of report.problems) console.log("PROBLEM:", JSON.stringify(p));
  const ok = report.problems.length === 0;
  console.log(ok ? "audit trail OK" : `audit trail has ${report.problems.length} problem(s)`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
