/**
 * Environment, validated once. Every value has a default that makes `npm run dev` work bare:
 * scripts/serve.ts starts the embedded database and fills DATABASE_URL and NEXTAUTH_SECRET.
 */
import { z } from "zod";

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1).default("postgresql://unset@127.0.0.1:1/unset"),
  NEXTAUTH_SECRET: z.string().min(16).default("dev-only-secret-change-me-in-production"),
  /** Show the demo accounts on the sign-in page (on by default with the embedded database). */
  DEMO_MODE: z.enum(["0", "1"]).default("1"),
  /** Failed sign-ins allowed per phone / per IP within LOGIN_WINDOW_MINUTES before a lock-out. */
  LOGIN_MAX_FAILURES_PHONE: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_IP: z.coerce.number().int().min(1).max(10000).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export type Env = z.infer<typeof ZEnv>;

export const env: Env = ZEnv.parse(process.env);
