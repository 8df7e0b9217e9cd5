/**
 * The ledger: the only code that writes points (ARCHITECTURE §5).
 * - every transaction has ≥ 2 postings summing to zero (also checked by a deferred trigger);
 * - append-only (a trigger rejects UPDATE/DELETE); a mistake is undone by `reverse`;
 * - idempotent: the idempotency key is checked under the village's ledger lock and backed by a unique index;
 * - spends never overdraw: the balance update is conditional (`balance + delta >= 0`) under that lock;
 * - hash-chained per village (hash.ts), verified by verify.ts.
 * All functions take a transaction client so the business change and its postings commit together.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import type { AccountKind, TxKind } from "@/server/db/generated/enums";
import { GENESIS, transactionHash } from "./hash";

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

const LEDGER_LOCK_CLASS = 7001;
export const MAX_POINTS_PER_POSTING = 1_000_000;

/** Serialises ledger writes of one village (the hash chain needs an order); other villages run in parallel. */
async function lockVillage(tx: Tx, villageId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LEDGER_LOCK_CLASS}::int, hashtext(${villageId}))`;
}

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

/**
 * Posts one balanced transaction inside `tx`. A second call with the same idempotency key returns
 * the first transaction (replayed: true) and posts nothing.
 * Throws INSUFFICIENT_POINTS (a noOverdraw account would go below zero), IDEMPOTENCY_CONFLICT
 * (the key was used for a different kind of transaction), ALREADY_REVERSED.
 */
export async function post(tx: Tx, now: Date, input: PostInput): Promise<PostResult> {
  checkShape(input);
  // Raw statements on purpose: this is the hot path, and four round trips under the village lock
  // (lock, read, balances, insert) keep a village's ledger moving (bench/ledger.ts measures it).
  await lockVillage(tx, input.villageId);

  const accountIds = [...new Set(input.postings.map((p) => p.accountId))].sort();
  const [state] = await tx.$queryRaw<
    {
      existing: { id: string; seq: number; kind: string; villageId: string } | null;
      reversed: string | null;
      prev: { seq: number; hash: string } | null;
      accounts: { id: string; kind: AccountKind; balance: number }[] | null;
    }[]
  >`
    SELECT
      (SELECT json_build_object('id', "id", 'seq', "seq", 'kind', "kind", 'villageId', "villageId")
         FROM "LedgerTransaction" WHERE "idempotencyKey" = ${input.idempotencyKey}) AS existing,
      (SELECT "id" FROM "LedgerTransaction" WHERE ${input.reversesId ?? null}::text IS NOT NULL
         AND "reversesId" = ${input.reversesId ?? null}::text) AS reversed,
      (SELECT json_build_object('seq', "seq", 'hash', "hash") FROM "LedgerTransaction"
         WHERE "villageId" = ${input.villageId} ORDER BY "seq" DESC LIMIT 1) AS prev,
      (SELECT json_agg(json_build_object('id', "id", 'kind', "kind", 'balance', "balance"))
         FROM "LedgerAccount" WHERE "id" = ANY(${accountIds}::text[]) AND "villageId" = ${input.villageId}) AS accounts`;
  const existing = state?.existing;
  if (existing) {
    if (existing.kind !== input.kind || existing.villageId !== input.villageId) throw new DomainError("IDEMPOTENCY_CONFLICT");
    return { transactionId: existing.id, seq: existing.seq, replayed: true };
  }
  if (state?.reversed) throw new DomainError("ALREADY_REVERSED");
  const accounts = state?.accounts ?? [];
  if (accounts.length !== accountIds.length) throw new Error("ledger: account missing or of another village");

  // Cached balances live only on household and shop accounts; village totals are derived from postings.
  const delta = new Map<string, number>();
  for (const p of input.postings) delta.set(p.accountId, (delta.get(p.accountId) ?? 0) + p.points);
  const cached = accounts.filter((a) => (a.kind === "HOUSEHOLD" || a.kind === "SHOP") && delta.get(a.id) !== 0);
  for (const a of cached) {
    const d = delta.get(a.id)!;
    if (d < 0 && input.noOverdraw?.includes(a.id) && a.balance + d < 0) {
      throw new DomainError("INSUFFICIENT_POINTS", { balance: a.balance, needed: -d });
    }
  }
  const seq = (state?.prev?.seq ?? 0) + 1;
  const prevHash = state?.prev?.hash ?? GENESIS;
  const content = {
    villageId: input.villageId,
    seq,
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
    createdAt: now,
    postings: input.postings,
  };
  const hash = transactionHash(prevHash, content);
  const transactionId = randomUUID();
  const c = content;
  // One statement writes the balances, the transaction and its postings. The village lock makes the
  // balances read above current; the UPDATE's condition is a second guard, and the transaction row is
  // only written when every balance update went through.
  const ids = cached.map((a) => a.id);
  const deltas = cached.map((a) => delta.get(a.id)!);
  const guarded = (input.noOverdraw ?? []).filter((id) => ids.includes(id));
  const written = await tx.$executeRaw`
    WITH u AS (
      UPDATE "LedgerAccount" AS a SET "balance" = a."balance" + d.delta
      FROM unnest(${ids}::text[], ${deltas}::int[]) AS d(id, delta)
      WHERE a."id" = d.id AND (d.delta >= 0 OR NOT (a."id" = ANY(${guarded}::text[])) OR a."balance" + d.delta >= 0)
      RETURNING a."id"),
    t AS (
      INSERT INTO "LedgerTransaction" ("id", "villageId", "seq", "kind", "idempotencyKey", "sourceType", "sourceId",
        "ruleId", "ruleBookId", "actorUserId", "memberId", "proxyUserId", "reason", "reversesId", "scoring",
        "createdAt", "prevHash", "hash")
      SELECT ${transactionId}, ${c.villageId}, ${seq}, ${c.kind}::"TxKind", ${c.idempotencyKey}, ${c.sourceType},
        ${c.sourceId}, ${c.ruleId}, ${c.ruleBookId}, ${c.actorUserId}, ${c.memberId}, ${c.proxyUserId}, ${c.reason},
        ${c.reversesId}, ${c.scoring}, ${now}, ${prevHash}, ${hash}
      WHERE (SELECT count(*) FROM u) = ${ids.length}
      RETURNING "id")
    INSERT INTO "LedgerPosting" ("id", "transactionId", "accountId", "villageId", "points", "createdAt")
    SELECT p.id, t."id", p.account, ${c.villageId}, p.points, ${now}
    FROM t, unnest(${input.postings.map(() => randomUUID())}::text[], ${input.postings.map((p) => p.accountId)}::text[],
      ${input.postings.map((p) => p.points)}::int[]) AS p(id, account, points)`;
  if (written !== input.postings.length) throw new DomainError("INSUFFICIENT_POINTS", { balance: 0, needed: 0 });
  return { transactionId, seq, replayed: false };
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

/** The village account of `kind` (ISSUANCE, SETTLED, EXPIRED), created on first use. */
export async function villageAccount(tx: Tx, villageId: string, kind: Extract<AccountKind, "ISSUANCE" | "SETTLED" | "EXPIRED">) {
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "balance", "createdAt")
    VALUES (${`acc_${kind.toLowerCase()}_${villageId}`}, ${villageId}, ${kind}::"AccountKind", 0, now())
    ON CONFLICT DO NOTHING`;
  const acc = await tx.ledgerAccount.findFirstOrThrow({ where: { villageId, kind }, select: { id: true } });
  return acc.id;
}

/** The household's points account (1户1账户), created on first use. */
export async function householdAccount(tx: Tx, villageId: string, householdId: string) {
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "householdId", "balance", "createdAt")
    VALUES (${`acc_hh_${householdId}`}, ${villageId}, 'HOUSEHOLD'::"AccountKind", ${householdId}, 0, now())
    ON CONFLICT DO NOTHING`;
  const acc = await tx.ledgerAccount.findFirstOrThrow({ where: { householdId, villageId }, select: { id: true } });
  return acc.id;
}

/** The shop's account (what the village owes it), created on first use. */
export async function shopAccount(tx: Tx, villageId: string, shopId: string) {
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" ("id", "villageId", "kind", "shopId", "balance", "createdAt")
    VALUES (${`acc_shop_${shopId}`}, ${villageId}, 'SHOP'::"AccountKind", ${shopId}, 0, now())
    ON CONFLICT DO NOTHING`;
  const acc = await tx.ledgerAccount.findFirstOrThrow({ where: { shopId, villageId }, select: { id: true } });
  return acc.id;
}
