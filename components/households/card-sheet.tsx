import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, ErrorBox, PageTitle } from "@/components/ui/card";
import { cardsQuery, toPages, type CardSelection } from "@/server/modules/households/card.schema";
import { serverCaller } from "@/server/trpc/server-caller";
import { PrintButton } from "./print-button";

/*
 * Print layout: A4 with 10 mm margins leaves 190 × 277 mm, 2 × 4 cards of 95 × 69 mm each, one sheet
 * per page. The sheet is 276 mm high (not 277) so rounding never pushes it onto a blank extra page.
 * Header, tabs and the controls carry `print:hidden`.
 */
const PRINT_CSS = `
@page { size: A4; margin: 10mm; }
@media print {
  html, body { background: #fff !important; }
  .cards-sheet { break-after: page; }
  .cards-sheet:last-of-type { break-after: auto; }
}`;

type SheetCard = { id: string; number: string; headName: string; qr: string };

function HouseholdCardView({ card, village, t }: { card: SheetCard; village: string; t: Awaited<ReturnType<typeof getTranslations<"cards">>> }) {
  return (
    <article
      className="flex flex-col overflow-hidden rounded-xl border-2 border-dashed border-stone-400 bg-white p-4 text-stone-900 break-inside-avoid print:h-full print:rounded-none print:border print:border-stone-400 print:p-[4mm]"
      data-testid="household-card"
    >
      <div className="flex min-h-0 flex-1 gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-xl font-bold print:text-[15pt] print:leading-tight">{village}</p>
          <p className="text-base text-stone-600 print:text-[8.5pt]">{t("bank")}</p>
          <p className="mt-2 text-base text-stone-600 print:mt-[2mm] print:text-[9pt]">{t("number")}</p>
          <p className="text-2xl font-bold break-all print:text-[18pt] print:leading-tight" data-testid="card-number">
            {card.number}
          </p>
          <p className="mt-1 text-base text-stone-600 print:text-[9pt]">{t("head")}</p>
          <p className="text-2xl font-bold break-all print:text-[20pt] print:leading-tight" data-testid="card-head">
            {card.headName}
          </p>
        </div>
        <img src={card.qr} alt={t("qrAlt", { number: card.number })} className="h-32 w-32 shrink-0 print:h-[46mm] print:w-[46mm]" data-testid="card-qr" />
      </div>
      <p className="mt-2 text-base text-stone-700 print:mt-[1mm] print:text-[8.5pt] print:leading-snug">{t("note")}</p>
    </article>
  );
}

/** The print-ready sheet of household cards, with Print and Download PDF on screen. */
export async function CardSheet({ selection }: { selection: CardSelection }) {
  const t = await getTranslations("cards");
  const caller = await serverCaller();
  let sheet: Awaited<ReturnType<typeof caller.household.cards>> | null = null;
  let error: string | null = null;
  try {
    sheet = await caller.household.cards(selection);
  } catch (e) {
    if (!(e instanceof TRPCError) || e.code === "INTERNAL_SERVER_ERROR") throw e;
    error = e.message;
  }
  const back = (
    <Link href="/c/households/cards" className="inline-flex min-h-11 items-center text-lg text-brand print:hidden" data-testid="cards-back">
      ‹ {t("back")}
    </Link>
  );
  if (!sheet) {
    return (
      <div>
        {back}
        <PageTitle>{t("sheetTitle")}</PageTitle>
        <ErrorBox message={error} />
      </div>
    );
  }
  const pages = toPages(sheet.cards);
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 space-y-3 print:hidden">
        {back}
        <PageTitle>{t("sheetTitle")}</PageTitle>
        <Card>
          <p className="text-lg font-bold" data-testid="cards-summary">
            {t("summary", { count: sheet.cards.length, pages: pages.length })}
          </p>
          <div className="mt-3 grid grid-cols-2 gap-2">
            <PrintButton label={t("print")} />
            <a
              href={`/api/households/cards-pdf?${cardsQuery(selection)}`}
              download
              className="flex min-h-12 items-center justify-center rounded-xl border border-stone-300 bg-white px-3 text-lg font-medium text-stone-800 active:bg-stone-100"
              data-testid="cards-pdf"
            >
              {t("pdf")}
            </a>
          </div>
          <p className="mt-3 text-base text-stone-600">{t("printHint")}</p>
        </Card>
      </div>
      {pages.map((page, i) => (
        <section key={i} className="cards-sheet mb-6 print:mb-0" aria-label={t("page", { n: i + 1, total: pages.length })}>
          <p className="mb-2 text-base text-stone-600 print:hidden">{t("page", { n: i + 1, total: pages.length })}</p>
          <div className="grid gap-3 sm:grid-cols-2 print:h-[276mm] print:w-[190mm] print:grid-cols-2 print:grid-rows-4 print:gap-0">
            {page.map((card) => (
              <HouseholdCardView key={card.id} card={card} village={sheet.village} t={t} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
