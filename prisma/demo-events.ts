/**
 * Demo events for 桃源村 (ARCHITECTURE §8), after the demo points history:
 *  - a past event, closed: its check-ins became award entries through due process (closed with the
 *    real event service on a past clock, approved by the supervisor, published into a notice batch,
 *    final once the window closed);
 *  - 「村道环境整治志愿活动」 on now (12 hours from the hour before seeding), no geofence, open for QR
 *    check-in (a few households already in; household 001 of 13800000001 not yet, so the walkthrough can scan);
 *  - an upcoming training that takes sign-ups (capacity 30).
 * Idempotent: the past and upcoming events are looked up by title; a new event "on now" is made only
 * when the last one has ended. Check-in rows of the demo are written directly with their historic
 * times (as staff roll calls); the awards only ever come from the service.
 */
import { loadActor } from "../server/auth/actor.repo";
import type { Db } from "../server/db/client";
import { newEventSecret } from "../server/lib/qr-token";
import { review } from "../server/modules/awards/award.service";
import { finalizeDue } from "../server/modules/awards/finalize";
import { publish } from "../server/modules/awards/publicity.service";
import { close } from "../server/modules/events/event.service";
import { DEMO_POINTS_VILLAGE } from "./demo-points";

const COMMITTEE_PHONE = "13800000002";
const GRID_PHONE = "13800000004";
const SUPERVISOR_PHONE = "13800000003";
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const SHANGHAI = 8 * HOUR;

export const DEMO_TODAY_EVENT = "村道环境整治志愿活动";
const PAST_EVENT = "冬季植树义务劳动";
const UPCOMING_EVENT = "冬季防火安全知识讲座";

export async function seedDemoEvents(db: Db, now = new Date()): Promise<{ created: string[]; reason?: string }> {
  const village = await db.region.findFirst({ where: { kind: "VILLAGE", name: DEMO_POINTS_VILLAGE }, select: { id: true } });
  if (!village) return { created: [], reason: "no village" };
  const villageId = village.id;
  const book = await db.ruleBook.findFirst({ where: { villageId, status: "ADOPTED" }, select: { id: true } });
  if (!book) return { created: [], reason: "no rule book in force" };
  const rules = new Map(
    (await db.rule.findMany({ where: { ruleBookId: book.id, code: { in: ["E05", "F04", "A02"] } }, select: { id: true, code: true, category: true } })).map((r) => [
      r.code,
      r,
    ]),
  );
  if (rules.size < 3) return { created: [], reason: "demo rules missing" };
  const m = await db.membership.findFirst({ where: { regionId: villageId, role: "COMMITTEE", user: { phone: COMMITTEE_PHONE } }, select: { id: true, userId: true } });
  const g = await db.membership.findFirst({ where: { regionId: villageId, role: "GRID_WORKER", user: { phone: GRID_PHONE } }, select: { userId: true } });
  const sv = await db.membership.findFirst({ where: { regionId: villageId, role: "SUPERVISOR", user: { phone: SUPERVISOR_PHONE } }, select: { id: true, userId: true } });
  const committee = m ? await loadActor(db, m.userId, m.id) : null;
  const supervisor = sv ? await loadActor(db, sv.userId, sv.id) : null;
  if (!committee || !supervisor) return { created: [], reason: "demo accounts missing" };
  const staffId = g?.userId ?? committee.userId;

  const localMidnight = Math.floor((now.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const at = (dayOffset: number, hour: number) => new Date(localMidnight + dayOffset * DAY + hour * HOUR);
  const households = await db.household.findMany({
    where: { villageId, status: "ACTIVE" },
    orderBy: { number: "asc" },
    take: 40,
    select: { id: true, number: true, members: { select: { id: true, relation: true }, orderBy: { id: "asc" } } },
  });
  const exists = (title: string, from: Date, to: Date) =>
    db.event.findFirst({ where: { villageId, title, startsAt: { gte: from, lt: to } }, select: { id: true } });
  const base = (code: string) => {
    const rule = rules.get(code)!;
    return { villageId, ruleId: rule.id, category: rule.category, secret: newEventSecret(), createdById: committee.userId };
  };
  /** Check-ins of the listed households at `time` (roll call by the grid worker), each with one member present. */
  const checkIns = async (eventId: string, picks: typeof households, time: Date) => {
    for (const [i, h] of picks.entries()) {
      const when = new Date(time.getTime() + i * 90_000);
      await db.eventCheckIn.create({
        data: { eventId, villageId, householdId: h.id, method: "ROLL_CALL", userId: staffId, staffUserId: staffId, createdAt: when },
        select: { id: true },
      });
      const member = h.members.find((x) => x.relation !== "HEAD") ?? h.members[0];
      await db.eventPresence.create({
        data: { eventId, householdId: h.id, memberId: member?.id ?? null, method: "ROLL_CALL", staffUserId: staffId, createdAt: when },
        select: { id: true },
      });
    }
  };
  const created: string[] = [];

  // 1. Ten days ago, closed: check-ins → award entries → notice → final.
  if (!(await exists(PAST_EVENT, at(-40, 0), at(0, 0)))) {
    const e = await db.event.create({
      data: {
        ...base("E05"),
        title: PAST_EVENT,
        description: "在后山荒坡补种柏树苗，自带铁锹，村里统一提供树苗和午饭。",
        place: "后山荒坡（村委会集合）",
        startsAt: at(-10, 8),
        endsAt: at(-10, 11.5),
        createdAt: at(-14, 10),
      },
      select: { id: true },
    });
    const picks = households.filter((h, i) => h.number === "001" || h.number === "002" || i % 3 === 0).slice(0, 14);
    await checkIns(e.id, picks, at(-10, 8.1));
    // check-in points are reviewed by default: the supervisor approves them, the committee publishes
    await close({ db, now: () => at(-10, 12) }, committee, { eventId: e.id });
    const proposed = await db.eventCheckIn.findMany({ where: { eventId: e.id, awardId: { not: null } }, select: { awardId: true } });
    for (const c of proposed) await review({ db, now: () => at(-9, 9) }, supervisor, { id: c.awardId!, decision: "APPROVED" });
    if (proposed.length) {
      await publish({ db, now: () => at(-9, 10) }, committee, { awardIds: proposed.map((c) => c.awardId!), title: `活动签到积分公示：${PAST_EVENT}` });
    }
    await finalizeDue({ db, now: () => now }, { villageId });
    created.push(PAST_EVENT);
  }

  // 2. On now (from the hour before the seed ran, for 12 hours: usually 08:00–20:00 of a demo
  //    morning), no geofence: the kiosk QR works from any phone. A new one when the last has ended.
  const open = await db.event.findFirst({ where: { villageId, title: DEMO_TODAY_EVENT, endsAt: { gt: now }, cancelledAt: null, closedAt: null }, select: { id: true } });
  if (!open) {
    const start = new Date(Math.floor(now.getTime() / HOUR) * HOUR - HOUR);
    const e = await db.event.create({
      data: {
        ...base("F04"),
        title: DEMO_TODAY_EVENT,
        description: "清理村道两侧杂物、垃圾和杂草，整治乱堆乱放。扫码签到，每户计一次。",
        place: "村委会门前集合",
        startsAt: start,
        endsAt: new Date(start.getTime() + 12 * HOUR),
        createdAt: at(-3, 9),
      },
      select: { id: true },
    });
    const picks = households.filter((h) => !["001", "002"].includes(h.number)).filter((_, i) => i % 5 === 1).slice(0, 5);
    await checkIns(e.id, picks, new Date(Math.min(now.getTime() - 10 * 60_000, start.getTime() + 15 * 60_000)));
    created.push(DEMO_TODAY_EVENT);
  }

  // 3. In five days, with sign-up.
  if (!(await exists(UPCOMING_EVENT, at(0, 0), at(30, 0)))) {
    const e = await db.event.create({
      data: {
        ...base("A02"),
        title: UPCOMING_EVENT,
        description: "镇消防站讲解冬季用火用电安全和灭火器使用，请每户派一人参加。需提前报名，名额 30 户。",
        place: "村文化礼堂",
        startsAt: at(5, 14.5),
        endsAt: at(5, 16.5),
        capacity: 30,
        signupRequired: true,
        createdAt: at(-1, 10),
      },
      select: { id: true },
    });
    for (const h of households.filter((x) => x.number !== "001").slice(1, 4)) {
      await db.eventSignup.create({ data: { eventId: e.id, householdId: h.id, userId: staffId, createdAt: at(-1, 15) }, select: { id: true } });
    }
    created.push(UPCOMING_EVENT);
  }
  return { created };
}
