/**
 * The printed household cards as an A4 PDF (8 to a page).
 * GET ?all=1 | ?ids=a,b,c — the same permission, selection and scope as household.cards.
 */
import { route } from "@/server/http/route";
import { translate } from "@/server/i18n/messages";
import { selectionFromQuery, ZCardSelection } from "@/server/modules/households/card.schema";
import { cardsPdf } from "@/server/modules/households/card.service";

export const dynamic = "force-dynamic";

export const GET = route("household.cards", async ({ deps, actor, locale, req }) => {
  const url = new URL(req.url);
  const selection = ZCardSelection.parse(selectionFromQuery({ all: url.searchParams.get("all"), ids: url.searchParams.get("ids") }));
  const { pdf, village } = await cardsPdf(deps, actor, selection, locale);
  const name = encodeURIComponent(`${translate(locale, "cards.pdfTitle", { village })}.pdf`);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename*=UTF-8''${name}`,
      "Cache-Control": "no-store",
    },
  });
});
