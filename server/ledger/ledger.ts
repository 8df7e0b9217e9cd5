/**
 * The ledger: the only code that writes points (docs/architecture.md, "The ledger").
 * - every transaction has ≥ 2 postings summing to zero (also checked by a deferred trigger);
 * - append-only (a trigger rejects UPDATE/DELETE); a mistake is undone by `reverse`;
 * - idempotent: the idempotency key is checked under the village's ledger lock and backed by a unique index;
 * - spends never overdraw: balances are checked under that lock, before anything is written;
 * - hash-chained per village (the database function "ledger_hash" builds the same text as hash.ts), verified by verify.ts.
 * All functions take a transaction client so the business change and its postings commit together.
 */
import { Prisma } from "@/server/db/generated/client";
import type { Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import type { AccountKind, TxKind } from "@/server/db/generated/enums";

export type PostingInput = { accountId: string; points: number };

export type PostInput = {
  villageId: string;
  kind: TxKind;
  idempotencyKey: string;
  postings: PostingInput[];
  actorUserId: string;
  reason: string;
  source?: { type: string; id: string };
  ruleId?: string | null;
  ruleBookId?: string | null;
  memberId?: string | null;
  proxyUserId?: string | null;
  /** accounts that this transaction may not take below zero (the payer of a spend) */
  noOverdraw?: string[];
  /** counts towards household scores (awards, deductions and their reversals) */
  scoring?: boolean;
  reversesId?: string | null;
};

export type PostResult = { transactionId: string; seq: number; replayed: boolean };

export const MAX_POINTS_PER_POSTING = 1_000_000;

function checkShape(input: PostInput) {
  const { postings } = input;
  if (postings.length < 2) throw new Error("ledger: a transaction needs at least two postings");
  let sum = 0;
  for (const p of postings) {
    if (!Number.isSafeInteger(p.points) || p.points === 0 || Math.abs(p.points) > MAX_POINTS_PER_POSTING) {
      throw new Error(`ledger: bad posting amount ${p.points}`);
    }
    sum += p.points;
  }
  if (sum !== 0) throw new Error(`ledger: postings sum to ${sum}, not zero`);
  if (!input.idempotencyKey || input.idempotencyKey.length > 200) throw new Error("ledger: idempotency key required");
}

type PostRow = { status: string; transaction_id: string | null; seq: number | null; balance: number | null; needed: number | null };

/**
 * Posts one balanced transaction inside `tx`. A second call with the same idempotency key returns
 * the first transaction (replayed: true) and posts nothing.
 * Throws INSUFFICIENT_POINTS (a noOverdraw account would go below zero), IDEMPOTENCY_CONFLICT
 * (the key was used for a different kind of transaction), ALREADY_REVERSED.
 */
export async function post(tx: Tx, now: Date, input: PostInput): Promise<PostResult> {
  checkShape(input);
  // One round trip: the database function "ledger_post" (migration 20261201000000) takes the village's
  // ledger lock, checks the idempotency key, the reversal and the balances, chains the hash (the same
  // canonical form as hash.ts, which verify.ts recomputes in JavaScript) and writes the rows.
  // The lock is then held only for that statement and the COMMIT (bench/ledger.ts measures it).
  const args = {
    villageId: input.villageId,
    kind: input.kind,
    idempotencyKey: input.idempotencyKey,
    sourceType: input.source?.type ?? null,
    sourceId: input.source?.id ?? null,
    ruleId: input.ruleId ?? null,
    ruleBookId: input.ruleBookId ?? null,
    actorUserId: input.actorUserId,
    memberId: input.memberId ?? null,
    proxyUserId: input.proxyUserId ?? null,
    reason: input.reason,
    reversesId: input.reversesId ?? null,
    scoring: input.scoring ?? false,
    createdAt: now.toISOString(),
    accounts: input.postings.map((p) => p.accountId),
    points: input.postings.map((p) => p.points),
    noOverdraw: input.noOverdraw ?? [],
  };
  // absent keys read as null in the function: leaving the nulls out makes the argument, which Prisma's
  // query compiler copies several times, about a fifth shorter
  const json = JSON.stringify(args, (_key, value: unknown) => (value === null || (Array.isArray(value) && value.length === 0) ? undefined : value));
  const [row] = await tx.$queryRaw<PostRow[]>`
    SELECT "status", "transaction_id", "seq", "balance", "needed" FROM "ledger_post"(${json}::jsonb)`;
  switch (row?.status) {
    case "POSTED":
      return { transactionId: row.transaction_id!, seq: row.seq!, replayed: false };
    case "REPLAYED":
      return { transactionId: row.transaction_id!, seq: row.seq!, replayed: true };
    case "INSUFFICIENT_POINTS":
      throw new DomainError("INSUFFICIENT_POINTS", { balance: row.balance ?? 0, needed: row.needed ?? 0 });
    case "IDEMPOTENCY_CONFLICT":
    case "ALREADY_REVERSED":
      throw new DomainError(row.status);
    case "ACCOUNT_MISSING":
      throw new Error("ledger: account missing or of another village");
    default:
      throw new Error(`ledger: unexpected result ${row?.status}`);
  }
}

/**
 * Undoes a transaction with a new REVERSAL transaction that negates each posting (a transaction can
 * be reversed once). Refunds of spends must not overdraw the shop. Throws ALREADY_REVERSED, NOT_FOUND.
 */
export async function reverse(
  tx: Tx,
  now: Date,
  input: { villageId: string; transactionId: string; idempotencyKey: string; actorUserId: string; reason: string },
): Promise<PostResult> {
  const original = await tx.ledgerTransaction.findFirst({
    where: { id: input.transactionId, villageId: input.villageId },
    select: {
      id: true,
      kind: true,
      scoring: true,
      ruleId: true,
      ruleBookId: true,
      sourceType: true,
      sourceId: true,
      postings: { select: { accountId: true, points: true, account: { select: { kind: true } } } },
    },
  });
  if (!original) throw new DomainError("NOT_FOUND");
  if (original.kind === "REVERSAL") throw new DomainError("ALREADY_REVERSED");
  return post(tx, now, {
    villageId: input.villageId,
    kind: "REVERSAL",
    idempotencyKey: input.idempotencyKey,
    postings: original.postings.map((p) => ({ accountId: p.accountId, points: -p.points })),
    actorUserId: input.actorUserId,
    reason: input.reason,
    source: original.sourceType && original.sourceId ? { type: original.sourceType, id: original.sourceId } : undefined,
    ruleId: original.ruleId,
    ruleBookId: original.ruleBookId,
    reversesId: original.id,
    scoring: original.scoring,
    // a refund must not take the shop below what it is owed
    noOverdraw: original.postings.filter((p) => p.account.kind === "SHOP" && p.points > 0).map((p) => p.accountId),
  });
}

/**
 * The id of the account that `where` finds, creating it as `values` first when missing: one statement in
 * the common case. The statement's snapshot cannot see an account that a concurrent transaction created
 * while this one waited on the conflict; then a second read finds it.
 */
async function ensureAccount(tx: Tx, id: string, values: Prisma.Sql, where: Prisma.Sql): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    WITH ins AS (
      INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "householdId", "shopId", "balance", "createdAt")
      VALUES (${id}, ${values}, 0, now())
      ON CONFLICT DO NOTHING RETURNING "id")
    SELECT "id" FROM ins
    UNION ALL
    SELECT "id" FROM "LedgerAccount" WHERE ${where}
    LIMIT 1`;
  if (row) return row.id;
  const [again] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "LedgerAccount" WHERE ${where} LIMIT 1`;
  if (!again) throw new Error("ledger: account could not be created");
  return again.id;
}

/** The village account of `kind` (ISSUANCE, SETTLED, EXPIRED), created on first use. */
export async function villageAccount(tx: Tx, villageId: string, kind: Extract<AccountKind, "ISSUANCE" | "SETTLED" | "EXPIRED">) {
  return ensureAccount(
    tx,
    `acc_${kind.toLowerCase()}_${villageId}`,
    Prisma.sql`${villageId}, ${kind}::"AccountKind", NULL, NULL`,
    Prisma.sql`"villageId" = ${villageId} AND "kind" = ${kind}::"AccountKind"`,
  );
}

/** The household's points account (1户1账户), created on first use. */
export async function householdAccount(tx: Tx, villageId: string, householdId: string) {
  return ensureAccount(
    tx,
    `acc_hh_${householdId}`,
    Prisma.sql`${villageId}, 'HOUSEHOLD'::"AccountKind", ${householdId}, NULL`,
    Prisma.sql`"householdId" = ${householdId} AND "villageId" = ${villageId}`,
  );
}

/** The shop's account (what the village owes it), created on first use. */
export async function shopAccount(tx: Tx, villageId: string, shopId: string) {
  return ensureAccount(
    tx,
    `acc_shop_${shopId}`,
    Prisma.sql`${villageId}, 'SHOP'::"AccountKind", NULL, ${shopId}`,
    Prisma.sql`"shopId" = ${shopId} AND "villageId" = ${villageId}`,
  );
}
