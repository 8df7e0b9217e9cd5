/**
 * The village clock (docs/architecture.md, "The kernel"): villages keep China Standard Time (UTC+8, no
 * daylight saving), so a day, a month and a year start at local midnight there, wherever the server or
 * the phone happens to be. Every "what day is it in the village", every period and every date shown to
 * people goes through this file, on the server and in the browser alike. Client-safe (no imports).
 */

export const VILLAGE_TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The village-calendar day of an instant: "2026-11-23". */
export function villageDay(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a village-calendar day "YYYY-MM-DD" starts (its midnight in the village). */
export function villageDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** A day and a time of day ("08:30") typed on the village calendar, as an instant. */
export function villageInstant(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T${time}:00Z`) - OFFSET_MS);
}

/** Start (inclusive) and end (exclusive) of the village's calendar month or year that contains `now`. */
export function villagePeriod(now: Date, period: "MONTH" | "YEAR"): { from: Date; to: Date } {
  const local = new Date(now.getTime() + OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const from = period === "MONTH" ? Date.UTC(y, m, 1) : Date.UTC(y, 0, 1);
  const to = period === "MONTH" ? Date.UTC(y, m + 1, 1) : Date.UTC(y + 1, 0, 1);
  return { from: new Date(from - OFFSET_MS), to: new Date(to - OFFSET_MS) };
}

/** A moment as server messages show it, the same in both languages: "2026-11-23 08:00". */
export function villageMinute(d: Date): string {
  return `${villageDay(d)} ${new Date(d.getTime() + OFFSET_MS).toISOString().slice(11, 16)}`;
}

// ───────── As people read them (zh / en) ─────────

type Shown = Date | string;

/** Formats in the village's time zone, in the reader's language. */
function shown(value: Shown, locale: string, parts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { timeZone: VILLAGE_TIME_ZONE, ...parts }).format(new Date(value));
}
const CLOCK = { hour: "2-digit", minute: "2-digit", hour12: false } as const;

/** Date and time: 11月23日 18:00 / 23 Nov, 18:00. */
export function formatDateTime(value: Shown, locale: string): string {
  return shown(value, locale, { month: "short", day: "numeric", ...CLOCK });
}

/** A short day for list lines: 11月23日 / 23 Nov (the year only when it is not this year's). */
export function formatShortDay(value: Shown, locale: string, now: Date = new Date()): string {
  const sameYear = villageDay(new Date(value)).slice(0, 4) === villageDay(now).slice(0, 4);
  return shown(value, locale, { ...(sameYear ? {} : { year: "numeric" }), month: "short", day: "numeric" });
}

/** A day in full: 2026年1月10日 / 10 January 2026. */
export function formatDay(value: Shown, locale: string): string {
  return shown(value, locale, { year: "numeric", month: "long", day: "numeric" });
}

/** The time of day: 18:05. */
export function formatTime(value: Shown, locale: string): string {
  return shown(value, locale, CLOCK);
}

/** A full stamp for records (the audit log): 2026/11/23 18:05 / 23/11/2026, 18:05. */
export function formatStamp(value: Shown, locale: string): string {
  return shown(value, locale, { year: "numeric", month: "2-digit", day: "2-digit", ...CLOCK });
}
