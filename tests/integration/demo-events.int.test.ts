/**
 * The demo events of 桃源村 (prisma/demo-events.ts): a past event whose check-ins became final award
 * entries through due process, an event open today that the demo villager can check in to, an
 * upcoming one with sign-up; a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/actor.repo";
import { seedDemo, seedDemoRules } from "@/prisma/seed";
import { seedDemoPoints } from "@/prisma/demo-points";
import { DEMO_TODAY_EVENT, seedDemoEvents } from "@/prisma/demo-events";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

describe("demo events", () => {
  it("seeds three events of 桃源村 once, the past one closed into final awards", async () => {
    await seedDemo(t.db);
    await seedDemoRules(t.db);
    await seedDemoPoints(t.db);
    // at 10:00 China time today: the event "on now" runs 09:00–21:00
    const now = new Date(Math.floor((Date.now() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000 + 10 * 3600_000);
    const first = await seedDemoEvents(t.db, now);
    expect(first.created).toHaveLength(3);
    expect(await seedDemoEvents(t.db, now)).toEqual({ created: [] });

    const village = await t.db.region.findFirstOrThrow({ where: { name: "桃源村" }, select: { id: true } });
    const events = await t.db.event.findMany({ where: { villageId: village.id }, select: { id: true, title: true, closedAt: true } });
    expect(events).toHaveLength(3);
    const past = events.find((e) => e.closedAt)!;
    const checkIns = await t.db.eventCheckIn.findMany({ where: { eventId: past.id }, select: { awardId: true } });
    expect(checkIns.length).toBeGreaterThan(5);
    const awarded = checkIns.filter((c) => c.awardId).map((c) => c.awardId!);
    expect(awarded.length).toBeGreaterThan(0);
    const awards = await t.db.award.findMany({ where: { id: { in: awarded } }, select: { status: true, source: true } });
    expect(awards.every((a) => a.status === "FINAL" && a.source === "CHECKIN")).toBe(true);

    // the demo villager (13800000001) sees today's event and checks in with the kiosk's code
    const m = await t.db.membership.findFirstOrThrow({ where: { regionId: village.id, role: "VILLAGER", user: { phone: "13800000001" } }, select: { id: true, userId: true } });
    const c = await t.db.membership.findFirstOrThrow({ where: { regionId: village.id, role: "COMMITTEE", user: { phone: "13800000002" } }, select: { id: true, userId: true } });
    const villager = (await loadActor(t.db, m.userId, m.id))!;
    const committee = (await loadActor(t.db, c.userId, c.id))!;
    const list = await callerFor(t.db, villager, { now: () => now }).event.list({ when: "upcoming" });
    const today = list.items.find((e) => e.title === DEMO_TODAY_EVENT)!;
    expect(today).toMatchObject({ state: "OPEN", mine: { checkedIn: false } });
    expect(list.items.some((e) => e.signupRequired)).toBe(true);
    const pastList = await callerFor(t.db, villager, { now: () => now }).event.list({ when: "past" });
    expect(pastList.items[0]).toMatchObject({ state: "CLOSED", mine: { checkedIn: true, awarded: true } });
    const k = await callerFor(t.db, committee, { now: () => now }).event.kiosk({ eventId: today.id });
    expect(k.count).toBeGreaterThan(0);
    expect(await callerFor(t.db, villager, { now: () => now }).event.checkIn({ code: k.code })).toMatchObject({ outcome: "CHECKED_IN" });
  });
});
