/**
 * The authorization matrix: every procedure of appRouter is called as every role and anonymously,
 * and the outcome must match server/auth/permissions.ts. Procedures and the table are read at run
 * time, so a new procedure is covered (and must name an action) the moment it is added to the router.
 * Also: a committee of village A reaching for rows of village B gets NOT_FOUND and changes nothing.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { PERMISSIONS, ROLES } from "@/server/auth/permissions";
import type { Role } from "@/server/db/generated/enums";
import { DomainError } from "@/server/lib/errors";
import { appRouter } from "@/server/trpc/root";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeCounty, makeHousehold, makeUser, makeVillage } from "../factories";

type AnyProcedure = { _def: { meta?: { action?: string }; type: string } };
const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures).sort(
  ([a], [b]) => a.localeCompare(b),
);
const table = PERMISSIONS as Record<string, readonly Role[]>;
/**
 * Actions in the table that no tRPC procedure uses: those of app/api route handlers (server/http/route.ts)
 * until this test calls the handlers too, and any whose procedure is still being built.
 */
const RESERVED: string[] = ["item.photo"];

let t: TestDb;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  t = await startTestDb();
  const { county, town } = await makeCounty(t.db);
  const village = await makeVillage(t.db, town.id);
  for (const role of ROLES) {
    const regionId = role === "COUNTY_ADMIN" ? county.id : role === "TOWN_ADMIN" ? town.id : village.id;
    actors[role] = await makeActor(t.db, role, regionId, role === "GRID_WORKER" ? { gridId: village.gridId } : {});
  }
});
afterAll(async () => {
  await t?.stop();
});

/** Calls `path` ("household.get") as `actor` with `input`; resolves to the error (or null on success). */
async function outcome(actor: Actor | null, path: string, input: unknown): Promise<TRPCError | null> {
  let node: unknown = callerFor(t.db, actor);
  for (const part of path.split(".")) node = (node as Record<string, unknown>)[part];
  try {
    await (node as (i: unknown) => Promise<unknown>)(input);
    return null;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
}

const domainCode = (e: TRPCError | null) => (e?.cause instanceof DomainError ? e.cause.code : undefined);
const describeError = (e: TRPCError | null) => (e ? `${e.code}${domainCode(e) ? `/${domainCode(e)}` : ""}: ${e.message}` : "success");

describe("authorization matrix", () => {
  it("the router has procedures and the table covers every role", () => {
    expect(procedures.length).toBeGreaterThan(10);
    for (const [action, roles] of Object.entries(table)) {
      for (const r of roles) expect(ROLES, `${action} names unknown role ${r}`).toContain(r);
    }
  });

  for (const [path, procedure] of procedures) {
    it(`${path} (${procedure._def.type}) obeys the permission table`, async () => {
      const action = procedure._def.meta?.action;
      expect(action, `${path} names no action: build it with allow("<action>")`).toBeTruthy();
      expect(Object.keys(table), `${path} names action "${action}", which is not in PERMISSIONS`).toContain(action);
      const allowed = table[action!]!;

      const anonymous = await outcome(null, path, {});
      expect(describeError(anonymous), `${path} as anonymous`).toMatch(/^UNAUTHORIZED\/UNAUTHENTICATED/);

      for (const role of ROLES) {
        const e = await outcome(actors[role], path, {});
        const seen = `${path} as ${role}: ${describeError(e)}`;
        if (process.env.AUTHZ_DEBUG && allowed.includes(role)) console.log(seen);
        if (allowed.includes(role)) {
          // allowed: typically BAD_REQUEST from the input ({} is not a valid input) or success; never a crash
          expect(["FORBIDDEN", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"], seen).not.toContain(e?.code);
        } else {
          expect(describeError(e), seen).toMatch(/^FORBIDDEN\/FORBIDDEN/);
        }
      }
    });
  }

  it("every action in the table is used by a procedure (or is reserved for one being built)", () => {
    const used = new Set(procedures.map(([, p]) => p._def.meta?.action));
    const unused = Object.keys(table).filter((a) => !used.has(a) && !RESERVED.includes(a));
    expect(unused, "actions no procedure uses: remove them, or list them in RESERVED while being built").toEqual([]);
    // a reserved action that is used (or gone from the table) must leave the list
    expect(RESERVED.filter((a) => used.has(a) || !(a in table)), "stale RESERVED entries").toEqual([]);
  });
});

describe("cross-village access is NOT_FOUND and changes nothing", () => {
  it("a committee of village A cannot touch households, members or accounts of village B", async () => {
    const a = await makeVillage(t.db);
    const b = await makeVillage(t.db);
    const committeeA = await makeActor(t.db, "COMMITTEE", a.id);
    const hb = await makeHousehold(t.db, b.id, { gridId: b.gridId, headName: "乙村户主" });
    const member = await t.db.householdMember.create({
      data: { householdId: hb.id, name: "乙村成员", relation: "CHILD" },
      select: { id: true },
    });
    const villagerB = await makeActor(t.db, "VILLAGER", b.id);
    const outsider = await makeUser(t.db);

    const snapshot = async () => ({
      household: await t.db.household.findUniqueOrThrow({
        where: { id: hb.id },
        select: { number: true, headName: true, address: true, gridId: true, status: true, updatedAt: true },
      }),
      members: await t.db.householdMember.findMany({
        where: { householdId: hb.id },
        select: { id: true, name: true, relation: true, userId: true },
        orderBy: { id: "asc" },
      }),
      user: await t.db.user.findUniqueOrThrow({ where: { id: villagerB.userId }, select: { passwordHash: true, active: true } }),
      memberships: await t.db.membership.findMany({
        where: { userId: villagerB.userId },
        select: { regionId: true, role: true, active: true },
        orderBy: { id: "asc" },
      }),
      audit: await t.db.auditLog.count({ where: { actorUserId: committeeA.userId } }),
    });
    const before = await snapshot();

    const api = callerFor(t.db, committeeA);
    const attempts: [string, () => Promise<unknown>][] = [
      ["household.get", () => api.household.get({ id: hb.id })],
      ["household.update", () => api.household.update({ id: hb.id, headName: "改名", address: "新地址" })],
      ["household.setStatus", () => api.household.setStatus({ id: hb.id, status: "INACTIVE" })],
      ["household.addMember", () => api.household.addMember({ householdId: hb.id, name: "新人", relation: "CHILD" })],
      ["household.removeMember", () => api.household.removeMember({ memberId: member.id })],
      ["household.linkMember", () => api.household.linkMember({ memberId: member.id, phone: outsider.phone })],
      ["account.resetPassword", () => api.account.resetPassword({ userId: villagerB.userId, password: "newpassword1" })],
      ["account.setRole (give)", () => api.account.setRole({ userId: villagerB.userId, role: "COMMITTEE", enabled: true })],
      ["account.setRole (remove)", () => api.account.setRole({ userId: villagerB.userId, role: "VILLAGER", enabled: false })],
    ];
    for (const [name, call] of attempts) {
      await expect(call(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }

    expect(await snapshot()).toEqual(before);
    // nor do B's rows show up in A's lists
    const list = await api.household.list({ take: 100 });
    expect(JSON.stringify(list)).not.toContain(hb.id);
    const accounts = await api.account.list({});
    expect(accounts.map((u) => u.id)).not.toContain(villagerB.userId);
  });

  it("a grid worker sees only the households of their own grid", async () => {
    const v = await makeVillage(t.db);
    const otherGrid = await t.db.grid.create({ data: { villageId: v.id, name: "另一网格" }, select: { id: true } });
    const worker = await makeActor(t.db, "GRID_WORKER", v.id, { gridId: v.gridId });
    const mine = await makeHousehold(t.db, v.id, { gridId: v.gridId });
    const theirs = await makeHousehold(t.db, v.id, { gridId: otherGrid.id });
    const api = callerFor(t.db, worker);
    await expect(api.household.get({ id: mine.id })).resolves.toMatchObject({ id: mine.id });
    await expect(api.household.get({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
