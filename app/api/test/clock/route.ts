/**
 * Test-only hook for the end-to-end tests: POST {advanceDays} moves the app's clock forward and runs
 * the timer's jobs once (as server/jobs/timer.ts would after that time): the finalize job, then the
 * closing of the motions whose closing time has come. Returns what they did (counts).
 * NOT_FOUND unless the server was started with E2E_TEST_HOOKS=1 (only playwright.config.ts does that).
 */
import { z } from "zod";
import { testHookRoute } from "@/server/http/route";
import { advanceClock, resetClock } from "@/server/lib/clock";
import { DAY_MS } from "@/server/lib/village-time.schema";
import { finalizeDue } from "@/server/modules/awards/finalize";
import { closeDue } from "@/server/modules/council/motion.service";

export const dynamic = "force-dynamic";

const ZBody = z.object({ advanceDays: z.number().min(0).max(60) });

export const POST = testHookRoute(async ({ deps, req }) => {
  const { advanceDays } = ZBody.parse(await req.json().catch(() => null));
  const at = advanceClock(advanceDays * DAY_MS);
  const report = await finalizeDue(deps);
  const motions = await closeDue(deps);
  return Response.json({ now: at.toISOString(), ...report, motions });
});

/** The clock as the app sees it. */
export const GET = testHookRoute(async ({ deps }) => Response.json({ now: deps.now().toISOString() }));

/** Back to real time, for the next spec. */
export const DELETE = testHookRoute(async () => Response.json({ now: resetClock().toISOString() }));
