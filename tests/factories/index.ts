/**
 * Test data with unique names per call, so tests and files can share a database and run in parallel.
 * Actors are built from real memberships, exactly as the session would build them.
 */
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/actor.repo";
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";
import type { Locale } from "@/server/i18n/config";
import { createCaller } from "@/server/trpc/root";

let seq = 0;
export const uniq = (prefix = "") => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;

let phoneSeq = Math.floor(Math.random() * 1e6);
/** A valid, unique mobile number (15x………). */
export const uniquePhone = () => `15${String(Date.now() % 1e3).padStart(3, "0")}${String(phoneSeq++ % 1e6).padStart(6, "0")}`;

// A real argon2 hash of "password123", computed once per process.
let hashPromise: Promise<string> | undefined;
async function passwordHash() {
  const { hashPassword } = await import("@/server/auth/password");
  return (hashPromise ??= hashPassword("password123"));
}
export const TEST_PASSWORD = "password123";

export async function makeCounty(db: Db) {
  const county = await db.region.create({ data: { kind: "COUNTY", name: uniq("县") }, select: { id: true, name: true } });
  const town = await db.region.create({ data: { kind: "TOWN", name: uniq("镇"), parentId: county.id }, select: { id: true, name: true } });
  return { county, town };
}

/** A village with one grid, under a fresh town (or the given one). */
export async function makeVillage(db: Db, townId?: string) {
  const parentId = townId ?? (await makeCounty(db)).town.id;
  const village = await db.region.create({ data: { kind: "VILLAGE", name: uniq("村"), parentId }, select: { id: true, name: true } });
  const grid = await db.grid.create({ data: { villageId: village.id, name: uniq("网格") }, select: { id: true, name: true } });
  return { ...village, townId: parentId, gridId: grid.id };
}

export async function makeUser(db: Db, name = uniq("用户")) {
  return db.user.create({ data: { phone: uniquePhone(), name: name.slice(0, 20), passwordHash: await passwordHash() }, select: { id: true, phone: true, name: true } });
}

/** A user with `role` in `regionId` and the Actor the session would give them. */
export async function makeActor(db: Db, role: Role, regionId: string, opts: { gridId?: string } = {}): Promise<Actor> {
  const user = await makeUser(db);
  const m = await db.membership.create({ data: { userId: user.id, regionId, role, gridId: opts.gridId ?? null }, select: { id: true } });
  const actor = await loadActor(db, user.id, m.id);
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

export async function makeHousehold(db: Db, villageId: string, opts: { gridId?: string | null; headName?: string } = {}) {
  return db.household.create({
    data: {
      villageId,
      number: uniq().slice(-12),
      headName: opts.headName ?? "测试户主",
      gridId: opts.gridId ?? null,
      members: { create: { name: opts.headName ?? "测试户主", relation: "HEAD" } },
    },
    select: { id: true, number: true, villageId: true },
  });
}

/** A tRPC caller for the actor, as the HTTP handler would build it (now() is injectable). */
export function callerFor(db: Db, actor: Actor | null, opts: { locale?: Locale; now?: () => Date } = {}) {
  return createCaller({ deps: { db, now: opts.now ?? (() => new Date()) }, actor, locale: opts.locale ?? "zh" });
}
