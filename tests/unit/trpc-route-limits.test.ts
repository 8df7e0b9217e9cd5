import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/trpc/[trpc]/route";
import { readBodyWithin, TRPC_BODY_MAX_BYTES, trpcBodyLimit, IMPORT_BODY_MAX_BYTES } from "@/server/lib/request-limits";

const BASE = "http://localhost/api/trpc";

function streamOf(chunk: Uint8Array, times: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let n = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (n++ >= times) c.close();
      else c.enqueue(chunk);
    },
  });
  return { stream, pulled: () => n };
}

describe("tRPC route limits", () => {
  it("refuses a body whose Content-Length is over the limit with 413 and a message naming it", async () => {
    const res = await POST(
      new Request(`${BASE}/account.list`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(200 * 1024 * 1024), cookie: "NEXT_LOCALE=en" },
        body: "{}",
      }),
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { json: { message: string; data: { httpStatus: number } } } };
    expect(body.error.json.message).toContain("512 KB");
    expect(body.error.json.data.httpStatus).toBe(413);
  });

  it("stops reading a chunked body without Content-Length as soon as it passes the limit", async () => {
    const { stream, pulled } = streamOf(new Uint8Array(64 * 1024), 200 * 16); // 200 MB if read whole
    const req = new Request(`${BASE}/account.list?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const started = Date.now();
    const res = await POST(req);
    expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(pulled()).toBeLessThan(20);
    const body = (await res.json()) as { error: { json: { message: string } } }[];
    expect(body).toHaveLength(1);
    expect(body[0]!.error.json.message).toContain("512 KB");
  });

  it("refuses a batch of more than 20 calls with 400 before running any", async () => {
    const paths = Array.from({ length: 200 }, () => "account.list").join(",");
    const res = await POST(
      new Request(`${BASE}/${paths}?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string } } }[];
    expect(body).toHaveLength(200);
    expect(body[0]!.error.json.message).toContain("200");
    expect(body[0]!.error.json.message).toContain("20");
  });

  it("gives the import and photo procedures their own, larger limits", () => {
    expect(trpcBodyLimit(["account.list"])).toBe(TRPC_BODY_MAX_BYTES);
    expect(trpcBodyLimit(["account.list", "household.import"])).toBe(IMPORT_BODY_MAX_BYTES);
    expect(trpcBodyLimit(["item.save"])).toBeGreaterThan(3 * 1024 * 1024);
  });

  it("passes a body within the limit through whole", async () => {
    const text = JSON.stringify({ a: "x".repeat(1000) });
    const got = await readBodyWithin(new Request(BASE, { method: "POST", body: text }), 4096);
    expect(new TextDecoder().decode(got!)).toBe(text);
  });
});
