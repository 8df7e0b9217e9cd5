/**
 * The printed household cards as an A4 PDF (8 to a page).
 * GET ?all=1 | ?ids=a,b,c — the same permission, selection and scope as household.cards.
 */
import { cookies } from "next/headers";
import { can } from "@/server/auth/permissions";
import { currentSession } from "@/server/auth/session";
import { appDeps } from "@/server/lib/deps";
import { LOCALE_COOKIE, toLocale } from "@/server/i18n/config";
import { translate } from "@/server/i18n/messages";
import { zodMessage } from "@/server/i18n/zod-message";
import { ERROR_STATUS, isDomainError } from "@/server/lib/errors";
import { selectionFromQuery, ZCardSelection } from "@/server/modules/households/card.schema";
import { cardsPdf } from "@/server/modules/households/card.service";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(req: Request) {
  const session = await currentSession();
  if (session.kind !== "actor") return new Response("Unauthorized", { status: 401 });
  if (!can(session.actor.role, "household.cards")) return new Response("Forbidden", { status: 403 });
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const url = new URL(req.url);
  const parsed = ZCardSelection.safeParse(selectionFromQuery({ all: url.searchParams.get("all"), ids: url.searchParams.get("ids") }));
  if (!parsed.success) return text(zodMessage(locale, parsed.error.issues), 400);
  try {
    const { pdf, village } = await cardsPdf(appDeps(), session.actor, parsed.data, locale);
    const name = encodeURIComponent(`${translate(locale, "cards.pdfTitle", { village })}.pdf`);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename*=UTF-8''${name}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e)) {
      const status = ERROR_STATUS[e.code] === "NOT_FOUND" ? 404 : ERROR_STATUS[e.code] === "INTERNAL_SERVER_ERROR" ? 500 : 400;
      return text(translate(locale, `errors.${e.code}`, e.params), status);
    }
    throw e;
  }
}
