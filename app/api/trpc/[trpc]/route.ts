import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
import { LOCALE_COOKIE, toLocale } from "@/server/i18n/config";
import { translate } from "@/server/i18n/messages";
import {
  BodyTooLargeError,
  formatBytes,
  readBodyWithin,
  TRPC_BATCH_MAX_CALLS,
  trpcBodyLimit,
  trpcProcedures,
} from "@/server/lib/request-limits";

export const dynamic = "force-dynamic";

const ENDPOINT = "/api/trpc";

async function handler(req: Request) {
  const procedures = trpcProcedures(req.url, ENDPOINT);
  // Both limits are checked before the body is read or parsed, and answered in the tRPC error shape
  // so the browser shows the message like any other error.
  if (procedures.length > TRPC_BATCH_MAX_CALLS) {
    return refusal(req, procedures, 400, "BAD_REQUEST", "errors.BATCH_TOO_LONG", {
      calls: procedures.length,
      max: TRPC_BATCH_MAX_CALLS,
    });
  }
  let limited = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const max = trpcBodyLimit(procedures);
    try {
      const body = await readBodyWithin(req, max);
      limited = new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit | null });
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) throw e;
      return refusal(req, procedures, 413, "PAYLOAD_TOO_LARGE", "errors.REQUEST_TOO_LARGE", { max: formatBytes(max) });
    }
  }
  const res = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: limited,
    router: appRouter,
    createContext,
    maxBatchSize: TRPC_BATCH_MAX_CALLS,
  });
  return smallStaysPlain(res);
}

const JSON_RPC_CODE = { BAD_REQUEST: -32600, PAYLOAD_TOO_LARGE: -32013 } as const;

/** An error answer for every call the request named, shaped as tRPC's own (superjson-encoded). */
function refusal(
  req: Request,
  procedures: string[],
  httpStatus: 400 | 413,
  code: keyof typeof JSON_RPC_CODE,
  key: string,
  params: Record<string, string | number>,
): Response {
  const locale = toLocale(cookieValue(req.headers.get("cookie"), LOCALE_COOKIE));
  const message = translate(locale, key, params);
  const one = (path: string | undefined) =>
    superjson.serialize({
      message,
      code: JSON_RPC_CODE[code],
      data: { code, httpStatus, path, domainCode: key.slice("errors.".length), detail: null },
    });
  const isBatch = new URL(req.url).searchParams.get("batch") === "1";
  const body = isBatch ? procedures.map((p) => ({ error: one(p) })) : { error: one(procedures[0]) };
  return new Response(JSON.stringify(body), {
    status: httpStatus,
    headers: { "content-type": "application/json", "cache-control": "no-store", connection: "close" },
  });
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
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
