/** What the vote pages show of a motion's time and result: plain functions, no database. */
import type { Outcome } from "./motion.rules";

/** The time left, split for "还剩 2 天 3 小时" / "3 小时 5 分" / "12 分钟". */
export function timeLeft(ms: number): { unit: "days" | "hours" | "minutes"; days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return { unit: days > 0 ? "days" : hours > 0 ? "hours" : "minutes", days, hours, minutes: days > 0 ? minutes % 60 : mins };
}

/** The outcome of a stored result (null while open). */
export function outcomeOfResult(result: unknown): { outcome: Outcome; winner: string; voted: number; electorate: number } | null {
  if (!result || typeof result !== "object") return null;
  const r = result as { outcome?: Outcome; winner?: string | null; voted?: number; electorate?: number };
  if (!r.outcome) return null;
  return { outcome: r.outcome, winner: r.winner ?? "", voted: r.voted ?? 0, electorate: r.electorate ?? 0 };
}

/** The votes.board.ruleBook key for a motion's rule-book line (a passed vote that could not bring the book into force says why). */
export function ruleBookLineKey(b: { state: string; blocked?: string | null }): string {
  return b.state === "PASSED_NOT_IN_FORCE" ? `PASSED_NOT_IN_FORCE_${b.blocked ?? "NOT_PROPOSED"}` : b.state;
}
