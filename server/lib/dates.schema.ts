/**
 * Dates as the forms send them, refused at the boundary when they cannot exist. A regex alone lets
 * "2026-13-45" through to the database, and a JavaScript Date reaches year 275760, which PostgreSQL
 * cannot store: both used to surface as a 500 instead of a clear 400. Client-safe (no server imports).
 */
import { z } from "zod";

/** The years the app deals in: village records start after 2000 and nothing is planned past 2100. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** A calendar day that exists, "YYYY-MM-DD" (checks month lengths and leap years). */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < YEAR_MIN || y > YEAR_MAX || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const ZDay = z.string().refine(isRealDay, { message: "validation.date" });

/** A moment (ISO string or Date) that is a valid date within the app's years. */
export const ZInstant = z.coerce
  .date({ message: "validation.date" })
  .refine((d) => {
    const y = d.getUTCFullYear();
    return y >= YEAR_MIN && y <= YEAR_MAX;
  }, { message: "validation.date" });
