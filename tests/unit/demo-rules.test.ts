/** The demo rule book (prisma/demo-rules.ts) is what a village would adopt, and what the procedures accept. */
import { describe, expect, it } from "vitest";
import { DEMO_RULES, demoRuleBookTitle } from "@/prisma/demo-rules";
import { RULE_CATEGORIES, ZSaveRuleInput, groupRules } from "@/server/modules/rules/rule.schema";

describe("demo rule book", () => {
  it("has at least 40 items across all 9 categories, additions and deductions", () => {
    expect(DEMO_RULES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEMO_RULES.map((r) => r.category))).toEqual(new Set(RULE_CATEGORIES));
    expect(DEMO_RULES.filter((r) => r.points > 0).length).toBeGreaterThanOrEqual(20);
    expect(DEMO_RULES.filter((r) => r.points < 0).length).toBeGreaterThanOrEqual(10);
    expect(DEMO_RULES.some((r) => r.capPeriod === "MONTH") && DEMO_RULES.some((r) => r.capPeriod === "YEAR")).toBe(true);
    expect(DEMO_RULES.some((r) => r.evidenceRequired)).toBe(true);
  });

  it("every item passes the same validation as the committee's form, with unique codes", () => {
    for (const r of DEMO_RULES) {
      const parsed = ZSaveRuleInput.safeParse({ ruleBookId: "book", ...r });
      expect(parsed.success, `${r.code}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(parsed.data?.code, "codes are stored upper-case").toBe(r.code);
    }
    expect(new Set(DEMO_RULES.map((r) => r.code)).size).toBe(DEMO_RULES.length);
  });

  it("carries the practice the field reports describe", () => {
    const find = (title: string) => DEMO_RULES.find((r) => r.title === title);
    expect(find("参加志愿服务活动")).toMatchObject({ points: 5, capPeriod: "MONTH", capCount: 4 });
    expect(find("红白喜事简办")).toMatchObject({ points: 20 });
    expect(find("高价彩礼")).toMatchObject({ points: -30 });
    expect(find("乱堆乱放")).toMatchObject({ points: -5 });
    expect(find("赡养老人获评孝老爱亲模范")).toMatchObject({ points: 30, capPeriod: "YEAR", capCount: 1 });
    expect(find("随手拍上报隐患被采纳")).toMatchObject({ points: 2, capPeriod: "MONTH", capCount: 10 });
    expect(find("打架斗殴")).toMatchObject({ points: -50 });
    expect(find("参与矛盾调解")).toMatchObject({ points: 5 });
    expect(find("垃圾分类达标")).toMatchObject({ points: 2, capPeriod: "MONTH", capCount: 1 });
    expect(demoRuleBookTitle("桃源村")).toBe("《桃源村积分管理细则》（2026年版）");
  });

  it("groupRules keeps the category order and leaves out empty categories", () => {
    const rules = DEMO_RULES.filter((r) => r.category === "REPORT" || r.category === "LAW_ABIDING").map((r, i) => ({
      id: String(i),
      description: r.description,
      code: r.code,
      category: r.category,
      title: r.title,
      points: r.points,
      capPeriod: r.capPeriod ?? null,
      capCount: r.capCount ?? null,
      evidenceRequired: r.evidenceRequired ?? false,
    }));
    expect(groupRules(rules.reverse()).map((g) => g.category)).toEqual(["LAW_ABIDING", "REPORT"]);
  });
});
