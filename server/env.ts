/**
 * Environment, validated once, by the rules in server/env-rules.ts. Every value has a default that makes
 * `npm run dev` work bare (scripts/serve.ts starts the embedded database and fills DATABASE_URL and
 * NEXTAUTH_SECRET); in production a missing or weak secret, a missing database, or demo/test switches
 * on a real database stop the process here (and earlier, in instrumentation.ts).
 */
import { checkEnv, refusalMessage, type Env } from "./env-rules";

export type { Env };

function load(): Env {
  const r = checkEnv(process.env);
  if (!r.ok) throw new Error(refusalMessage(r.problems));
  return r.env;
}

export const env: Env = load();
