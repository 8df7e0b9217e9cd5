/**
 * Who is asking (server/http/client-ip.ts) and the launcher's front server (scripts/peer-front.ts):
 * forwarded headers count only from TRUST_PROXY peers, and the app believes only the front's header.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_TOKEN_HEADER, UNKNOWN_PEER, peerFromHeaders, proxyMatcher, resolveClientIp } from "@/server/http/client-ip";
import { frontHeaders, freePort, startPeerFront } from "@/scripts/peer-front";

describe("resolveClientIp", () => {
  const none = proxyMatcher([]);
  const lb = proxyMatcher(["loopback", "10.0.0.0/8"]);

  it("an untrusted peer is the client, whatever X-Forwarded-For / X-Real-IP say", () => {
    expect(resolveClientIp("203.0.113.9", { forwardedFor: "1.2.3.4", realIp: "5.6.7.8" }, none)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:203.0.113.9", { forwardedFor: "1.2.3.4" }, lb)).toBe("203.0.113.9");
  });

  it("behind trusted proxies the client is the right-most address that is not a proxy", () => {
    // the left entry was written by the client itself: only the proxy's own append counts
    expect(resolveClientIp("127.0.0.1", { forwardedFor: "6.6.6.6, 198.51.100.4, 10.1.2.3" }, lb)).toBe("198.51.100.4");
    expect(resolveClientIp("127.0.0.1", { forwardedFor: "10.1.2.3" }, lb)).toBe("10.1.2.3");
    expect(resolveClientIp("127.0.0.1", { realIp: "198.51.100.5" }, lb)).toBe("198.51.100.5");
    expect(resolveClientIp("127.0.0.1", { forwardedFor: "not-an-ip, 10.0.0.9" }, lb)).toBe("10.0.0.9");
    expect(resolveClientIp("127.0.0.1", {}, lb)).toBe("127.0.0.1");
  });

  it("matches addresses, CIDR ranges and loopback (v4, v6 and v4-mapped)", () => {
    const m = proxyMatcher(["loopback", "192.168.1.5", "fd00::/8"]);
    expect([m("127.0.0.2"), m("::1"), m("::ffff:127.0.0.1"), m("192.168.1.5"), m("fd12::1")]).toEqual([true, true, true, true, true]);
    expect([m("192.168.1.6"), m("8.8.8.8"), m("fe80::1"), m("garbage")]).toEqual([false, false, false, false]);
  });
});

describe("peerFromHeaders", () => {
  const h = (o: Record<string, string>) => (name: string) => o[name];
  it("believes x-mb-peer only with the launcher's key", () => {
    const token = "k".repeat(40);
    expect(peerFromHeaders(h({ [PEER_HEADER]: "198.51.100.1", [PEER_TOKEN_HEADER]: token }), token)).toBe("198.51.100.1");
    expect(peerFromHeaders(h({ [PEER_HEADER]: "198.51.100.1", [PEER_TOKEN_HEADER]: "x".repeat(40) }), token)).toBe(UNKNOWN_PEER);
    expect(peerFromHeaders(h({ [PEER_HEADER]: "198.51.100.1" }), token)).toBe(UNKNOWN_PEER);
    expect(peerFromHeaders(h({ [PEER_HEADER]: "198.51.100.1", [PEER_TOKEN_HEADER]: token }), undefined)).toBe(UNKNOWN_PEER);
  });
});

describe("frontHeaders", () => {
  it("from an untrusted peer removes every forwarded header and any x-mb-peer it sent", () => {
    const out = frontHeaders(
      { host: "bank.example", "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2", "x-forwarded-proto": "https", [PEER_HEADER]: "9.9.9.9", [PEER_TOKEN_HEADER]: "stolen" },
      "203.0.113.7",
      proxyMatcher(["loopback"]),
      "the-key",
    );
    expect(out).toEqual({ host: "bank.example", [PEER_HEADER]: "203.0.113.7", [PEER_TOKEN_HEADER]: "the-key" });
  });
  it("from a trusted proxy keeps X-Forwarded-Proto and names the forwarded client", () => {
    const out = frontHeaders({ "x-forwarded-for": "198.51.100.8", "x-forwarded-proto": "https" }, "::ffff:127.0.0.1", proxyMatcher(["loopback"]), "k");
    expect(out).toMatchObject({ "x-forwarded-proto": "https", [PEER_HEADER]: "198.51.100.8" });
  });
});

describe("the front server", () => {
  let upstream: http.Server;
  let front: http.Server;
  let port: number;
  beforeAll(async () => {
    // a stand-in for Next.js that answers with the headers it got
    upstream = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        res.setHeader("set-cookie", ["a=1", "b=2"]);
        res.end(JSON.stringify({ headers: req.headers, method: req.method, url: req.url, body }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    port = await freePort();
    front = await startPeerFront({ host: "127.0.0.1", port, targetPort: (upstream.address() as AddressInfo).port, trustProxy: [], token: "front-key" });
  });
  afterAll(async () => {
    await new Promise((r) => front.close(r));
    await new Promise((r) => upstream.close(r));
  });

  it("rotating X-Forwarded-For never changes the address Next.js is told, and bodies, methods and cookies pass", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials?x=${i}`, {
        method: "POST",
        headers: { "x-forwarded-for": `7.7.7.${i}`, "x-real-ip": `8.8.8.${i}`, [PEER_HEADER]: `9.9.9.${i}` },
        body: `phone=1&i=${i}`,
      });
      const got = (await res.json()) as { headers: Record<string, string>; method: string; url: string; body: string };
      expect(got).toMatchObject({ method: "POST", url: `/api/auth/callback/credentials?x=${i}`, body: `phone=1&i=${i}` });
      expect(got.headers["x-forwarded-for"]).toBeUndefined();
      expect(got.headers[PEER_TOKEN_HEADER]).toBe("front-key");
      expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
      seen.add(got.headers[PEER_HEADER]!);
    }
    expect([...seen]).toEqual(["127.0.0.1"]);
  });
});
