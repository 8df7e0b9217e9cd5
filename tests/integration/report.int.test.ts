/**
 * 随手拍 reports against a real database: filing (own household, or a grid worker's proxy), photos
 * re-encoded or refused, positions refused or flagged, the review (accept once → one proposal that
 * goes through due process to the ledger with the proxy recorded; decline and duplicate post nothing),
 * and refused calls that write nothing.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finalizeDue } from "@/server/modules/awards/finalize";
import { reportPhoto } from "@/server/modules/reports/report.service";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, uniq } from "../factories";
import { key, makeClock, pointsSnapshot, pointsVillage } from "../factories/points";

let t: TestDb;
let jpeg: string;
beforeAll(async () => {
  t = await startTestDb();
  const buf = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 30, g: 120, b: 40 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 15/1 0/1" } })
    .toBuffer();
  jpeg = `data:image/jpeg;base64,${buf.toString("base64")}`;
});
afterAll(async () => {
  await t?.stop();
});

const HERE = { kind: "GPS" as const, lat: 30.25, lng: 120.16, accuracyM: 12 };

async function reportVillage() {
  const s = await pointsVillage(t.db);
  const rule = await t.db.rule.create({
    data: { ruleBookId: s.book.id, villageId: s.v.id, code: "H01", category: "REPORT", title: "随手拍上报隐患被采纳", points: 2, capPeriod: "MONTH", capCount: 1, sort: 9 },
    select: { id: true },
  });
  const grid = await makeActor(t.db, "GRID_WORKER", s.v.id, { gridId: s.v.gridId });
  await t.db.landmark.create({ data: { villageId: s.v.id, name: uniq("村口"), lat: 30.25, lng: 120.16 } });
  return { ...s, grid, reportRule: rule.id };
}

const snapshot = async (villageId: string) => ({
  ...(await pointsSnapshot(t.db, villageId)),
  reports: await t.db.report.findMany({ where: { villageId }, orderBy: { id: "asc" }, select: { id: true, status: true, awardId: true } }),
  photos: await t.db.reportPhoto.count({ where: { villageId } }),
  notes: await t.db.notification.count({ where: { kind: { startsWith: "report." }, household: { villageId } } }),
});

describe("filing a report", () => {
  it("a villager's report is stored for their household with re-encoded photos and no metadata", async () => {
    const s = await reportVillage();
    const r = await callerFor(t.db, s.villager).report.create({ category: "ENVIRONMENT", text: "村口垃圾堆了好几天", photos: [jpeg], place: HERE, requestKey: key() });
    expect(r).toMatchObject({ created: true, farFromVillage: false });
    const [mine] = await callerFor(t.db, s.villager).report.mine();
    expect(mine).toMatchObject({ id: r.id, status: "SUBMITTED", proxyName: null, household: { id: s.h1.id } });
    const photo = await reportPhoto({ db: t.db, now: () => new Date() }, s.villager, mine!.photos[0]!.id);
    const meta = await sharp(Buffer.from(photo!.bytes)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 800, height: 600 });
    expect(meta.exif).toBeUndefined();
    // the neighbour's household cannot see it
    expect(await reportPhoto({ db: t.db, now: () => new Date() }, s.neighbour, mine!.photos[0]!.id)).toBeNull();
  });

  it("sending the same form twice stores one report", async () => {
    const s = await reportVillage();
    const input = { category: "SAFETY" as const, text: "桥栏杆松了", photos: [jpeg], place: HERE, requestKey: key() };
    const [a, b] = await Promise.all([callerFor(t.db, s.villager).report.create(input), callerFor(t.db, s.villager).report.create(input)]);
    expect(a.id).toBe(b.id);
    expect(await t.db.report.count({ where: { villageId: s.v.id } })).toBe(1);
  });

  it("positions outside the valid range are refused; far from the village is flagged, not refused", async () => {
    const s = await reportVillage();
    const v = callerFor(t.db, s.villager);
    const before = await snapshot(s.v.id);
    for (const place of [{ ...HERE, lat: 91 }, { ...HERE, lng: -181 }, { ...HERE, lat: Number.NaN }]) {
      await expect(v.report.create({ category: "OTHER", text: "位置不对", photos: [jpeg], place, requestKey: key() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await snapshot(s.v.id)).toEqual(before);
    const far = await v.report.create({ category: "OTHER", text: "在县城看到的", photos: [jpeg], place: { kind: "GPS", lat: 31.2, lng: 121.4, accuracyM: 30 }, requestKey: key() });
    expect(far).toMatchObject({ created: true, farFromVillage: true });
  });

  it("photos that are not images, too large, pixel bombs or SVG are refused and nothing is written", async () => {
    const s = await reportVillage();
    const v = callerFor(t.db, s.villager);
    const before = await snapshot(s.v.id);
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64")}`;
    const text = `data:image/jpeg;base64,${Buffer.from("not a picture at all").toString("base64")}`;
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 0xff);
    big[0] = 0xff; big[1] = 0xd8; big[2] = 0xff;
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
    const cases: [string, string][] = [
      [svg, "PHOTO_NOT_IMAGE"],
      [text, "PHOTO_NOT_IMAGE"],
      [big.toString("base64"), "PHOTO_TOO_LARGE"],
      [bomb.toString("base64"), "PHOTO_TOO_MANY_PIXELS"],
    ];
    for (const [photo, code] of cases) {
      // a good photo first: the whole report is refused, not just the bad picture
      const e = await v.report.create({ category: "OTHER", text: "坏照片", photos: [jpeg, photo], place: HERE, requestKey: key() }).catch((x: unknown) => x);
      expect((e as { cause?: { code?: string } }).cause?.code ?? String(e), code).toBe(code);
    }
    expect(await snapshot(s.v.id)).toEqual(before);
  });

  it("a grid worker files for a household of their grid (proxy recorded), not for one outside it", async () => {
    const s = await reportVillage();
    const g = callerFor(t.db, s.grid);
    const r = await g.report.create({ householdId: s.h1.id, category: "GOOD_DEED", text: "帮五保户修好了屋顶", photos: [jpeg], place: { kind: "GRID", gridId: s.v.gridId }, requestKey: key() });
    const row = await t.db.report.findUniqueOrThrow({ where: { id: r.id }, select: { proxyUserId: true, reporterUserId: true, householdId: true, placeSource: true } });
    expect(row).toEqual({ proxyUserId: s.grid.userId, reporterUserId: s.grid.userId, householdId: s.h1.id, placeSource: "PICKED" });
    const [mine] = await callerFor(t.db, s.villager).report.mine();
    expect(mine?.proxyName).toBe(s.grid.name);
    const outside = await makeHousehold(t.db, s.v.id, { gridId: null });
    await expect(g.report.create({ householdId: outside.id, category: "OTHER", text: "不在本网格", photos: [jpeg], place: HERE, requestKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("reviewing a report", () => {
  it("accepting twice creates one proposal; a supervisor approves; after 公示 the points carry the proxy on the ledger", async () => {
    const s = await reportVillage();
    const clock = makeClock();
    const r = await callerFor(t.db, s.grid, { now: clock.now }).report.create({ householdId: s.h1.id, category: "SAFETY", text: "路灯坏了", photos: [jpeg], place: HERE, requestKey: key() });
    const g = callerFor(t.db, s.grid, { now: clock.now });
    const [a, b] = await Promise.all([g.report.accept({ id: r.id, ruleId: s.reportRule }), callerFor(t.db, s.committee, { now: clock.now }).report.accept({ id: r.id, ruleId: s.reportRule })].map((p) => p.catch((e: unknown) => e)));
    const awards = await t.db.award.findMany({ where: { villageId: s.v.id, source: "REPORT" }, select: { id: true, sourceId: true, status: true, proposedById: true, proxyUserId: true } });
    expect(awards).toHaveLength(1);
    expect(awards[0]).toMatchObject({ sourceId: r.id, status: "PROPOSED", proxyUserId: s.grid.userId });
    // both callers were told about the one award (or the second was told it was already reviewed)
    for (const x of [a, b]) if (!(x instanceof Error)) expect((x as { awardId: string }).awardId).toBe(awards[0]!.id);
    expect(await g.report.accept({ id: r.id, ruleId: s.reportRule })).toEqual({ awardId: awards[0]!.id, already: true });
    expect(await t.db.award.count({ where: { villageId: s.v.id, source: "REPORT" } })).toBe(1);

    // the grid worker who accepted is the proposer: a supervisor approves it, publishes, and it becomes final
    await callerFor(t.db, s.supervisor, { now: clock.now }).award.approve({ id: awards[0]!.id });
    await callerFor(t.db, s.committee, { now: clock.now }).publicity.publish({});
    clock.advanceDays(8);
    await finalizeDue({ db: t.db, now: clock.now }, { villageId: s.v.id });
    const final = await t.db.award.findUniqueOrThrow({ where: { id: awards[0]!.id }, select: { status: true, transactionId: true } });
    expect(final.status).toBe("FINAL");
    const tx = await t.db.ledgerTransaction.findUniqueOrThrow({ where: { id: final.transactionId! }, select: { proxyUserId: true } });
    expect(tx.proxyUserId).toBe(s.grid.userId);
    // the household was told, and the award's trail finds the report with its photo
    expect(await t.db.notification.count({ where: { householdId: s.h1.id, kind: "report.accepted" } })).toBe(1);
    const ofAward = await callerFor(t.db, s.villager).report.ofAward({ awardId: awards[0]!.id });
    expect(ofAward?.photos[0]?.url).toMatch(/^\/api\/reports\/photo\//);
  });

  it("a declined report posts nothing and tells the household the reason", async () => {
    const s = await reportVillage();
    const r = await callerFor(t.db, s.villager).report.create({ category: "ENVIRONMENT", text: "邻居家门口有杂物", photos: [jpeg], place: HERE, requestKey: key() });
    const before = await pointsSnapshot(t.db, s.v.id);
    await callerFor(t.db, s.grid).report.decline({ id: r.id, reason: "已经清理干净了" });
    const after = await pointsSnapshot(t.db, s.v.id);
    expect(after.awards).toEqual(before.awards);
    expect(after.transactions).toBe(before.transactions);
    const [mine] = await callerFor(t.db, s.villager).report.mine();
    expect(mine).toMatchObject({ status: "DECLINED", declineReason: "已经清理干净了" });
    await expect(callerFor(t.db, s.grid).report.accept({ id: r.id, ruleId: s.reportRule })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("nearby earlier reports are offered as duplicates; marking one posts nothing", async () => {
    const s = await reportVillage();
    const clock = makeClock();
    const v = callerFor(t.db, s.villager, { now: clock.now });
    const first = await v.report.create({ category: "FACILITY", text: "水渠堵了", photos: [jpeg], place: HERE, requestKey: key() });
    clock.set(new Date(clock.now().getTime() + 3_600_000));
    const second = await callerFor(t.db, s.neighbour, { now: clock.now }).report.create({ category: "FACILITY", text: "水渠又堵了", photos: [jpeg], place: { ...HERE, lat: HERE.lat + 0.0002 }, requestKey: key() });
    const farAway = await v.report.create({ category: "FACILITY", text: "另一处水渠", photos: [jpeg], place: { ...HERE, lat: HERE.lat + 0.01 }, requestKey: key() });
    const q = await callerFor(t.db, s.grid).report.queue({ status: "SUBMITTED" });
    const byId = new Map(q.items.map((i) => [i.id, i]));
    expect(byId.get(second.id)?.likelyDuplicates.map((d) => d.id)).toEqual([first.id]);
    expect(byId.get(farAway.id)?.likelyDuplicates).toEqual([]);
    const before = await pointsSnapshot(t.db, s.v.id);
    await callerFor(t.db, s.grid).report.markDuplicate({ id: second.id, duplicateOfId: first.id });
    expect((await pointsSnapshot(t.db, s.v.id)).awards).toEqual(before.awards);
    await expect(callerFor(t.db, s.grid).report.markDuplicate({ id: first.id, duplicateOfId: farAway.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a cap or a rule that is not a 随手拍 rule leaves the report waiting and writes nothing", async () => {
    const s = await reportVillage();
    const v = callerFor(t.db, s.villager);
    const g = callerFor(t.db, s.grid);
    const one = await v.report.create({ category: "SAFETY", text: "电线垂下来了", photos: [jpeg], place: HERE, requestKey: key() });
    const two = await v.report.create({ category: "SAFETY", text: "又一处电线垂下来", photos: [jpeg], place: { ...HERE, lat: HERE.lat + 0.01 }, requestKey: key() });
    await g.report.accept({ id: one.id, ruleId: s.reportRule });
    const before = await snapshot(s.v.id);
    await expect(g.report.accept({ id: two.id, ruleId: s.reportRule })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(g.report.accept({ id: two.id, ruleId: s.rules.award })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await snapshot(s.v.id)).toEqual(before);
  });

  it("a grid worker of another grid cannot review the report", async () => {
    const s = await reportVillage();
    const other = await t.db.grid.create({ data: { villageId: s.v.id, name: uniq("网格") }, select: { id: true } });
    const stranger = await makeActor(t.db, "GRID_WORKER", s.v.id, { gridId: other.id });
    const r = await callerFor(t.db, s.villager).report.create({ category: "OTHER", text: "路面塌陷", photos: [jpeg], place: HERE, requestKey: key() });
    await expect(callerFor(t.db, stranger).report.decline({ id: r.id, reason: "不是我管的" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerFor(t.db, stranger).report.queue({ status: "SUBMITTED" })).items).toEqual([]);
  });
});
