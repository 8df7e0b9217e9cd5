/**
 * server/db/hot-sql.ts sends a few statements straight to the pool under Prisma. What it reads must be
 * what Prisma reads: the same event row (dates as the same instants even when the server's time zone is
 * not UTC), and the same actor. Each statement is prepared once per connection, values bound every run.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { createPrisma, poolOf } from "@/server/db/client";
import { hotQuery } from "@/server/db/hot-sql";
import { loadActor } from "@/server/auth/actor.repo";
import { findEvent } from "@/server/modules/events/event.repo";
import { findEventWithSecret } from "@/server/modules/events/checkin.repo";
import { MEMBER_NAMES_SQL } from "@/server/modules/households/member.read";
import { REGION_NAMES_SQL } from "@/server/modules/regions/region.read";
import { startTestDb, type TestDb } from "../setup/test-db";
import { makeActor } from "../factories";
import { eventVillage, makeEvent } from "../factories/events";

let t: TestDb;
const zone = process.env.TZ;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("hot-sql", () => {
  it("reads an event exactly as Prisma does, in any server time zone", async () => {
    const s = await eventVillage(t.db);
    const id = await makeEvent(t.db, s, { geoLat: 30.25, geoLng: 120.5, geoRadiusM: 300, capacity: 40 });
    for (const tz of ["UTC", "Asia/Shanghai", "America/New_York"]) {
      process.env.TZ = tz;
      const viaPrisma = await findEvent(t.db, s.v.id, id);
      const hot = await findEventWithSecret(t.db, s.v.id, id);
      const { secret, ...rest } = hot!;
      expect(secret.length).toBeGreaterThanOrEqual(40);
      expect(rest).toEqual(viaPrisma);
      expect(rest.startsAt).toBeInstanceOf(Date);
    }
    expect(await findEventWithSecret(t.db, "another-village", id)).toBeNull();
  });

  it("binds values as parameters and sends dates as instants", async () => {
    const at = new Date("2026-12-01T02:03:04.005Z");
    process.env.TZ = "Asia/Shanghai";
    const [r] = await hotQuery<{ t: Date; s: string; n: number; a: string[] }>(
      t.db,
      Prisma.sql`SELECT ${at}::timestamp(3) AS "t", ${"x'); DROP TABLE \"Event\"; --"}::text AS "s", ${7}::int AS "n", ${["甲", null]}::text[] AS "a"`,
    );
    expect(r!.t.toISOString()).toBe(at.toISOString());
    expect(r!.s).toBe("x'); DROP TABLE \"Event\"; --");
    expect(r!.n).toBe(7);
    expect(r!.a).toEqual(["甲", null]);
    expect(await t.db.event.count()).toBeGreaterThanOrEqual(0);
  });

  it("prepares each statement once per connection and binds fresh values on every run", async () => {
    const one = createPrisma(t.url, { max: 1 }); // one connection, so the second run meets the prepared statement
    try {
      const run = (n: number) => hotQuery<{ n: number }>(one, Prisma.sql`SELECT ${n}::int * 2 AS "n"`);
      expect(await run(3)).toEqual([{ n: 6 }]);
      expect(await run(21)).toEqual([{ n: 42 }]);
      const [p] = await hotQuery<{ count: number }>(one, Prisma.sql`SELECT count(*)::int AS "count" FROM pg_prepared_statements WHERE name LIKE 'mb_hot_%' AND statement LIKE '%* 2 AS "n"'`);
      expect(p!.count).toBe(1);
      // the connection is replaced (pg's idle timeout does that); on PGlite the new one shares the old session
      const c = await poolOf(one)!.connect();
      c.release(true);
      expect(await run(50)).toEqual([{ n: 100 }]);
      expect(await run(7)).toEqual([{ n: 14 }]);
    } finally {
      await one.$disconnect();
      await poolOf(one)?.end();
    }
  });

  it("loads the actor of an active membership only", async () => {
    const s = await eventVillage(t.db);
    const a = await loadActor(t.db, s.committee.userId, s.committee.membershipId);
    expect(a).toMatchObject({ userId: s.committee.userId, membershipId: s.committee.membershipId, role: "COMMITTEE", villageId: s.v.id });
    expect(await loadActor(t.db, s.committee.userId, "not-a-membership")).toBeNull();
    const other = await makeActor(t.db, "VILLAGER", s.v.id);
    expect(await loadActor(t.db, other.userId, s.committee.membershipId)).toBeNull();
    await t.db.membership.update({ where: { id: other.membershipId }, data: { active: false } });
    expect(await loadActor(t.db, other.userId, other.membershipId)).toBeNull();
  });

  it("the owners' derived tables fold into the statements that join them: the plan is the plain join's", async () => {
    const plan = async (q: Prisma.Sql) =>
      (await t.db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (COSTS OFF) ${q}`))
        // the plan's shape: its nodes and the indexes they use, with tables' aliases left out (a folded
        // derived table's rows show under the table's own name)
        .map((r) => r["QUERY PLAN"])
        .filter((l) => !/(Cond|Filter):/.test(l))
        .map((l) => l.replace(/( on "\w+").*$/, "$1"))
        .join("\n");
    const actor = (regions: Prisma.Sql) =>
      plan(Prisma.sql`SELECT m."id", r."name" FROM "Membership" m JOIN ${regions} r ON r."id" = m."regionId" WHERE m."id" = ${"x"}`);
    const present = (members: Prisma.Sql) =>
      plan(Prisma.sql`SELECT m."name" FROM "EventPresence" p JOIN ${members} m ON m."id" = p."memberId" WHERE p."eventId" = ${"x"}`);
    expect(await actor(REGION_NAMES_SQL)).toBe(await actor(Prisma.sql`"Region"`));
    expect(await present(MEMBER_NAMES_SQL)).toBe(await present(Prisma.sql`"HouseholdMember"`));
    // the comparison can tell: a derived table that cannot be folded plans differently
    expect(await actor(Prisma.sql`(SELECT DISTINCT "id", "name" FROM "Region")`)).not.toBe(await actor(Prisma.sql`"Region"`));
  });
});
