/**
 * Notifications written in the same transaction as their cause: opening a motion tells every elector
 * household's linked accounts (新表决), and when the opening fails after the insert, nobody is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "@/server/lib/deps";
import { openMotion } from "@/server/modules/council/motion.service";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";
import { makeVillagerOf } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

async function village() {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const h1 = await makeHousehold(t.db, v.id);
  const h2 = await makeHousehold(t.db, v.id);
  const a = await makeVillagerOf(t.db, v.id, h1.id);
  const b = await makeVillagerOf(t.db, v.id, h2.id);
  const api = callerFor(t.db, committee);
  const { id } = await api.motion.create({ title: "修建村道", question: "是否同意？", closesAt: new Date(Date.now() + 48 * 3600_000) });
  return { v, committee, api, a, b, motionId: id };
}

describe("新表决 notifications", () => {
  it("opening a motion tells each elector household's accounts, and they see it unread on their list", async () => {
    const w = await village();
    await w.api.motion.open({ id: w.motionId });
    for (const who of [w.a, w.b]) {
      const list = await callerFor(t.db, who).notification.list({ take: 30 });
      expect(list.unread).toBe(1);
      expect(list.items[0]).toMatchObject({ kind: "motion.opened", payload: { motionId: w.motionId, title: "修建村道" }, read: false });
    }
  });

  it("when the opening fails after the notifications were inserted (the audit write throws), none is left", async () => {
    const w = await village();
    // a database whose transactions fail at the audit record, the last write of openMotion
    const failing = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>, opts?: unknown) =>
          target.$transaction(async (tx) => {
            const broken = new Proxy(tx, {
              get: (o, p, r) => (p === "auditLog" ? { create: () => Promise.reject(new Error("audit down")) } : Reflect.get(o, p, r)),
            });
            return fn(broken);
          }, opts as never);
      },
    });
    const deps = { db: failing, now: () => new Date() } as unknown as Deps;
    await expect(openMotion(deps, w.committee, w.motionId)).rejects.toThrow("audit down");
    expect(await t.db.notification.count({ where: { userId: { in: [w.a.userId, w.b.userId] } } })).toBe(0);
    expect((await t.db.motion.findUniqueOrThrow({ where: { id: w.motionId }, select: { status: true } })).status).toBe("DRAFT");
  });
});
