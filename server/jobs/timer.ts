/**
 * Background jobs inside each app instance: every 60 s, finalize notice batches whose window has
 * closed. Runs never overlap within an instance; across instances the per-entry row locks and the
 * ledger's idempotency keys make concurrent runs post each entry once. Logs counts, never personal data.
 */
import { appDeps } from "@/server/lib/deps";
import { env } from "@/server/env";
import { finalizeDue } from "@/server/modules/awards/finalize";

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
    } finally {
      running = false;
    }
  };
  g.mbJobTimer = setInterval(() => void tick(), INTERVAL_MS);
  g.mbJobTimer.unref?.();
  setTimeout(() => void tick(), 5_000).unref?.();
}
