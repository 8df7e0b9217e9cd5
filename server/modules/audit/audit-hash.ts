/**
 * The audit trail's hash: the same canonical text as the database function "audit_hash" (migration
 * 20261204040000_audit_chain), so the verifier recomputes every record's hash without trusting the database.
 * before/after enter as the text PostgreSQL prints for their jsonb (its normal form), as JSON strings.
 */
import { createHash } from "node:crypto";

export const AUDIT_GENESIS = "GENESIS";

export type AuditHashed = {
  regionId: string | null;
  seq: number;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string;
  beforeText: string | null;
  afterText: string | null;
  createdAt: Date;
};

export function auditHash(prevHash: string, r: AuditHashed): string {
  const canonical = JSON.stringify([
    prevHash,
    r.regionId,
    r.seq,
    r.actorUserId,
    r.actorRole,
    r.action,
    r.entity,
    r.entityId,
    r.beforeText,
    r.afterText,
    r.createdAt.toISOString(),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
