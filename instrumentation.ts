/**
 * Next.js calls register() once per server instance. On the Node.js runtime it starts the
 * notice-batch finalization timer (server/jobs/timer.ts); the Edge runtime has no database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobTimer } = await import("./server/jobs/timer");
    startJobTimer();
  }
}
