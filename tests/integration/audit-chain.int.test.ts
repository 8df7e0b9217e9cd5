/** The audit trail is append-only and hash-chained per region, and the verifier finds any tampering. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { verifyAudit } from "@/server/modules/audit/audit-chain.repo";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeVillage } from "../factories";
import { eventVillage, makeEvent, tokenFor } from "../factories/events";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

async function write(actor: Actor, regionId: string, n: number, after: Record<string, unknown> = {}) {
  for (let i = 0; i < n; i++) {
    await t.db.$transaction((tx) => recordAudit(tx, actor, { regionId, action: "test.write", entity: "Test", entityId: `e${i}`, after: { i, ...after } }));
  }
}

const chain = (regionId: string) =>
  t.db.auditLog.findMany({ where: { regionId }, orderBy: { seq: "asc" }, select: { id: true, seq: true, prevHash: true, hash: true } });

/** Runs `sql` with the append-only trigger switched off, as someone with direct database access could. */
async function tamper(sql: string) {
  await t.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`);
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"`);
  });
}

describe("audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit rows", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "COMMITTEE", v.id);
    await write(a, v.id, 1);
    const [row] = await chain(v.id);
    await expect(t.db.$executeRaw`UPDATE "AuditLog" SET "action" = 'nothing.happened' WHERE "id" = ${row!.id}`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${row!.id}`).rejects.toThrow(/append-only/);
    await expect(t.db.auditLog.deleteMany({ where: { regionId: v.id } })).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await t.db.auditLog.findUnique({ where: { id: row!.id }, select: { action: true } })).toEqual({ action: "test.write" });
  });

  it("numbers each region's records 1, 2, … and links each to the previous hash, whatever the writer sends", async () => {
    const v = await makeVillage(t.db);
    const other = await makeVillage(t.db);
    const a = await makeActor(t.db, "COMMITTEE", v.id);
    await write(a, v.id, 3);
    await write(a, other.id, 2);
    // a writer that tries to choose its own place in the chain is overruled by the trigger
    await t.db.auditLog.create({
      data: { regionId: v.id, action: "test.forged", entity: "Test", entityId: "x", seq: 1, prevHash: "GENESIS", hash: "f".repeat(64) },
      select: { id: true },
    });
    const rows = await chain(v.id);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prevHash).toBe("GENESIS");
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows[3]!.hash).not.toBe("f".repeat(64));
    expect((await chain(other.id)).map((r) => r.seq)).toEqual([1, 2]);
    expect(await verifyAudit(t.db, { regionId: v.id })).toMatchObject({ records: 4, problems: [] });
  });

  it("chains the two records the check-in statement writes in one INSERT … CTE", async () => {
    const s = await eventVillage(t.db);
    const eventId = await makeEvent(t.db, s);
    const token = await tokenFor(t.db, eventId);
    await callerFor(t.db, s.head1).event.checkIn({ token });
    await callerFor(t.db, s.son1).event.checkIn({ token });
    const rows = await t.db.auditLog.findMany({ where: { regionId: s.v.id }, orderBy: { seq: "asc" }, select: { seq: true, action: true } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["event.checkIn", "event.presence"]));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await verifyAudit(t.db, { regionId: s.v.id })).toMatchObject({ problems: [] });
  });

  it("keeps one unbroken chain when many transactions append at once", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "COMMITTEE", v.id);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.$transaction((tx) => recordAudit(tx, a, { regionId: v.id, action: "test.burst", entity: "Test", entityId: `b${i}` })),
      ),
    );
    expect((await chain(v.id)).map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAudit(t.db, { regionId: v.id })).toMatchObject({ records: 20, problems: [] });
  });

  it("detects a record changed and a record removed directly in SQL", async () => {
    const v = await makeVillage(t.db);
    const a = await makeActor(t.db, "COMMITTEE", v.id);
    await write(a, v.id, 5, { points: 10 });
    const rows = await chain(v.id);
    expect((await verifyAudit(t.db, { regionId: v.id })).problems).toEqual([]);

    await tamper(`UPDATE "AuditLog" SET "after" = '{"i": 1, "points": 1000}' WHERE "id" = '${rows[1]!.id}'`);
    expect((await verifyAudit(t.db, { regionId: v.id })).problems).toEqual([{ kind: "HASH_MISMATCH", regionId: v.id, seq: 2, id: rows[1]!.id }]);

    await tamper(`DELETE FROM "AuditLog" WHERE "id" = '${rows[3]!.id}'`);
    const afterDelete = (await verifyAudit(t.db, { regionId: v.id })).problems;
    expect(afterDelete).toContainEqual({ kind: "SEQ_GAP", regionId: v.id, expected: 4, found: 5 });
    expect(afterDelete).toContainEqual({ kind: "CHAIN_BROKEN", regionId: v.id, seq: 5, id: rows[4]!.id });

    // the whole run: every region is checked and the break is reported
    const all = await verifyAudit(t.db);
    expect(all.problems.filter((p) => p.regionId === v.id).length).toBeGreaterThanOrEqual(3);
  });
});
