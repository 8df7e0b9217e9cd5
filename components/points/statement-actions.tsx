"use server";
import { serverCaller } from "@/server/trpc/server-caller";
import { StatementLine } from "./statement-line";

/**
 * The next statement page for the villager's home, as a server action that returns the rendered lines:
 * the same procedure, permission check and translated errors as over /api/trpc, without shipping a
 * tRPC client or the message formatter to the lightest page. Errors come back as values because
 * production builds hide thrown messages from server actions.
 */
export async function nextStatementPage(cursor: string) {
  try {
    const page = await (await serverCaller()).points.statement({ cursor: cursor.slice(0, 64), take: 20 });
    return {
      ok: true as const,
      count: page.items.length,
      lines: page.items.map((l) => <StatementLine key={l.id} line={l} />),
      nextCursor: page.nextCursor,
    };
  } catch (e) {
    return { ok: false as const, message: e instanceof Error ? e.message : String(e) };
  }
}
