/**
 * Loads the demo county into an empty database (idempotent: a database that already has the
 * demo county is left alone). Run by scripts/serve.ts on start.
 */
import { createPrisma } from "../server/db/client";
import { hashPassword } from "../server/auth/password";
import { COUNTY, DEMO_ACCOUNTS, DEMO_PASSWORD, GRIDS, TOWNS, demoHouseholds } from "./demo-data";
import { DEMO_RULES, DEMO_RULE_ADOPTED_AT, DEMO_RULE_ADOPTED_BY, demoRuleBookTitle } from "./demo-rules";
import { DEMO_POINTS_VILLAGE, seedDemoPoints } from "./demo-points";
import { seedDemoEvents } from "./demo-events";
import { DEMO_SHOP, seedDemoStore } from "./demo-store";

export async function seedDemo(db: ReturnType<typeof createPrisma>): Promise<{ seeded: boolean }> {
  const existing = await db.region.findFirst({ where: { kind: "COUNTY", name: COUNTY }, select: { id: true } });
  if (existing) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(
    async (tx) => {
      const county = await tx.region.create({ data: { kind: "COUNTY", name: COUNTY }, select: { id: true } });
      const places = new Map<string, string>([[COUNTY, county.id]]);
      const grids = new Map<string, string>(); // "village/grid" -> id
      let villageIndex = 0;
      const villages: { name: string; id: string; index: number }[] = [];
      for (const town of TOWNS) {
        const t = await tx.region.create({ data: { kind: "TOWN", name: town.name, parentId: county.id }, select: { id: true } });
        places.set(town.name, t.id);
        for (const v of town.villages) {
          const village = await tx.region.create({
            data: { kind: "VILLAGE", name: v, parentId: t.id, noticeDays: 7 },
            select: { id: true },
          });
          places.set(v, village.id);
          villages.push({ name: v, id: village.id, index: villageIndex++ });
          for (const g of GRIDS) {
            const grid = await tx.grid.create({ data: { villageId: village.id, name: g }, select: { id: true } });
            grids.set(`${v}/${g}`, grid.id);
          }
        }
      }

      const householdIds = new Map<string, string>(); // "village/number" -> id
      for (const v of villages) {
        for (const h of demoHouseholds(v.name, v.index)) {
          const created = await tx.household.create({
            data: {
              villageId: v.id,
              number: h.number,
              headName: h.headName,
              address: h.address,
              gridId: grids.get(`${v.name}/${h.grid}`),
              members: {
                create: [{ name: h.headName, relation: "HEAD" }, ...h.members.map((m) => ({ name: m.name, relation: m.relation as never }))],
              },
            },
            select: { id: true },
          });
          householdIds.set(`${v.name}/${h.number}`, created.id);
        }
      }

      for (const a of DEMO_ACCOUNTS) {
        const user = await tx.user.create({ data: { phone: a.phone, name: a.name, passwordHash }, select: { id: true } });
        for (const r of a.roles) {
          await tx.membership.create({
            data: {
              userId: user.id,
              regionId: places.get(r.place)!,
              role: r.role as never,
              gridId: r.grid ? grids.get(`${r.place}/${r.grid}`) : null,
            },
            select: { id: true },
          });
          if (r.household) {
            await tx.householdMember.updateMany({
              where: { householdId: householdIds.get(`${r.place}/${r.household}`), relation: "HEAD" },
              data: { userId: user.id },
            });
          }
        }
      }
    },
    { timeout: 120_000 },
  );
  return { seeded: true };
}

/**
 * Gives every village of the demo county that has no rule book in force an adopted
 * 《…积分管理细则》 (prisma/demo-rules.ts). Runs on every start, separately from seedDemo, so a
 * database seeded before rule books existed gets them too; a village with one in force is left alone.
 */
export async function seedDemoRules(db: ReturnType<typeof createPrisma>): Promise<{ villages: string[] }> {
  const county = await db.region.findFirst({ where: { kind: "COUNTY", name: COUNTY }, select: { id: true } });
  if (!county) return { villages: [] };
  const all = await db.region.findMany({
    where: { kind: "VILLAGE", parent: { parentId: county.id } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const inForce = await db.ruleBook.findMany({
    where: { villageId: { in: all.map((v) => v.id) }, status: "ADOPTED" },
    select: { villageId: true },
  });
  const has = new Set(inForce.map((b) => b.villageId));
  const villages = all.filter((v) => !has.has(v.id));
  const done: string[] = [];
  for (const v of villages) {
    await db.$transaction(async (tx) => {
      const committee = await tx.membership.findFirst({
        where: { regionId: v.id, role: "COMMITTEE" },
        select: { userId: true },
        orderBy: { createdAt: "asc" },
      });
      const last = await tx.ruleBook.aggregate({ where: { villageId: v.id }, _max: { version: true } });
      const by = committee?.userId ?? "demo-seed";
      const book = await tx.ruleBook.create({
        data: {
          villageId: v.id,
          version: (last._max.version ?? 0) + 1,
          title: demoRuleBookTitle(v.name),
          status: "ADOPTED",
          createdById: by,
          createdAt: DEMO_RULE_ADOPTED_AT,
          adoptedAt: DEMO_RULE_ADOPTED_AT,
          adoptedById: committee?.userId ?? null,
          adoptedBy: DEMO_RULE_ADOPTED_BY,
        },
        select: { id: true },
      });
      await tx.rule.createMany({
        data: DEMO_RULES.map((r, i) => ({
          ruleBookId: book.id,
          villageId: v.id,
          code: r.code,
          category: r.category,
          title: r.title,
          description: r.description,
          points: r.points,
          capPeriod: r.capPeriod ?? null,
          capCount: r.capCount ?? null,
          evidenceRequired: r.evidenceRequired ?? false,
          sort: (i + 1) * 10,
        })),
      });
    });
    done.push(v.name);
  }
  return { villages: done };
}

// Run directly: `node --import tsx prisma/seed.ts`
if (process.argv[1]?.endsWith("seed.ts")) {
  const db = createPrisma();
  const t0 = Date.now();
  const { seeded } = await seedDemo(db);
  console.log(seeded ? `[seed] demo county loaded in ${Date.now() - t0} ms` : "[seed] demo data already present");
  const rules = await seedDemoRules(db);
  if (rules.villages.length) console.log(`[seed] rule books adopted for ${rules.villages.join("、")}`);
  const t1 = Date.now();
  const points = await seedDemoPoints(db); // after the rule books: it needs the one in force
  if (points.seeded) console.log(`[seed] demo points history for ${DEMO_POINTS_VILLAGE}: ${points.final} final entries in ${Date.now() - t1} ms`);
  const events = await seedDemoEvents(db); // after the points history: a past event's awards join it
  if (events.created.length) console.log(`[seed] demo events for ${DEMO_POINTS_VILLAGE}: ${events.created.join("、")}`);
  const store = await seedDemoStore(db); // after the points history: the sales need balances
  if (store.seeded) console.log(`[seed] demo store ${DEMO_SHOP}: ${store.sales} past sales`);
  await db.$disconnect();
}
