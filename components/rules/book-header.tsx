import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { formatDay } from "@/server/lib/village-time.schema";
import { BookStatus } from "./book-status";

export type BookHeaderData = {
  version: number;
  title: string;
  status: "DRAFT" | "ADOPTED" | "RETIRED";
  createdAt: Date;
  createdByName: string;
  adoptedAt: Date | null;
  adoptedBy: string | null;
  adoptedByName: string | null;
  vote?: { closedAt: Date; yes: number; voted: number } | null;
  countersignedByName?: string | null;
  awaitingCountersign?: boolean;
  retiredAt: Date | null;
  basedOnVersion: number | null;
  counts: { add: number; deduct: number };
};

/** Which version, in what state, how it came to be, and how many additions and deductions it has. */
export function BookHeader({ book, locale }: { book: BookHeaderData; locale: string }) {
  const t = useTranslations("rules");
  return (
    <Card className={book.status === "ADOPTED" ? "ring-2 ring-green-600" : ""}>
      <div className="flex items-start justify-between gap-2">
        <p className="text-base text-stone-600">{t("version", { version: book.version })}</p>
        <BookStatus status={book.status} awaiting={book.awaitingCountersign} />
      </div>
      <h1 className="text-2xl font-bold leading-snug text-stone-900" data-testid="book-title">
        {book.title}
      </h1>
      <p className="mt-1 text-lg text-stone-800" data-testid="book-counts">
        {t("counts", { add: book.counts.add, deduct: book.counts.deduct })}
      </p>
      <div className="mt-2 space-y-0.5 text-base text-stone-700">
        {book.basedOnVersion ? <p>{t("basedOn", { version: book.basedOnVersion })}</p> : book.status === "DRAFT" ? <p>{t("blankDraft")}</p> : null}
        <p>{t("createdBy", { name: book.createdByName || "—", date: formatDay(book.createdAt, locale) })}</p>
        {book.adoptedAt ? <p>{t("adoptedOn", { date: formatDay(book.adoptedAt, locale) })}</p> : null}
        {book.vote ? (
          <p data-testid="book-vote">{t("adoptedByVote", { date: formatDay(book.vote.closedAt, locale), yes: book.vote.yes, voted: book.vote.voted })}</p>
        ) : null}
        {book.adoptedBy ? <p>{t("adoptedLine", { by: book.adoptedBy })}</p> : null}
        {book.adoptedByName ? <p>{t("adoptedByName", { name: book.adoptedByName })}</p> : null}
        {book.countersignedByName ? <p data-testid="book-countersigned-by">{t("countersign.countersignedBy", { name: book.countersignedByName })}</p> : null}
        {book.retiredAt ? <p>{t("retiredOn", { date: formatDay(book.retiredAt, locale) })}</p> : null}
      </div>
    </Card>
  );
}
