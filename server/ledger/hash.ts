/**
 * Tamper evidence: each transaction's hash covers its content, its postings and the previous
 * transaction's hash in the same village, so changing any row breaks the chain from there on.
 */
import { createHash } from "node:crypto";

export const GENESIS = "GENESIS";

export type HashedContent = {
  villageId: string;
  seq: number;
  kind: string;
  idempotencyKey: string;
  sourceType: string | null;
  sourceId: string | null;
  ruleId: string | null;
  ruleBookId: string | null;
  actorUserId: string;
  memberId: string | null;
  proxyUserId: string | null;
  reason: string;
  reversesId: string | null;
  scoring: boolean;
  createdAt: Date;
  postings: { accountId: string; points: number }[];
};

export function transactionHash(prevHash: string, c: HashedContent): string {
  const postings = [...c.postings]
    .map((p) => [p.accountId, p.points] as const)
    .sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  const canonical = JSON.stringify([
    prevHash,
    c.villageId,
    c.seq,
    c.kind,
    c.idempotencyKey,
    c.sourceType,
    c.sourceId,
    c.ruleId,
    c.ruleBookId,
    c.actorUserId,
    c.memberId,
    c.proxyUserId,
    c.reason,
    c.reversesId,
    c.scoring,
    c.createdAt.toISOString(),
    postings,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
