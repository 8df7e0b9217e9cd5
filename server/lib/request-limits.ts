/**
 * Limits on what one HTTP request to the API may cost before any of it is parsed: the body's size
 * (declared and actual) and how many calls one tRPC batch may carry. Without them a 200 MB body is
 * read and JSON-parsed for seconds, and a batch of 200 calls holds the server for as long.
 */

/** An ordinary tRPC request: forms, lists, a batch of queries. */
export const TRPC_BODY_MAX_BYTES = 512 * 1024;
/** A register file as base64 (5 MB of file is ~6.7 MB) plus the zod slack of household.schema.ts. */
export const IMPORT_BODY_MAX_BYTES = 8 * 1024 * 1024;
/** A shop item's photo as base64 (2.9 MB, store.schema.ts) plus the item's fields. */
export const PHOTO_BODY_MAX_BYTES = 3 * 1024 * 1024 + 256 * 1024;
/** A matter with up to three photos as base64 (matters/matter.schema.ts) plus its words. */
export const MATTER_BODY_MAX_BYTES = 10 * 1024 * 1024;
/** A 随手拍 report: up to three photos as base64 (2.8 MB each at most, report.schema.ts) plus its words. */
export const REPORT_BODY_MAX_BYTES = 3 * (2 * 1024 * 1024 * 4) / 3 + 3 * 64 + 64 * 1024;
/** Calls per tRPC batch. The browser client splits larger batches itself (components/trpc/provider.tsx). */
export const TRPC_BATCH_MAX_CALLS = 20;

/** Procedures whose input is a file and therefore may be larger than an ordinary request. */
const LARGE_BODY_PROCEDURES: Record<string, number> = {
  "household.import": IMPORT_BODY_MAX_BYTES,
  "item.save": PHOTO_BODY_MAX_BYTES,
  "matter.raise": MATTER_BODY_MAX_BYTES,
  "report.create": REPORT_BODY_MAX_BYTES,
};

/** The procedure paths named by a tRPC URL (`/api/trpc/a.b,c.d?batch=1`). */
export function trpcProcedures(url: string, endpoint = "/api/trpc"): string[] {
  const { pathname } = new URL(url, "http://localhost");
  const rest = decodeURIComponent(pathname.startsWith(endpoint) ? pathname.slice(endpoint.length) : pathname);
  return rest.replace(/^\/+/, "").split(",").filter(Boolean);
}

/** The body limit of a tRPC request: the largest limit of the procedures it names. */
export function trpcBodyLimit(procedures: string[]): number {
  return procedures.reduce((max, p) => Math.max(max, LARGE_BODY_PROCEDURES[p] ?? TRPC_BODY_MAX_BYTES), TRPC_BODY_MAX_BYTES);
}

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
  }
}

/**
 * Reads a request's body, refusing it as soon as it is known to be over `maxBytes`: at once when
 * Content-Length says so, otherwise while counting the bytes of the stream (a chunked body or a
 * lying header), so a huge body is never held in memory whole.
 */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A size for people: "512 KB", "8 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
