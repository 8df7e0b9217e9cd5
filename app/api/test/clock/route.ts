/**
 * Test-only hook for the end-to-end tests: POST {advanceDays} moves the app's clock forward and runs
 * the finalize job once (as the timer would after a week), returning what it finalized.
 * 404 unless the server was started with E2E_TEST_HOOKS=1 (only playwright.config.ts does that).
 */
import { z } from "zod";
import { advanceClock, now, resetClock, testHooksEnabled } from "@/server/lib/clock";
import { appDeps } from "@/server/lib/deps";
import { finalizeDue } from "@/server/modules/awards/finalize";

export const dynamic = "force-dynamic";

const ZBody = z.object({ advanceDays: z.number().min(0).max(60) });
const DAY_MS = 24 * 60 * 60 * 1000;

export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not Found", { status: 404 });
  const parsed = ZBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "advanceDays: a number of days from 0 to 60" }, { status: 400 });
  const at = advanceClock(parsed.data.advanceDays * DAY_MS);
  const report = await finalizeDue(appDeps());
  return Response.json({ now: at.toISOString(), ...report });
}

/** The clock as the app sees it (also 404 unless test hooks are on, so the route does not exist elsewhere). */
export function GET() {
  if (!testHooksEnabled()) return new Response("Not Found", { status: 404 });
  return Response.json({ now: now().toISOString() });
}

/** Back to real time, for the next spec. */
export function DELETE() {
  if (!testHooksEnabled()) return new Response("Not Found", { status: 404 });
  return Response.json({ now: resetClock().toISOString() });
}
