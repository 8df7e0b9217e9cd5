import { describe, expect, it } from "vitest";
import {
  awardPostings,
  blockReason,
  capWords,
  householdList,
  overCap,
  reviewBlock,
} from "@/server/modules/awards/award.policy";
import { villageDay, villagePeriod } from "@/server/lib/village-time.schema";
import zhPoints from "@/server/i18n/messages/zh/points.json";
import enPoints from "@/server/i18n/messages/en/points.json";
import zhErrors from "@/server/i18n/messages/zh/errors.json";
import enErrors from "@/server/i18n/messages/en/errors.json";
import { ERROR_STATUS } from "@/server/lib/errors";
import { AWARD_STATUSES, OBJECTION_STATUSES, TX_KINDS } from "@/server/modules/awards/award.schema";

describe("separation of duties", () => {
  const me = { userId: "u1" };
  it("the proposer may not review; a member, a relative (declared or proposed) or a shared person's household may not", () => {
    expect(reviewBlock(me, { proposedById: "u1" }, null)).toBe("OWN_PROPOSAL");
    for (const tie of ["MEMBER", "DECLARED", "PROPOSED", "SHARED_PERSON"] as const) {
      expect(reviewBlock(me, { proposedById: "u2" }, tie)).toBe("RELATED_HOUSEHOLD");
      expect(blockReason(me, { proposedById: "u2" }, tie)).toBe(tie);
    }
    expect(reviewBlock(me, { proposedById: "u2" }, null)).toBeNull();
    expect(blockReason(me, { proposedById: "u1" }, "MEMBER")).toBe("OWN_PROPOSAL");
  });
  it("a reversal may be made by the proposer but never by a relative", () => {
    expect(reviewBlock(me, { proposedById: "u1" }, null, { checkProposer: false })).toBeNull();
    expect(reviewBlock(me, { proposedById: "u1" }, "MEMBER", { checkProposer: false })).toBe("RELATED_HOUSEHOLD");
  });
  it("every reason a row can be blocked has words in Chinese and English", () => {
    for (const why of ["OWN_PROPOSAL", "MEMBER", "DECLARED", "PROPOSED", "SHARED_PERSON"]) {
      expect((zhPoints.points.blockWhy as Record<string, string>)[why]).toBeTruthy();
      expect((enPoints.points.blockWhy as Record<string, string>)[why]).toBeTruthy();
    }
  });
});

describe("caps", () => {
  it("names the households that one more entry would take over the cap", () => {
    const counts = new Map([["a", 2], ["b", 1]]);
    expect(overCap({ capCount: 2, capPeriod: "MONTH" }, counts, ["a", "b", "c"])).toEqual(["a"]);
    expect(overCap({ capCount: null, capPeriod: null }, counts, ["a"])).toEqual([]);
    expect(capWords({ capCount: 1, capPeriod: "YEAR" })).toEqual({ capZh: "每年最多 1 次", capEn: "at most 1 time a year" });
  });
  it("lists at most five households in a message", () => {
    const hs = Array.from({ length: 7 }, (_, i) => ({ number: `00${i}`, headName: "王" }));
    expect(householdList(hs)).toBe("000 王, 001 王, 002 王, 003 王, 004 王 (+2)");
  });
});

describe("village calendar (Asia/Shanghai)", () => {
  it("a month starts at local midnight, 16:00 UTC the day before", () => {
    const p = villagePeriod(new Date("2026-04-30T16:00:00Z"), "MONTH"); // 1 May 00:00 local
    expect(p.from.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(p.to.toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(villageDay(new Date("2026-04-30T16:00:00Z"))).toBe("2026-05-01");
  });
});

describe("postings of a final entry", () => {
  it("an award moves points from ISSUANCE to the household; a deduction back; both sum to zero", () => {
    const acc = { issuance: "I", household: "H" };
    expect(awardPostings(10, acc)).toEqual({ kind: "AWARD", postings: [{ accountId: "I", points: -10 }, { accountId: "H", points: 10 }] });
    expect(awardPostings(-5, acc)).toEqual({ kind: "DEDUCTION", postings: [{ accountId: "I", points: 5 }, { accountId: "H", points: -5 }] });
  });
});

describe("messages", () => {
  const keys = (o: unknown, prefix = ""): string[] =>
    typeof o === "object" && o
      ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix.slice(0, -1)];
  it("points.json has the same keys in Chinese and English, covering every status and kind", () => {
    expect(keys(enPoints).sort()).toEqual(keys(zhPoints).sort());
    for (const s of AWARD_STATUSES) expect(zhPoints.points.awardStatus[s]).toBeTruthy();
    for (const s of OBJECTION_STATUSES) expect(zhPoints.points.objectionStatus[s]).toBeTruthy();
    for (const k of TX_KINDS) expect(zhPoints.points.txKind[k]).toBeTruthy();
    expect(zhPoints.points.awardStatus).toMatchObject({ PROPOSED: "待审核", APPROVED: "已审核", REJECTED: "未通过", IN_NOTICE: "公示中", OVERTURNED: "异议成立", FINAL: "已生效", REVERSED: "已撤销" });
  });
  it("every error code has a message in both languages", () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect((zhErrors as Record<string, string>)[code], code).toBeTruthy();
      expect((enErrors as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
