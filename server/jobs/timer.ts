/**
 * Background jobs inside each app instance: every 60 s, finalize notice batches whose window has
 * closed, and close the motions whose closing time has come. Runs never overlap within an instance;
 * across instances the per-entry row locks and the ledger's idempotency keys make concurrent runs post
 * each entry once, and a motion closes once by its conditional UPDATE. Logs counts, never personal data.
 */
import { appDeps } from "@/server/lib/deps";
import { env } from "@/server/env";
import { finalizeDue } from "@/server/modules/awards/finalize";
import { closeDue } from "@/server/modules/council/motion.service";

const INTERVAL_MS = 60_000;
const g = globalThis as unknown as { mbJobTimer?: ReturnType<typeof setInterval> };

export function startJobTimer() {
  if (g.mbJobTimer || env.JOBS_DISABLED === "1") return; // once per process, also across hot reloads
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await finalizeDue(appDeps());
      if (r.finalized || r.batchesClosed || r.failed) {
        console.log(
          `[jobs] finalize: ${r.finalized} entries final, ${r.waiting} waiting on objections, ${r.batchesClosed} batches closed, ${r.failed} failed`,
        );
      }
    } catch (e) {
      console.error("[jobs] finalize run failed:", e instanceof Error ? e.message : e);
    }
    try {
      const m = await closeDue(appDeps());
      if (m.closed || m.failed) console.log(`[jobs] motions: ${m.closed} closed, ${m.failed} failed`);
    } catch (e) {
      console.error("[jobs] motion closing run failed:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  g.mbJobTimer = setInterval(() => void tick(), INTERVAL_MS);
  g.mbJobTimer.unref?.();
  setTimeout(() => void tick(), 5_000).unref?.();
}
