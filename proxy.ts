/**
 * Runs before every page and API request (Next.js "proxy", formerly middleware): sets the security
 * headers, and for pages a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the
 * policy on the forwarded request and puts it on its own scripts, which is why pages render per
 * request (the root layout opts into dynamic rendering). Static files skip this (see `config`).
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { contentSecurityPolicy, newNonce, servedOverHttps, staticSecurityHeaders } from "@/server/lib/security-headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers, { publicUrl: env.NEXTAUTH_URL, trustProxy: env.TRUST_PROXY });
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  let response: NextResponse;
  let csp: string;
  if (isApi) {
    // JSON, CSV, PDF and photos are not pages: only framing is refused (a stricter policy could stop
    // the browser's own PDF viewer from showing the card sheets).
    csp = "frame-ancestors 'none'";
    response = NextResponse.next();
  } else {
    const nonce = newNonce();
    csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development" });
    const forwarded = new Headers(request.headers);
    forwarded.set("x-nonce", nonce);
    forwarded.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // everything except Next's static chunks, optimised images and the files in public/
      source: "/((?!_next/static|_next/image|favicon\\.ico|icon-.*\\.png|manifest\\.webmanifest|fonts/|.*\\.(?:png|svg|jpg|woff2?)$).*)",
    },
  ],
};
