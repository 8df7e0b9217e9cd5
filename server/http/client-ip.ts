/**
 * Who is on the other end of a request. Next.js route handlers never see the TCP peer, so the launcher
 * (scripts/serve.ts) puts a small front server before Next.js (scripts/peer-front.ts): it knows the
 * socket's address, works out the client with the rules below, and hands it on in `x-mb-peer`,
 * proven by `x-mb-peer-token` (a random key the launcher gives only to its own Next.js process).
 * Forwarded headers (X-Forwarded-For, X-Real-IP, X-Forwarded-Proto/Host) are believed only when the
 * socket's peer is one of the configured proxies (TRUST_PROXY); from anyone else they are removed.
 * See docs/architecture.md ("Who is asking: the peer address").
 */
import { timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

export const PEER_HEADER = "x-mb-peer";
export const PEER_TOKEN_HEADER = "x-mb-peer-token";
/** Headers only a trusted proxy may set; the front removes them from everyone else's requests. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-real-ip", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded"];

/** The address without an IPv4-mapped IPv6 prefix (::ffff:10.0.0.1 → 10.0.0.1), or null when it is no IP. */
export function normalizeIp(raw: string | undefined | null): string | null {
  const s = (raw ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  const ip = mapped ? mapped[1]! : s;
  return isIP(ip) ? ip : null;
}

/** The TRUST_PROXY entries ("loopback", addresses, CIDR ranges; checked in server/env-rules.ts) as a matcher. */
export function proxyMatcher(entries: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [addr, prefix] = entry.split("/");
    const family = isIP(addr ?? "") === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(addr!, family);
    else list.addSubnet(addr!, Number(prefix), family);
  }
  return (ip) => {
    const n = normalizeIp(ip);
    return n !== null && list.check(n, isIP(n) === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * The client's address. From an untrusted peer that is the peer itself, whatever it wrote in its
 * headers. From a trusted proxy it is the right-most X-Forwarded-For entry that is not itself a
 * trusted proxy (entries further left were written by the client and prove nothing), else X-Real-IP,
 * else the peer.
 */
export function resolveClientIp(
  peer: string,
  headers: { forwardedFor?: string | null; realIp?: string | null },
  trusted: (ip: string) => boolean,
): string {
  const self = normalizeIp(peer) ?? "unknown";
  if (!trusted(self)) return self;
  const chain = (headers.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (chain.length) {
    let last = self;
    for (let i = chain.length - 1; i >= 0; i--) {
      const ip = normalizeIp(chain[i]);
      if (!ip) return last; // garbage from the client's side of the chain: the last hop we can vouch for
      if (!trusted(ip)) return ip;
      last = ip;
    }
    return last;
  }
  return normalizeIp(headers.realIp) ?? self;
}

/** Address used when a request did not come through the front (e.g. `next start` run by hand). */
export const UNKNOWN_PEER = "unknown";

/**
 * The client address the front vouched for, or UNKNOWN_PEER when the request did not come through it
 * (no token configured, or a missing or wrong token: then `x-mb-peer` is anyone's to write).
 */
export function peerFromHeaders(get: (name: string) => string | null | undefined, token: string | undefined): string {
  if (!token) return UNKNOWN_PEER;
  const given = Buffer.from(String(get(PEER_TOKEN_HEADER) ?? ""));
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return UNKNOWN_PEER;
  return normalizeIp(get(PEER_HEADER)) ?? UNKNOWN_PEER;
}
