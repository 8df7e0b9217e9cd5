/**
 * The one wrapper for app/api route handlers (everything but tRPC and next-auth): the session becomes
 * the actor, the actor's role must be allowed the handler's action (server/auth/permissions.ts), and a
 * DomainError or zod error becomes a message in the caller's language with the same HTTP status tRPC
 * would send for it — one status table for both transports. Handlers that exist only for the
 * end-to-end tests use testHookRoute instead.
 */
import { cookies } from "next/headers";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import type { Actor } from "@/server/auth/actor";
import { can, type Action } from "@/server/auth/permissions";
import { currentSession } from "@/server/auth/session";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/server/i18n/config";
import { translate } from "@/server/i18n/messages";
import { zodMessage } from "@/server/i18n/zod-message";
import { testHooksEnabled } from "@/server/lib/clock";
import { appDeps, type Deps } from "@/server/lib/deps";
import { DomainError, ERROR_STATUS, type ErrorCode } from "@/server/lib/errors";

export type Caller = { actor: Actor | null; locale: Locale };
export type RouteContext<P> = { deps: Deps; actor: Actor; locale: Locale; req: Request; params: P };
type Handle<P> = (ctx: RouteContext<P>) => Promise<Response>;

/** The HTTP status of a domain error code: tRPC's own mapping of the code's tRPC error code. */
export function httpStatus(code: ErrorCode): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: ERROR_STATUS[code] }));
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A domain error as the response the caller reads. */
export function errorResponse(locale: Locale, e: DomainError): Response {
  return text(translate(locale, `errors.${e.code}`, e.params), httpStatus(e.code));
}

async function localeFromRequest(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

async function callerFromRequest(): Promise<Caller> {
  const [session, locale] = await Promise.all([currentSession(), localeFromRequest()]);
  return { actor: session.kind === "actor" ? session.actor : null, locale };
}

/** Runs a handler body and turns what it throws into the response the caller reads. */
async function answering(locale: Locale, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof DomainError) return errorResponse(locale, e);
    if (e instanceof ZodError) return text(zodMessage(locale, e.issues), 400);
    console.error("[http] internal error:", e);
    return text(translate(locale, "errors.INTERNAL"), 500);
  }
}

/**
 * Builds a route handler for `action`. The returned function is what Next calls; `.run` takes the
 * caller and dependencies explicitly (the integration and authorization tests use it).
 */
export function route<P = Record<string, string>>(action: Action, handle: Handle<P>) {
  const run = (caller: Caller, deps: Deps, req: Request, params: P): Promise<Response> =>
    answering(caller.locale, async () => {
      const { actor, locale } = caller;
      if (!actor) throw new DomainError("UNAUTHENTICATED");
      if (!can(actor.role, action)) throw new DomainError("FORBIDDEN");
      return await handle({ deps, actor, locale, req, params });
    });
  const handler = async (req: Request, ctx: { params: Promise<P> }) =>
    run(await callerFromRequest(), appDeps(), req, ((await ctx?.params) ?? {}) as P);
  return Object.assign(handler, { action, testHook: false as const, run });
}

/**
 * Builds a handler that exists only for the end-to-end tests: NOT_FOUND unless the process runs with
 * E2E_TEST_HOOKS=1 (server/lib/clock.ts), and then open without a session (the test runner has none),
 * so it names no permission action. Errors are mapped as for every other handler.
 */
export function testHookRoute<P = Record<string, string>>(handle: (ctx: Omit<RouteContext<P>, "actor">) => Promise<Response>) {
  const run = (caller: Caller, deps: Deps, req: Request, params: P): Promise<Response> =>
    answering(caller.locale, async () => {
      if (!testHooksEnabled()) throw new DomainError("NOT_FOUND");
      return await handle({ deps, locale: caller.locale, req, params });
    });
  const handler = async (req: Request, ctx: { params: Promise<P> }) =>
    run({ actor: null, locale: await localeFromRequest() }, appDeps(), req, ((await ctx?.params) ?? {}) as P);
  return Object.assign(handler, { action: null, testHook: true as const, run });
}
