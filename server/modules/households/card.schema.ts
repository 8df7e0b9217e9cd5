import { z } from "zod";
import { ZId } from "@/server/lib/words.schema";

/** A4 sheet of printed household cards: 2 columns × 4 rows. */
export const CARDS_PER_PAGE = 8;
/**
 * At most this many households picked one by one. The selection travels in the URL of the print
 * sheet and of the PDF (500 ids ≈ 13 KB, inside Node's 16 KB header limit); "all" has no limit.
 */
export const CARDS_MAX_IDS = 500;

/**
 * Which households get a card: `all: true` is every active household of the village (ids are then
 * ignored); otherwise the `ids` picked. Nothing picked passes here and is refused by the service with
 * CARDS_EMPTY, a plain sentence rather than a zod detail.
 */
export const ZCardSelection = z.object({
  all: z.boolean().optional(),
  ids: z.array(ZId).max(CARDS_MAX_IDS).optional(),
});
export type CardSelection = z.infer<typeof ZCardSelection>;

/** The query string of the print sheet and the PDF for a selection ("all=1" or "ids=a,b,c"). */
export function cardsQuery(selection: CardSelection): string {
  return selection.all ? "all=1" : `ids=${(selection.ids ?? []).map(encodeURIComponent).join(",")}`;
}

/** The selection a query string names (the reverse of cardsQuery); zod checks it afterwards. */
export function selectionFromQuery(params: { all?: string | null; ids?: string | null }): unknown {
  if (params.all === "1") return { all: true };
  if (params.ids == null) return {};
  return { ids: params.ids.split(",").filter(Boolean) };
}

/** Cards grouped into A4 pages of CARDS_PER_PAGE. */
export function toPages<T>(cards: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_PAGE) pages.push(cards.slice(i, i + CARDS_PER_PAGE));
  return pages;
}
