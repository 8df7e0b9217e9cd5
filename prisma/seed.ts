/**
 * Loads the demo county into an empty database (idempotent: a database that already has the
 * demo county is left alone). Run by scripts/serve.ts on start.
 */
import { createPrisma } from "../server/db/client";
import { hashPassword } from "../server/auth/password";
import { COUNTY, DEMO_ACCOUNTS, DEMO_PASSWORD, GRIDS, TOWNS, demoHouseholds } from "./demo-data";

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

// Run directly: `node --import tsx prisma/seed.ts`
if (process.argv[1]?.endsWith("seed.ts")) {
  const db = createPrisma();
  const t0 = Date.now();
  const { seeded } = await seedDemo(db);
  console.log(seeded ? `[seed] demo county loaded in ${Date.now() - t0} ms` : "[seed] demo data already present");
  await db.$disconnect();
}
