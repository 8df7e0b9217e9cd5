/** Dates and times in Beijing time, as people write them: 11月23日 18:00 / 23 Nov, 18:00. */
export function formatDateTime(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(value));
}

/** A short day for list lines: 11月23日 / 23 Nov (the year only when it is not this year's). */
export function formatShortDay(value: Date | string, locale: string, now: Date = new Date()): string {
  const d = new Date(value);
  const year = (x: Date) => new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(x);
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    ...(year(d) === year(now) ? {} : { year: "numeric" }),
    month: "short",
    day: "numeric",
  }).format(d);
}

/** +5 / −30 with a real minus sign (easier to read than a hyphen). */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : "0";
}

/** Green for an addition, red for a deduction (the sign is always shown too, so colour is never the only cue). */
export function pointsTone(points: number): string {
  return points > 0 ? "text-green-700" : points < 0 ? "text-red-700" : "text-stone-700";
}

/**
 * A request key for one form: generated once, sent with every retry, so a double tap or a retry
 * over a weak network creates one entry. crypto.randomUUID exists only on https/localhost pages;
 * getRandomValues works everywhere.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID().replaceAll("-", "");
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
