/**
 * Next.js calls register() once per server instance. On the Node.js runtime it first checks the
 * environment (server/env-rules.ts): a production start without a strong NEXTAUTH_SECRET, without
 * DATABASE_URL, or with demo/test switches on a real database exits with status 1 — also when the server
 * is started with `next start` directly, bypassing scripts/serve.ts. Then it starts the notice-batch
 * finalization timer (server/jobs/timer.ts); the Edge runtime has no database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { envProblems, refusalMessage } = await import("./server/env-rules");
    const problems = envProblems(process.env);
    if (problems.length) {
      console.error(refusalMessage(problems));
      process.exit(1);
    }
    const { startJobTimer } = await import("./server/jobs/timer");
    startJobTimer();
  }
}
