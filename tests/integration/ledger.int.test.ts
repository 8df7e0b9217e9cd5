import fc from "fast-check";
import pg from "pg";
import { pgConfig } from "@/server/db/pg-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { householdAccount, post, reverse, shopAccount, villageAccount } from "@/server/ledger/ledger";
import { householdBalance, householdScore } from "@/server/ledger/read";
import { verifyLedger } from "@/server/ledger/verify";
import { startTestDb, type TestDb } from "../setup/test-db";
import { makeHousehold, makeUser, makeVillage, uniq } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const now = () => new Date();

async function setup(db: Db, households = 1) {
  const v = await makeVillage(db);
  const user = await makeUser(db);
  const hs: { id: string }[] = [];
  for (let i = 0; i < households; i++) hs.push(await makeHousehold(db, v.id));
  const ids = await db.$transaction(async (tx) => ({
    issuance: await villageAccount(tx, v.id, "ISSUANCE"),
    settled: await villageAccount(tx, v.id, "SETTLED"),
    shop: await shopAccount(tx, v.id, uniq("shop")),
    households: await Promise.all(hs.map((h) => householdAccount(tx, v.id, h.id))),
  }));
  return { v, user, hs, ...ids };
}

async function award(db: Db, s: Awaited<ReturnType<typeof setup>>, i: number, points: number, key = uniq("k")) {
  return db.$transaction((tx) =>
    post(tx, now(), {
      villageId: s.v.id,
      kind: points > 0 ? "AWARD" : "DEDUCTION",
      idempotencyKey: key,
      postings: [
        { accountId: s.issuance, points: -points },
        { accountId: s.households[i]!, points },
      ],
      actorUserId: s.user.id,
      reason: "测试",
      scoring: true,
    }),
  );
}

async function spend(db: Db, s: Awaited<ReturnType<typeof setup>>, i: number, points: number, key = uniq("r")) {
  return db.$transaction((tx) =>
    post(tx, now(), {
      villageId: s.v.id,
      kind: "REDEMPTION",
      idempotencyKey: key,
      postings: [
        { accountId: s.households[i]!, points: -points },
        { accountId: s.shop, points },
      ],
      actorUserId: s.user.id,
      reason: "兑换",
      noOverdraw: [s.households[i]!],
    }),
  );
}

describe("ledger", () => {
  it("refuses UPDATE and DELETE of ledger rows (append-only trigger)", async () => {
    const s = await setup(t.db);
    const r = await award(t.db, s, 0, 10);
    await expect(t.db.$executeRaw`UPDATE "LedgerPosting" SET "points" = 999 WHERE "transactionId" = ${r.transactionId}`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM "LedgerTransaction" WHERE "id" = ${r.transactionId}`).rejects.toThrow(/append-only/);
    expect(await householdBalance(t.db, s.hs[0]!.id)).toBe(10);
  });

  it("a retry with the same idempotency key posts once, also 20 at the same time", async () => {
    const s = await setup(t.db);
    const key = uniq("same");
    const results = await Promise.all(Array.from({ length: 20 }, () => award(t.db, s, 0, 5, key)));
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await householdBalance(t.db, s.hs[0]!.id)).toBe(5);
    expect(await t.db.ledgerTransaction.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("a spend never overdraws, even 30 in parallel against a balance that covers 10", async () => {
    const s = await setup(t.db);
    await award(t.db, s, 0, 10);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => spend(t.db, s, 0, 1)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(rejected.every((o) => o.reason?.code === "INSUFFICIENT_POINTS")).toBe(true);
    expect(await householdBalance(t.db, s.hs[0]!.id)).toBe(0);
    expect((await verifyLedger(t.db, { villageId: s.v.id })).problems).toEqual([]);
  });

  it("a deduction may leave a household in debt, and then it cannot spend", async () => {
    const s = await setup(t.db);
    await award(t.db, s, 0, 3);
    await award(t.db, s, 0, -5);
    expect(await householdBalance(t.db, s.hs[0]!.id)).toBe(-2);
    await expect(spend(t.db, s, 0, 1)).rejects.toMatchObject({ code: "INSUFFICIENT_POINTS" });
  });

  it("a reversal negates the original once; score counts awards and deductions, not spending", async () => {
    const s = await setup(t.db);
    const a = await award(t.db, s, 0, 20);
    await award(t.db, s, 0, -4);
    await spend(t.db, s, 0, 6);
    const from = new Date(Date.now() - 60_000);
    const to = new Date(Date.now() + 60_000);
    expect(await householdScore(t.db, s.hs[0]!.id, from, to)).toEqual({ earned: 20, deducted: 4, score: 16 });
    const rev = () =>
      t.db.$transaction((tx) => reverse(tx, now(), { villageId: s.v.id, transactionId: a.transactionId, idempotencyKey: uniq("rev"), actorUserId: s.user.id, reason: "录入错误" }));
    await rev();
    await expect(rev()).rejects.toMatchObject({ code: "ALREADY_REVERSED" });
    expect(await householdBalance(t.db, s.hs[0]!.id)).toBe(20 - 4 - 6 - 20);
    expect((await householdScore(t.db, s.hs[0]!.id, from, to)).score).toBe(-4);
  });

  it("an unbalanced transaction is refused before it reaches the database", async () => {
    const s = await setup(t.db);
    await expect(
      t.db.$transaction((tx) =>
        post(tx, now(), { villageId: s.v.id, kind: "AWARD", idempotencyKey: uniq(), postings: [{ accountId: s.issuance, points: -5 }, { accountId: s.households[0]!, points: 4 }], actorUserId: s.user.id, reason: "x" }),
      ),
    ).rejects.toThrow(/sum/);
    // and the database's own deferred check refuses one that slips past the code (plain pg client:
    // a failed COMMIT is the point here)
    const client = new pg.Client(pgConfig(t.url));
    await client.connect();
    try {
      const id = uniq("bad");
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "LedgerTransaction" ("id","villageId","seq","kind","idempotencyKey","actorUserId","reason","createdAt","prevHash","hash")
         VALUES ($1, $2, 999, 'AWARD', $1, $3, 'x', now(), 'x', 'x')`,
        [id, s.v.id, s.user.id],
      );
      await client.query(
        `INSERT INTO "LedgerPosting" ("id","transactionId","accountId","villageId","points","createdAt") VALUES ($1, $2, $3, $4, -5, now())`,
        [uniq(), id, s.issuance, s.v.id],
      );
      await expect(client.query("COMMIT")).rejects.toThrow(/not balanced/);
      expect(await t.db.ledgerTransaction.count({ where: { id } })).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("verify catches a row tampered directly in SQL", async () => {
    const s = await setup(t.db, 1);
    await award(t.db, s, 0, 7);
    const victim = await award(t.db, s, 0, 8);
    await award(t.db, s, 0, 9);
    expect((await verifyLedger(t.db, { villageId: s.v.id })).problems).toEqual([]);
    // someone with database access edits the reason, bypassing the trigger
    await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "LedgerTransaction" DISABLE TRIGGER "LedgerTransaction_append_only"`);
      await tx.$executeRaw`UPDATE "LedgerTransaction" SET "reason" = '篡改' WHERE "id" = ${victim.transactionId}`;
      await tx.$executeRawUnsafe(`ALTER TABLE "LedgerTransaction" ENABLE TRIGGER "LedgerTransaction_append_only"`);
    });
    const report = await verifyLedger(t.db, { villageId: s.v.id });
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: "HASH_MISMATCH", transactionId: victim.transactionId }));
  });

  it("a household's account is created once, also when 20 first uses race", async () => {
    const v = await makeVillage(t.db);
    const h = await makeHousehold(t.db, v.id);
    const ids = await Promise.all(Array.from({ length: 20 }, () => t.db.$transaction((tx) => householdAccount(tx, v.id, h.id))));
    expect(new Set(ids).size).toBe(1);
    expect(await t.db.ledgerAccount.count({ where: { householdId: h.id } })).toBe(1);
    // another village cannot reach it
    const other = await makeVillage(t.db);
    await expect(t.db.$transaction((tx) => householdAccount(tx, other.id, h.id))).rejects.toThrow();
  });

  it("the database's hash and the JavaScript verifier agree on awkward text (quotes, newlines, control characters, emoji)", async () => {
    const s = await setup(t.db, 1);
    const reasons = ['引号"和\\反斜杠', "换行\n制表\t回车\r", "控制\u0001\u001f\u007f", "表情👍🏻 和 \u2028 分隔", "   ", "普通：帮邻居抢收小麦"];
    for (const reason of reasons) {
      await t.db.$transaction((tx) =>
        post(tx, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 67)), {
          villageId: s.v.id,
          kind: "AWARD",
          idempotencyKey: uniq("k"),
          postings: [
            { accountId: s.issuance, points: -3 },
            { accountId: s.households[0]!, points: 2 },
            { accountId: s.households[0]!, points: 1 },
          ],
          actorUserId: s.user.id,
          memberId: null,
          reason,
          source: { type: "award", id: reason },
          scoring: true,
        }),
      );
    }
    const report = await verifyLedger(t.db, { villageId: s.v.id });
    expect(report.transactions).toBe(reasons.length);
    expect(report.problems).toEqual([]);
    expect(await householdBalance(t.db, s.hs[0]!.id)).toBe(3 * reasons.length);
  });

  it("property: random awards, deductions, spends and reversals (of spends too, and twice) keep every invariant", async () => {
    type Op = { kind: "award" | "deduct" | "spend" | "reverse"; h: number; points: number };
    const op = fc.record({
      // weighted so that spends often succeed and are then reversed
      kind: fc.oneof(
        { arbitrary: fc.constant("award" as const), weight: 3 },
        { arbitrary: fc.constant("deduct" as const), weight: 1 },
        { arbitrary: fc.constant("spend" as const), weight: 3 },
        { arbitrary: fc.constant("reverse" as const), weight: 3 },
      ),
      h: fc.integer({ min: 0, max: 2 }),
      points: fc.integer({ min: 1, max: 50 }),
    });
    const seen = { spends: 0, spendReversals: 0, awardReversals: 0, secondReversals: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (random) => {
        // every run starts by spending and reversing that spend, then goes on at random
        const ops: Op[] = [{ kind: "award", h: 0, points: 50 }, { kind: "spend", h: 0, points: 50 }, { kind: "reverse", h: 0, points: 1 }, ...random];
        const s = await setup(t.db, 3);
        // every transaction that may be reversed, spends included; a reversed one stays listed so that
        // reversing it again is tried too (and must be refused)
        const posted: { id: string; kind: "award" | "spend" }[] = [];
        const reversed = new Set<string>();
        const model = [0, 0, 0];
        for (const o of ops) {
          if (o.kind === "award") { posted.push({ id: (await award(t.db, s, o.h, o.points)).transactionId, kind: "award" }); model[o.h]! += o.points; }
          if (o.kind === "deduct") { posted.push({ id: (await award(t.db, s, o.h, -o.points)).transactionId, kind: "award" }); model[o.h]! -= o.points; }
          if (o.kind === "spend") {
            const points = Math.ceil(o.points / 5); // small baskets, so that most spends succeed
            const can = model[o.h]! >= points;
            let result: { transactionId: string } | null = null;
            // the only refusal a spend may meet is the one the model predicts
            try { result = await spend(t.db, s, o.h, points); }
            catch (e) { expect((e as { code?: string }).code).toBe("INSUFFICIENT_POINTS"); }
            expect(result !== null).toBe(can);
            if (result) { posted.push({ id: result.transactionId, kind: "spend" }); model[o.h]! -= points; seen.spends++; }
          }
          if (o.kind === "reverse" && posted.length) {
            const target = posted[o.points % posted.length]!;
            const undo = () => t.db.$transaction((tx) => reverse(tx, now(), { villageId: s.v.id, transactionId: target.id, idempotencyKey: uniq("rv"), actorUserId: s.user.id, reason: "撤销" }));
            if (reversed.has(target.id)) {
              await expect(undo()).rejects.toMatchObject({ code: "ALREADY_REVERSED" });
              seen.secondReversals++;
              continue;
            }
            const orig = await t.db.ledgerPosting.findMany({ where: { transactionId: target.id }, select: { accountId: true, points: true } });
            await undo();
            reversed.add(target.id);
            seen[target.kind === "spend" ? "spendReversals" : "awardReversals"]++;
            for (const p of orig) { const i = s.households.indexOf(p.accountId); if (i >= 0) model[i]! -= p.points; }
          }
        }
        for (let i = 0; i < 3; i++) expect(await householdBalance(t.db, s.hs[i]!.id)).toBe(model[i]);
        const report = await verifyLedger(t.db, { villageId: s.v.id });
        expect(report.problems).toEqual([]);
        const sum = await t.db.ledgerPosting.aggregate({ where: { villageId: s.v.id }, _sum: { points: true } });
        expect(sum._sum.points ?? 0).toBe(0);
      }),
      { numRuns: 15, seed: 20261203 },
    );
    // the runs above really reversed spends, awards and tried a second reversal
    expect(seen.spendReversals).toBeGreaterThan(0);
    expect(seen.awardReversals).toBeGreaterThan(0);
    expect(seen.secondReversals).toBeGreaterThan(0);
  });
});
