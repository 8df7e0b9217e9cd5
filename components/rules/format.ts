/** A day in Beijing time, as people write it: 2026年1月10日 / 10 January 2026. */
export function formatDay(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date(value));
}

/** +5 / −30 (a real minus sign, easier to read than a hyphen). */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : `−${Math.abs(points)}`;
}
