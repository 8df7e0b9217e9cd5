/**
 * The security headers every answer carries, as pure functions so unit tests can check them; proxy.ts
 * applies them per request. Why each one is there is in docs/architecture.md ("Security headers").
 */

/** A fresh, unguessable nonce for one page render (16 random bytes, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page. Scripts run only from this origin and with this render's nonce
 * ('strict-dynamic' lets the nonced Next.js bootstrap load its own chunks). Styles allow inline
 * attributes because React writes `style="…"` attributes, which a nonce cannot cover; a style cannot run
 * code. Images and media allow blob:/data: for the camera preview, photos and QR codes drawn on the page.
 * `next dev` needs 'unsafe-eval' for its fast refresh; a production build never gets it.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(opts.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `media-src 'self' blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `worker-src 'self' blob:`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/** HSTS for one year once the site is known to be served over https; never over plain http (it would stick). */
export const HSTS = "max-age=31536000; includeSubDomains";

/** The headers that do not depend on the page: no sniffing, no framing, no referrer across sites, the camera and position for this site only. */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * Whether this request reached the site over https: the configured public address says so, or a
 * trusted proxy (TRUST_PROXY set) forwarded `X-Forwarded-Proto: https`. Without TRUST_PROXY a forwarded
 * header is anyone's to write, so it is ignored.
 */
export function servedOverHttps(
  headers: { get(name: string): string | null },
  config: { publicUrl?: string; trustProxy: readonly string[] },
): boolean {
  if (config.publicUrl?.startsWith("https://")) return true;
  if (!config.trustProxy.length) return false;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}
