/**
 * The shared words of the app (the kernel, docs/architecture.md): ids, phone numbers, passwords, person
 * names, request keys and masking. Every module and the browser use these; they import only zod, so a
 * domain never borrows another domain's schema for them.
 */
import { z } from "zod";

/** A mainland mobile number: 11 digits starting 13–19. */
export const PHONE = /^1[3-9]\d{9}$/;
export const ZPhone = z.string().trim().regex(PHONE, { message: "validation.phone" });
export const ZPersonName = z.string().trim().min(1).max(20);
export const ZPassword = z.string().min(8, { message: "validation.password" }).max(64);
/** A row id (cuid) as the client sends it. */
export const ZId = z.string().min(1).max(40);

/** A client-generated request id: a retry with the same id returns the first result. */
export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(64)
  .regex(/^[0-9A-Za-z_-]+$/, { message: "validation.format" });

/**
 * A request key for one form: generated once, sent with every retry, so a double tap or a retry
 * over a weak network creates one entry. crypto.randomUUID exists only on https/localhost pages;
 * getRandomValues works everywhere. Always passes ZIdempotencyKey.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID().replaceAll("-", "");
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Masks a phone number for display to staff: 138****0001 (never the middle digits). */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

/**
 * A network address as the audit trail keeps it: enough to tell attacks from one network apart, not
 * enough to name a household's line (IPv4 keeps three octets, IPv6 its first four groups).
 */
export function maskAddress(ip: string): string {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip.replace(/\.\d{1,3}$/, ".*");
  if (ip.includes(":")) return `${ip.split(":").slice(0, 4).join(":")}:*`;
  return ip;
}
