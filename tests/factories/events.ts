/**
 * Event test data: a village ready for check-ins (committee, supervisor, grid worker, households with
 * two linked villager members each, a rule book in force) and events created through the service.
 */
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { signRotating } from "@/server/lib/qr-token";
import { callerFor, makeActor, makeHousehold, makeVillage } from "./index";
import { makeRuleBook } from "./points";

export const HOUR = 60 * 60 * 1000;

/** A second member with their own account in the household; returns their Actor. */
export async function addMemberWithAccount(db: Db, villageId: string, householdId: string, name = "家庭成员"): Promise<Actor> {
  const a = await makeActor(db, "VILLAGER", villageId);
  await db.householdMember.create({ data: { householdId, name, relation: "CHILD", userId: a.userId }, select: { id: true } });
  return a;
}

/** Links a fresh villager account to the household's head. */
async function headAccount(db: Db, villageId: string, householdId: string): Promise<Actor> {
  const a = await makeActor(db, "VILLAGER", villageId);
  await db.householdMember.updateMany({ where: { householdId, relation: "HEAD" }, data: { userId: a.userId } });
  return a;
}

export async function eventVillage(db: Db, opts: { noticeDays?: number } = {}) {
  const v = await makeVillage(db);
  if (opts.noticeDays !== undefined) await db.region.update({ where: { id: v.id }, data: { noticeDays: opts.noticeDays } });
  const committee = await makeActor(db, "COMMITTEE", v.id);
  const supervisor = await makeActor(db, "SUPERVISOR", v.id);
  const gridWorker = await makeActor(db, "GRID_WORKER", v.id, { gridId: v.gridId });
  const h1 = await makeHousehold(db, v.id, { gridId: v.gridId, headName: "王建国" });
  const h2 = await makeHousehold(db, v.id, { gridId: v.gridId, headName: "李春生" });
  const h3 = await makeHousehold(db, v.id, { gridId: null, headName: "赵大娘" });
  const head1 = await headAccount(db, v.id, h1.id);
  const son1 = await addMemberWithAccount(db, v.id, h1.id, "王小明");
  const head2 = await headAccount(db, v.id, h2.id);
  const head3 = await headAccount(db, v.id, h3.id);
  const { ruleIds } = await makeRuleBook(db, v.id, [
    { code: "G01", title: "参加村庄环境整治义务劳动", category: "ENVIRONMENT", points: 10 },
    { code: "G02", title: "参加志愿服务", category: "PUBLIC_GOOD", points: 5, evidenceRequired: true },
  ]);
  return { v, committee, supervisor, gridWorker, h1, h2, h3, head1, son1, head2, head3, ruleId: ruleIds[0]!, evidenceRuleId: ruleIds[1]! };
}

export type EventVillage = Awaited<ReturnType<typeof eventVillage>>;

/** Creates an event through the committee's procedure; defaults: open from an hour ago for two hours. */
export async function makeEvent(
  db: Db,
  s: EventVillage,
  over: Partial<{
    title: string;
    startsAt: Date;
    endsAt: Date;
    geoLat: number;
    geoLng: number;
    geoRadiusM: number;
    capacity: number;
    signupRequired: boolean;
    needsApproval: boolean;
    allowStaticCode: boolean;
    ruleId: string;
  }> = {},
  now: () => Date = () => new Date(),
) {
  const t = now().getTime();
  const { id } = await callerFor(db, s.committee, { now }).event.create({
    title: over.title ?? "村道环境整治",
    ruleId: over.ruleId ?? s.ruleId,
    place: "村委会门前",
    startsAt: over.startsAt ?? new Date(t - HOUR),
    endsAt: over.endsAt ?? new Date(t + HOUR),
    ...over,
  });
  return id;
}

/** The event's current kiosk token, as the kiosk would show it at `nowMs`. */
export async function tokenFor(db: Db, eventId: string, nowMs = Date.now()) {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, villageId: true, secret: true } });
  return signRotating({ eventId: e.id, villageId: e.villageId, secret: e.secret }, nowMs);
}

/** Everything a check-in could write for an event, to prove a refusal wrote nothing. */
export async function eventSnapshot(db: Db, eventId: string, villageId: string) {
  const [checkIns, presence, signups, audit, awards] = await Promise.all([
    db.eventCheckIn.count({ where: { eventId } }),
    db.eventPresence.count({ where: { eventId } }),
    db.eventSignup.count({ where: { eventId } }),
    db.auditLog.count({ where: { regionId: villageId } }),
    db.award.count({ where: { villageId } }),
  ]);
  return { checkIns, presence, signups, audit, awards };
}
