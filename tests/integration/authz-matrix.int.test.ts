/**
 * The authorization matrix: every procedure of appRouter is called as every role and anonymously,
 * and the outcome must match server/auth/permissions.ts. Procedures and the table are read at run
 * time, so a new procedure is covered (and must name an action) the moment it is added to the router.
 * Also: a committee of village A reaching for rows of village B gets NOT_FOUND and changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
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
/** Actions in the table that neither a procedure nor a route handler uses yet, because it is still being built. */
const RESERVED: string[] = [];

/**
 * Every app/api route handler but the two transports that have their own checks (tRPC, covered above
 * procedure by procedure, and next-auth's sign-in), read from the tree so a new handler is covered at once.
 */
const API = path.resolve(import.meta.dirname, "../../app/api");
const TRANSPORTS = ["trpc/", "auth/"];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Wrapped = {
  action: string | null;
  testHook: boolean;
  run: (caller: { actor: Actor | null; locale: "zh" | "en" }, deps: { db: TestDb["db"]; now: () => Date }, req: Request, params: unknown) => Promise<Response>;
};
function routeFiles(dir = API): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [path.relative(API, p)] : [];
  });
}
const handlerFiles = routeFiles()
  .filter((f) => !TRANSPORTS.some((t) => f.startsWith(t)))
  .sort();
async function handlersOf(file: string): Promise<[string, unknown][]> {
  const mod = (await import(path.join(API, file))) as Record<string, unknown>;
  return METHODS.filter((m) => m in mod).map((m) => [m, mod[m]]);
}
const asWrapped = (h: unknown) => h as Wrapped;
const isWrapped = (h: unknown) =>
  typeof h === "function" && typeof asWrapped(h).run === "function" && (typeof asWrapped(h).action === "string" || asWrapped(h).testHook === true);

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

  it("every action in the table is used by a procedure or a route handler (or is reserved for one being built)", async () => {
    const used = new Set<string | undefined>(procedures.map(([, p]) => p._def.meta?.action));
    for (const f of handlerFiles) for (const [, h] of await handlersOf(f)) if (isWrapped(h)) used.add(asWrapped(h).action ?? undefined);
    const unused = Object.keys(table).filter((a) => !used.has(a) && !RESERVED.includes(a));
    expect(unused, "actions no procedure uses: remove them, or list them in RESERVED while being built").toEqual([]);
    // a reserved action that is used (or gone from the table) must leave the list
    expect(RESERVED.filter((a) => used.has(a) || !(a in table)), "stale RESERVED entries").toEqual([]);
  });
});

describe("authorization matrix of the app/api route handlers", () => {
  const deps = () => ({ db: t.db, now: () => new Date() });
  const call = (h: unknown, actor: Actor | null, file: string) =>
    asWrapped(h).run({ actor, locale: "zh" }, deps(), new Request(`http://localhost/api/${path.dirname(file)}`), { id: "ckmissing0000" });

  it("finds the handlers", () => {
    expect(handlerFiles.length).toBeGreaterThanOrEqual(4);
    expect(handlerFiles).toContain("store/item-photo/[id]/route.ts");
  });

  for (const file of handlerFiles) {
    it(`${file}: every method goes through the route wrapper and obeys the permission table`, async () => {
      const handlers = await handlersOf(file);
      expect(handlers.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      for (const [method, h] of handlers) {
        const where = `${method} ${file}`;
        expect(isWrapped(h), `${where}: build it with route("<action>", …) or testHookRoute(…) from server/http/route.ts`).toBe(true);
        const { action, testHook } = asWrapped(h);
        if (testHook) {
          // without E2E_TEST_HOOKS=1 the hook does not exist, for anyone
          expect(process.env.E2E_TEST_HOOKS, "test hooks must be off in the integration tests").not.toBe("1");
          for (const actor of [null, ...ROLES.map((r) => actors[r])]) {
            expect((await call(h, actor, file)).status, `${where} as ${actor?.role ?? "anonymous"}`).toBe(404);
          }
          continue;
        }
        expect(Object.keys(table), `${where} names action "${action}", which is not in PERMISSIONS`).toContain(action);
        const allowed = table[action!]!;
        expect((await call(h, null, file)).status, `${where} as anonymous`).toBe(401);
        for (const role of ROLES) {
          const res = await call(h, actors[role], file);
          const seen = `${where} as ${role}: ${res.status} ${await res.clone().text()}`;
          if (allowed.includes(role)) expect([401, 403, 500], seen).not.toContain(res.status);
          else expect(res.status, seen).toBe(403);
        }
      }
    });
  }
});

describe("the test clock hook", () => {
  it("answers through the wrapper only while test hooks are on: the clock, and a refused body in the caller's language", async () => {
    const mod = (await import(path.join(API, "test/clock/route.ts"))) as Record<string, unknown>;
    const run = (m: string, body?: unknown) =>
      asWrapped(mod[m]).run(
        { actor: null, locale: "en" },
        { db: t.db, now: () => new Date("2026-11-23T08:00:00Z") },
        new Request("http://localhost/api/test/clock", { method: m, body: body === undefined ? undefined : JSON.stringify(body) }),
        {},
      );
    expect((await run("GET")).status).toBe(404);
    process.env.E2E_TEST_HOOKS = "1";
    try {
      const got = await run("GET");
      expect(got.status).toBe(200);
      expect(await got.json()).toEqual({ now: "2026-11-23T08:00:00.000Z" });
      const refused = await run("POST", { advanceDays: 61 });
      expect(refused.status).toBe(400);
      expect(await refused.text()).not.toMatch(/[\u4e00-\u9fff]/); // English, as the caller asked
    } finally {
      delete process.env.E2E_TEST_HOOKS;
    }
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
