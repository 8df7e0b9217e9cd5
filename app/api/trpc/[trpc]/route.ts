import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext });
  return smallStaysPlain(res);
}

const GZIP_FROM_BYTES = 1024;

/**
 * Next's compression gzips every tRPC answer (it never sees a Content-Length: Next drops it), even the
 * few hundred bytes of a check-in, with a fresh zlib stream per request: ~5 % of the server's CPU under
 * load (bench/checkin.ts), for a body that would not shrink. Answers under 1 KB are marked
 * `no-transform`, which the compression honours; larger lists are still gzipped for slow phones.
 */
async function smallStaysPlain(res: Response): Promise<Response> {
  if (!res.body || !res.headers.get("content-type")?.startsWith("application/json")) return res;
  const body = await res.arrayBuffer();
  if (body.byteLength >= GZIP_FROM_BYTES) return new Response(body, res);
  const headers = new Headers(res.headers);
  const cache = headers.get("cache-control");
  headers.set("cache-control", cache ? `${cache}, no-transform` : "no-store, no-transform");
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}

export { handler as GET, handler as POST };
