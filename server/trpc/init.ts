/**
 * tRPC: context, the one error mapping, and procedures that name their action in the permission table.
 * Order matters: the permission check runs before input parsing, so a forbidden caller learns
 * nothing about the input shape.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Actor } from "@/server/auth/actor";
import { can, type Action } from "@/server/auth/permissions";
import type { Deps } from "@/server/lib/deps";
import { DomainError, ERROR_STATUS } from "@/server/lib/errors";
import type { Locale } from "@/server/i18n/config";
import { translate } from "@/server/i18n/messages";
import { zodMessage } from "@/server/i18n/zod-message";

export type Context = {
  deps: Deps;
  /** null when signed out, or signed in without a chosen membership */
  actor: Actor | null;
  locale: Locale;
};

export type Meta = { action?: Action };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          domainCode: cause instanceof DomainError ? cause.code : undefined,
          detail: cause instanceof DomainError ? (cause.detail ?? null) : null,
        },
      };
    },
  });

/** Maps DomainError and zod errors once, to a tRPC code and a message in the caller's language. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const err = result.error;
  const cause = err.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({
      code: ERROR_STATUS[cause.code],
      message: translate(ctx.locale, `errors.${cause.code}`, cause.params),
      cause,
    });
  }
  if (cause instanceof ZodError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: zodMessage(ctx.locale, cause.issues), cause });
  }
  if (err.code === "INTERNAL_SERVER_ERROR") {
    console.error("[trpc] internal error:", err.cause ?? err);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: translate(ctx.locale, "errors.INTERNAL") });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const base = t.procedure.use(mapErrors);

/** A procedure for signed-in actors whose role may do `action` (see server/auth/permissions.ts). */
export function allow(action: Action) {
  return base.meta({ action }).use(({ ctx, next }) => {
    if (!ctx.actor) throw new DomainError("UNAUTHENTICATED");
    if (!can(ctx.actor.role, action)) throw new DomainError("FORBIDDEN");
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  });
}
