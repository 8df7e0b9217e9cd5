import { DomainError } from "@/server/lib/errors";
import { isYesNo, type DecisionRule, type Outcome, type ValidityRule } from "./motion.rules";

/** Throws MOTION_CLOSES_IN_PAST: a vote needs time to be cast. */
export function assertClosesLater(closesAt: Date, now: Date): void {
  if (closesAt.getTime() <= now.getTime()) throw new DomainError("MOTION_CLOSES_IN_PAST");
}

/** Throws MOTION_RULE_IMPOSSIBLE: a yes/no question is decided by a share of those present, not by "most votes". */
export function assertRuleFits(options: string[], decisionRule: DecisionRule): void {
  if (isYesNo(options) && decisionRule.kind === "MOST_VOTES") throw new DomainError("MOTION_RULE_IMPOSSIBLE");
}

const VALIDITY_ZH: Record<ValidityRule["kind"], string> = {
  HOUSEHOLDS_TWO_THIRDS: "三分之二以上的户参加投票方为有效",
  HOUSEHOLDS_MORE_THAN_HALF: "过半数的户参加投票方为有效",
  ANY_TURNOUT: "不设参加户数要求",
  MEMBERS_TWO_THIRDS: "三分之二以上的成员（代表）参加投票方为有效",
  MEMBERS_MORE_THAN_HALF: "过半数的成员参加投票方为有效",
};
const DECISION_ZH: Record<DecisionRule["kind"], string> = {
  MORE_THAN_HALF_PRESENT: "经参加投票户的过半数同意",
  TWO_THIRDS_PRESENT: "经参加投票户的三分之二以上同意",
  MOST_VOTES: "得票最多者当选（票数相同则不产生结果）",
};
const OUTCOME_ZH: Record<Outcome, string> = {
  PASSED: "通过",
  REJECTED: "未通过",
  ELECTED: "当选",
  NO_DECISION: "未产生结果",
  INVALID: "参加户数不足，表决无效",
};

/** The 结果公告's Markdown: turnout (应到/实到), each choice's count, the rules applied and the outcome. */
export function resultNoticeBody(r: {
  question: string;
  electorate: number;
  voted: number;
  counts: { option: string; count: number }[];
  validityRule: ValidityRule;
  decisionRule: DecisionRule;
  outcome: Outcome;
  winner: string | null;
  secret: boolean;
  /** the rule book the vote was on, whether the vote put it in force, and if not why */
  ruleBook?: { version: number; title: string; adopted: boolean; adoption?: string; maxRulePoints?: number | null } | null;
  /** closed before its closing time: who asked, which supervisor confirmed, why */
  early?: { requestedByName: string; confirmedByName: string; reason: string } | null;
  /** how many votes came by app and by paper */
  channels?: { app: number; paper: number };
  /** one vote per person (a body's members) rather than per household */
  byPerson?: boolean;
}): string {
  const outcome = r.outcome === "ELECTED" ? `${r.winner ?? ""} ${OUTCOME_ZH.ELECTED}` : OUTCOME_ZH[r.outcome];
  const unit = r.byPerson ? "人" : "户";
  return [
    `**表决事项**：${r.question}`,
    "",
    `- 应参加：${r.electorate} ${unit}；实际投票：${r.voted} ${unit}${r.secret ? "（无记名投票）" : ""}`,
    ...(r.channels ? [`- 其中手机投票 ${r.channels.app} 票，纸质票 ${r.channels.paper} 票`] : []),
    ...r.counts.map((c) => `- ${c.option}：${c.count} ${unit}`),
    `- 有效规则：${VALIDITY_ZH[r.validityRule.kind]}`,
    `- 决定规则：${DECISION_ZH[r.decisionRule.kind]}`,
    "",
    `**表决结果**：${outcome}`,
    ...(r.early ? ["", earlyCloseLine(r.early)] : []),
    ...(r.ruleBook ? ["", ruleBookLine(r.ruleBook)] : []),
  ].join("\n");
}

/** 提前结束: the two people and the reason, as the result notice says it. */
export function earlyCloseLine(e: { requestedByName: string; confirmedByName: string; reason: string }): string {
  return `**提前结束**：本表决在截止时间前结束，由村民委员会 ${e.requestedByName} 申请，村务监督委员会 ${e.confirmedByName} 确认。理由：${e.reason}`;
}

/** What the vote did to the rule book it named; a passed vote that could not bring it into force says so, and why. */
function ruleBookLine(b: { version: number; title: string; adopted: boolean; adoption?: string; maxRulePoints?: number | null }): string {
  const name = `${b.title}（第${b.version}版）`;
  if (b.adopted) return `**村规民约**：${name}经本次表决通过，即日起施行。`;
  if (b.adoption === "POINTS_TOO_HIGH")
    return `**村规民约**：本次表决通过，但${name}未能施行：其中有条目的分值超过本村现行的单条分值上限（${b.maxRulePoints ?? 0} 分，投票期间已调低）。细则仍为草案，须修改后重新提请。`;
  if (b.adoption === "NOT_PROPOSED") return `**村规民约**：本次表决通过，但${name}在投票期间已不再是待表决的草案（已会签或被退回），本次表决未改变它。`;
  return `**村规民约**：${name}未获通过，仍为草案。`;
}

/** The notice posted when an open vote is cancelled: nothing is counted. */
export function cancelNoticeBody(r: { question: string; reason: string; requestedByName: string; confirmedByName: string; ruleBook?: { version: number; title: string } | null }): string {
  return [
    `**表决事项**：${r.question}`,
    "",
    `**表决已取消**：本表决不计票、不产生结果。由村民委员会 ${r.requestedByName} 申请，村务监督委员会 ${r.confirmedByName} 确认。`,
    "",
    `**理由**：${r.reason}`,
    ...(r.ruleBook ? ["", `**村规民约**：${r.ruleBook.title}（第${r.ruleBook.version}版）仍为已提请通过的草案，可再次付诸表决或由监督委员会会签。`] : []),
  ].join("\n");
}
