/**
 * Demo points history for 桃源村: about three months of monthly notice batches (公示) whose entries
 * went FINAL and were posted through the real ledger code with past dates, a rejected proposal, a
 * dismissed and an upheld objection, one reversal; a batch on notice now (~8 entries), two approved
 * entries waiting to be published, and proposals by the committee demo account (13800000002)
 * waiting for the supervisor (13800000003). Household 001 (13800000001) has a balance, a few final
 * lines, one entry on notice and one proposal pending.
 * Deterministic (a seeded generator; dates relative to the day it runs) and idempotent (skipped
 * when the village already has demo entries or has no rule book in force).
 */
import { loadActor } from "../server/auth/actor.repo";
import type { Db } from "../server/db/client";
import { propose, reverseAward, review } from "../server/modules/awards/award.service";
import { finalizeAwardInTx, settleBatch } from "../server/modules/awards/finalize";
import { publish } from "../server/modules/awards/publicity.service";
import { rng } from "./demo-data";

export const DEMO_POINTS_VILLAGE = "桃源村";
const COMMITTEE_PHONE = "13800000002";
const SUPERVISOR_PHONE = "13800000003";
const OBJECTOR_PHONE = "13800000011"; // 马秀兰, household 002
const DAY = 24 * 60 * 60 * 1000;
const SHANGHAI = 8 * 60 * 60 * 1000;

/** Rules used for the history (no photo evidence needed), with reasons as a committee would write them. */
const REASONS: Record<string, string[]> = {
  E05: ["参加{date}村道清淤义务劳动", "参加{date}后山植树义务劳动", "参加{date}修补机耕路义务劳动"],
  E01: ["{date}参加敬老院助老志愿服务", "{date}参加文明劝导志愿服务"],
  F01: ["{month}垃圾分类入户检查达标"],
  F03: ["{month}门前三包检查合格"],
  F04: ["参加{date}人居环境整治，清扫南巷", "参加{date}街巷大扫除"],
  D04: ["参加{date}村文艺队排练演出", "参加{date}广场舞展演"],
  G02: ["{date}参加防汛夜间值守", "{date}参加春节前平安巡逻"],
  C02: ["{date}帮助照料孤寡老人，经网格员核实", "{date}为留守老人送菜、打扫卫生"],
  A02: ["参加{date}普法讲座"],
  B03: ["参加{date}电商技能培训并结业", "参加{date}果树修剪培训"],
  E06: ["按时参加{date}村民代表会议"],
  F02: ["{month}“美丽庭院”评比获评"],
  E07: ["{date}集体义务劳动无故缺席"],
  F08: ["{date}鸡鸭散养进入邻居菜地，经劝导仍未圈养"],
  D07: ["{date}孩子升学滥办酒席，超过村规标准"],
};
const AWARD_CODES = ["E05", "E05", "E01", "F01", "F03", "F04", "F04", "D04", "G02", "C02", "A02", "B03", "E06", "F02"];
const DEDUCT_CODES = ["E07", "F08", "D07"];

/** Village-calendar helpers: `daysAgo(3, 9)` is 09:00 China time three days before today. */
function calendar(now: Date) {
  const localMidnight = Math.floor((now.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const at = (daysAgo: number, hour: number) => new Date(localMidnight - daysAgo * DAY + hour * 60 * 60 * 1000);
  const local = (d: Date) => new Date(d.getTime() + SHANGHAI);
  return {
    at,
    dateText: (d: Date) => `${local(d).getUTCMonth() + 1}月${local(d).getUTCDate()}日`,
    monthText: (d: Date) => `${local(d).getUTCMonth() + 1}月`,
  };
}

type Plan = { household: string; code: string; member?: boolean; note?: string };

/** Fixed entries for the demo accounts' households, so the walkthrough always has something to show. */
const FIXED: Record<number, Plan[]> = {
  3: [
    { household: "001", code: "E05", member: true },
    { household: "002", code: "C02" },
  ],
  2: [
    { household: "001", code: "F01" },
    { household: "001", code: "F02" },
    { household: "002", code: "F04", member: true },
  ],
  1: [
    { household: "001", code: "E07" },
    { household: "001", code: "D04", member: true },
    { household: "002", code: "E01" },
  ],
};

export async function seedDemoPoints(db: Db, now = new Date()): Promise<{ seeded: boolean; final: number; reason?: string }> {
  const village = await db.region.findFirst({ where: { kind: "VILLAGE", name: DEMO_POINTS_VILLAGE }, select: { id: true } });
  if (!village) return { seeded: false, final: 0, reason: "no village" };
  const villageId = village.id;
  const done = await db.award.findFirst({ where: { villageId, sourceId: { startsWith: "demo-" } }, select: { id: true } });
  if (done) return { seeded: false, final: 0, reason: "already seeded" };
  const book = await db.ruleBook.findFirst({ where: { villageId, status: "ADOPTED" }, select: { id: true } });
  if (!book) return { seeded: false, final: 0, reason: "no rule book in force" };
  const rules = new Map(
    (await db.rule.findMany({ where: { ruleBookId: book.id }, select: { id: true, code: true, points: true } })).map((r) => [r.code, r]),
  );
  for (const code of Object.keys(REASONS)) if (!rules.has(code)) return { seeded: false, final: 0, reason: `rule ${code} missing` };

  const people = async (phone: string, role: "COMMITTEE" | "SUPERVISOR" | "VILLAGER") => {
    const m = await db.membership.findFirst({ where: { regionId: villageId, role, user: { phone } }, select: { id: true, userId: true } });
    return m ? loadActor(db, m.userId, m.id) : null;
  };
  const committee = await people(COMMITTEE_PHONE, "COMMITTEE");
  const supervisor = await people(SUPERVISOR_PHONE, "SUPERVISOR");
  const objector = await people(OBJECTOR_PHONE, "VILLAGER");
  if (!committee || !supervisor || !objector) return { seeded: false, final: 0, reason: "demo accounts missing" };

  const households = await db.household.findMany({
    where: { villageId, status: "ACTIVE" },
    orderBy: { number: "asc" },
    select: { id: true, number: true, members: { select: { id: true, relation: true }, orderBy: { id: "asc" } } },
  });
  const byNumber = new Map(households.map((h) => [h.number, h]));
  const r = rng(4242);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const cal = calendar(now);
  const reasonFor = (code: string, d: Date) => pick(REASONS[code]!).replace("{date}", cal.dateText(d)).replace("{month}", cal.monthText(d));
  const memberOf = (number: string, wanted?: boolean) => {
    const h = byNumber.get(number)!;
    if (!wanted && r() < 0.5) return null;
    const nonHead = h.members.filter((m) => m.relation !== "HEAD");
    return (nonHead.length ? pick(nonHead) : h.members[0])?.id ?? null;
  };

  /** Plans for one historic cycle: the fixed entries plus ~17 households picked at random. */
  const cyclePlans = (k: number): Plan[] => {
    const plans = [...FIXED[k]!];
    const others = households.filter((h) => h.number !== "001" && h.number !== "002" && r() < 0.3);
    for (const h of others) {
      const codes = new Set<string>();
      const n = r() < 0.3 ? 2 : 1;
      while (codes.size < n) codes.add(r() < 0.12 ? pick(DEDUCT_CODES) : pick(AWARD_CODES));
      for (const code of codes) plans.push({ household: h.number, code });
    }
    return plans;
  };

  let seq = 0;
  let final = 0;
  const history = [
    { k: 3, published: cal.at(88, 9) },
    { k: 2, published: cal.at(58, 9) },
    { k: 1, published: cal.at(28, 9) },
  ];
  let reversedCandidate: string | null = null;
  for (const { k, published } of history) {
    const closes = new Date(published.getTime() + 7 * DAY);
    const proposed = new Date(published.getTime() - 4 * DAY);
    const reviewed = new Date(published.getTime() - 2 * DAY);
    const plans = cyclePlans(k);
    const batch = await db.noticeBatch.create({
      data: { villageId, title: `${cal.monthText(published)}积分公示`, publishedById: committee.userId, publishedAt: published, closesAt: closes },
      select: { id: true },
    });
    const rows = plans.map((p) => {
      const rule = rules.get(p.code)!;
      return {
        villageId,
        householdId: byNumber.get(p.household)!.id,
        ruleId: rule.id,
        ruleBookId: book.id,
        points: rule.points,
        reason: reasonFor(p.code, new Date(proposed.getTime() - 2 * DAY)),
        memberId: memberOf(p.household, p.member),
        source: "MANUAL" as const,
        sourceId: `demo-${k}-${seq++}`,
        status: "IN_NOTICE" as const,
        proposedById: committee.userId,
        proposedAt: proposed,
        reviewedById: supervisor.userId,
        reviewedAt: reviewed,
        reviewNote: r() < 0.3 ? "经核实属实" : null,
        noticeBatchId: batch.id,
      };
    });
    await db.award.createMany({ data: rows });
    const created = await db.award.findMany({
      where: { noticeBatchId: batch.id },
      orderBy: { sourceId: "asc" },
      select: { id: true, householdId: true, points: true, sourceId: true },
    });
    const notOurs = created.filter((a) => a.householdId !== byNumber.get("001")!.id && a.householdId !== byNumber.get("002")!.id);

    // a rejected proposal in every cycle (never published)
    const rejectedFor = pick(notOurs);
    await db.award.create({
      data: {
        villageId,
        householdId: rejectedFor.householdId,
        ruleId: rules.get("F02")!.id,
        ruleBookId: book.id,
        points: rules.get("F02")!.points,
        reason: `${cal.monthText(proposed)}“美丽庭院”评比申报`,
        source: "MANUAL",
        sourceId: `demo-${k}-${seq++}`,
        status: "REJECTED",
        proposedById: committee.userId,
        proposedAt: proposed,
        reviewedById: supervisor.userId,
        reviewedAt: reviewed,
        reviewNote: "评比名单中没有该户，请核实后重新申报",
      },
      select: { id: true },
    });
    // 马秀兰 objects: dismissed in cycles 3 and 1, upheld in cycle 2
    const objected = notOurs[k * 3 % notOurs.length]!;
    const upheld = k === 2;
    await db.objection.create({
      data: {
        awardId: objected.id,
        villageId,
        userId: objector.userId,
        reason: upheld ? "那天清淤我在现场，没有看到这一户的人参加" : "这户人家平时就不太参加集体活动，请核实",
        status: upheld ? "UPHELD" : "DISMISSED",
        answer: upheld
          ? "经查签到表，该户当天确未参加，撤下此条。感谢监督。"
          : "经核实签到表和现场照片，该户确实参加，维持原记录。",
        ruledById: supervisor.userId,
        ruledAt: new Date(published.getTime() + 3 * DAY),
        createdAt: new Date(published.getTime() + 1 * DAY),
      },
      select: { id: true },
    });
    if (upheld) await db.award.update({ where: { id: objected.id }, data: { status: "OVERTURNED" }, select: { id: true } });

    // the window closes: the same finalization as the job, with the clock at the close
    // (one database transaction per batch instead of one per entry keeps the seed fast)
    const deps = { db, now: () => closes };
    await db.$transaction(
      async (tx) => {
        for (const a of created) {
          if (upheld && a.id === objected.id) continue;
          if ((await finalizeAwardInTx(tx, closes, a.id)).outcome === "FINAL") final++;
        }
      },
      { timeout: 60_000 },
    );
    await settleBatch(deps, batch.id);
    if (k === 3) reversedCandidate = notOurs.find((a) => a.points > 0 && a.id !== objected.id)?.id ?? null;

    // a mistake found later is undone by a reversal (between cycles 2 and 1)
    if (k === 2 && reversedCandidate) {
      await reverseAward({ db, now: () => cal.at(45, 15) }, supervisor, {
        id: reversedCandidate,
        reason: "重复登记：同一次义务劳动已在上月记分，予以撤销",
      });
    }
  }

  // now: a batch on notice (~8 entries, household 001 among them), two approved entries waiting to
  // be published, and proposals waiting for the supervisor, all through the services
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 60 * 60 * 1000);
  const onNotice: Plan[] = [
    { household: "001", code: "E05", member: true },
    ...["004", "007", "012", "015", "023", "031", "042"].map((n, i) => ({
      household: n,
      code: i === 3 ? "F08" : pick(["E05", "F04", "G02", "C02", "D04"]),
    })),
  ];
  const current = async (plans: Plan[], stage: "PROPOSED" | "APPROVED" | "IN_NOTICE", proposedAt: Date) => {
    const later = (days: number) => new Date(Math.min(proposedAt.getTime() + days * DAY, now.getTime() - 60_000));
    const ids: string[] = [];
    for (const p of plans) {
      if (!byNumber.has(p.household)) continue;
      const a = await propose({ db, now: () => proposedAt }, committee, {
        householdId: byNumber.get(p.household)!.id,
        ruleId: rules.get(p.code)!.id,
        reason: reasonFor(p.code, new Date(proposedAt.getTime() - 2 * DAY)),
        memberId: memberOf(p.household, p.member),
        idempotencyKey: `demo-now-${seq++}`,
      });
      ids.push(a.id);
    }
    if (stage === "PROPOSED") return ids;
    for (const id of ids) await review({ db, now: () => later(1) }, supervisor, { id, decision: "APPROVED" });
    if (stage === "IN_NOTICE") {
      await publish({ db, now: () => later(2) }, committee, { awardIds: ids, title: `${cal.monthText(later(2))}积分公示` });
    }
    return ids;
  };
  await current(onNotice, "IN_NOTICE", cal.at(5, 10));
  await current([{ household: "009", code: "E01" }, { household: "018", code: "E01" }], "APPROVED", cal.at(2, 15));
  await current(
    [
      { household: "001", code: "A02" },
      { household: "005", code: "G02" },
      { household: "011", code: "D07" },
      { household: "026", code: "B03" },
    ],
    "PROPOSED",
    hoursAgo(3),
  );
  return { seeded: true, final };
}
