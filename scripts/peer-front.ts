/**
 * The front server scripts/serve.ts puts before Next.js: it listens on the public port, knows each
 * socket's address, and forwards every request (and WebSocket upgrade, for `next dev`'s reload) to
 * Next.js on an internal loopback port. On the way it removes the forwarded headers of peers that are
 * not trusted proxies (TRUST_PROXY) and anything claiming to be its own `x-mb-peer` header, then sets
 * `x-mb-peer` to the client address and `x-mb-peer-token` to the launcher's per-start key, which only
 * the Next.js process it started knows. Rules: server/http/client-ip.ts; why: docs/architecture.md.
 */
import http from "node:http";
import net from "node:net";
import { FORWARDED_HEADERS, PEER_HEADER, PEER_TOKEN_HEADER, proxyMatcher, resolveClientIp } from "../server/http/client-ip";

export type FrontOptions = { host?: string; port: number; targetPort: number; trustProxy: readonly string[]; token: string };

/** The request headers Next.js gets for a request from `peer`. */
export function frontHeaders(
  incoming: http.IncomingHttpHeaders,
  peer: string,
  trusted: (ip: string) => boolean,
  token: string,
): http.OutgoingHttpHeaders {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v);
  const client = resolveClientIp(peer, { forwardedFor: first(incoming["x-forwarded-for"]), realIp: first(incoming["x-real-ip"]) }, trusted);
  const out: http.OutgoingHttpHeaders = { ...incoming };
  delete out[PEER_HEADER];
  delete out[PEER_TOKEN_HEADER];
  if (!trusted(peer)) for (const h of FORWARDED_HEADERS) delete out[h];
  out[PEER_HEADER] = client;
  out[PEER_TOKEN_HEADER] = token;
  return out;
}

export function startPeerFront(opts: FrontOptions): Promise<http.Server> {
  const trusted = proxyMatcher(opts.trustProxy);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: opts.targetPort,
        method: req.method,
        path: req.url,
        headers: frontHeaders(req.headers, req.socket.remoteAddress ?? "", trusted, opts.token),
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.statusMessage, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("Bad gateway");
    });
    // the browser went away before the answer was complete: stop Next.js's side too
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });

  // WebSocket upgrades (next dev's hot reload): the same header rules, then the two sockets are joined.
  server.on("upgrade", (req, socket, head) => {
    const headers = frontHeaders(req.headers, req.socket.remoteAddress ?? "", trusted, opts.token);
    const up = net.connect(opts.targetPort, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (const [k, v] of Object.entries(headers)) for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) lines.push(`${k}: ${one}`);
      up.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    const end = () => {
      up.destroy();
      socket.destroy();
    };
    up.on("error", end);
    socket.on("error", end);
  });

  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 20_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve(server));
  });
}

/** A free loopback port for the internal Next.js server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the loopback `port` (Next.js is up), polling every 100 ms. */
export async function waitForPort(port: number, stillWaiting: () => boolean = () => true): Promise<boolean> {
  while (stillWaiting()) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (up) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
