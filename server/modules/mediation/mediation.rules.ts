/**
 * The arithmetic of 人民调解 cases, pure so the edges are tested one by one: the deadline (opened +
 * 30 days), when a case is overdue (still OPEN strictly after its deadline), the success rate
 * (调解成功 among the cases that ended in success or a referral — a withdrawn case is neither) and
 * the median days from opening to resolution.
 */
import { DAY_MS } from "@/server/lib/village-time.schema";
import { MEDIATION_DEADLINE_DAYS, type MediationStatus } from "./mediation.schema";

export function deadlineOf(openedAt: Date, days = MEDIATION_DEADLINE_DAYS): Date {
  return new Date(openedAt.getTime() + days * DAY_MS);
}

export function isOverdue(c: { status: MediationStatus; deadlineAt: Date }, now: Date): boolean {
  return c.status === "OPEN" && now.getTime() > c.deadlineAt.getTime();
}

/** Resolved / (resolved + referred), as a whole percentage; null when neither happened yet. */
export function successRate(resolved: number, referred: number): number | null {
  const ended = resolved + referred;
  return ended === 0 ? null : Math.round((resolved * 100) / ended);
}

/** The median of the days (one decimal), or null for none. */
export function medianDays(durationsMs: number[]): number | null {
  if (durationsMs.length === 0) return null;
  const s = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const ms = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round((ms / DAY_MS) * 10) / 10;
}
