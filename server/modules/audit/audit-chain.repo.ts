/**
 * Verifies the audit trail: every region's chain is numbered 1, 2, … without gaps, each record names the
 * previous record's hash, and each hash matches the record's content. Reports each break; used by
 * `npm run audit:verify` and by tests that tamper rows on purpose.
 */
import type { Db } from "@/server/db/client";
import { AUDIT_GENESIS, auditHash, type AuditHashed } from "./audit-hash";

export type AuditProblem =
  | { kind: "SEQ_GAP"; regionId: string | null; expected: number; found: number }
  | { kind: "CHAIN_BROKEN"; regionId: string | null; seq: number; id: string }
  | { kind: "HASH_MISMATCH"; regionId: string | null; seq: number; id: string };

type Row = AuditHashed & {
  id: string;
  prevHash: string;
  hash: string;
};

async function page(db: Db, regionId: string | null, fromSeq: number, take: number) {
  return db.$queryRaw<Row[]>`
    SELECT "id", "regionId", "seq", "actorUserId", "actorRole"::text AS "actorRole", "action", "entity", "entityId",
      "before"::text AS "beforeText", "after"::text AS "afterText", "createdAt", "prevHash", "hash"
    FROM "AuditLog"
    WHERE "regionId" IS NOT DISTINCT FROM ${regionId} AND "seq" >= ${fromSeq}
    ORDER BY "seq" LIMIT ${take}`;
}

export async function verifyAudit(db: Db, opts: { regionId?: string; batch?: number } = {}) {
  const problems: AuditProblem[] = [];
  const batch = opts.batch ?? 2000;
  const regions =
    opts.regionId !== undefined
      ? [opts.regionId]
      : (await db.$queryRaw<{ regionId: string | null }[]>`SELECT DISTINCT "regionId" FROM "AuditLog"`).map((r) => r.regionId);
  let records = 0;
  for (const regionId of regions) {
    let prevHash = AUDIT_GENESIS;
    let expected = 1;
    for (;;) {
      const rows = await page(db, regionId, expected, batch);
      if (rows.length === 0) break;
      for (const r of rows) {
        records++;
        const seq = Number(r.seq);
        if (seq !== expected) problems.push({ kind: "SEQ_GAP", regionId, expected, found: seq });
        if (r.prevHash !== prevHash) problems.push({ kind: "CHAIN_BROKEN", regionId, seq, id: r.id });
        if (auditHash(r.prevHash, { ...r, seq, createdAt: new Date(r.createdAt) }) !== r.hash) {
          problems.push({ kind: "HASH_MISMATCH", regionId, seq, id: r.id });
        }
        prevHash = r.hash;
        expected = seq + 1;
      }
    }
  }
  return { regions: regions.length, records, problems };
}
