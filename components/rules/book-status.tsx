import { useTranslations } from "next-intl";

const TONES = {
  ADOPTED: "bg-green-100 text-green-800",
  DRAFT: "bg-amber-100 text-amber-900",
  RETIRED: "bg-stone-200 text-stone-700",
} as const;

/** 现行 / 草稿 / 待会签 / 已废止, in words as well as colour. */
export function BookStatus({ status, awaiting }: { status: "DRAFT" | "ADOPTED" | "RETIRED"; awaiting?: boolean }) {
  const t = useTranslations("rules.status");
  const tc = useTranslations("rules.countersign");
  if (awaiting)
    return (
      <span className="inline-flex shrink-0 items-center rounded-full bg-sky-100 px-3 py-0.5 text-base font-medium text-sky-900" data-testid="book-status">
        {tc("awaitingShort")}
      </span>
    );
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-3 py-0.5 text-base font-medium ${TONES[status]}`} data-testid="book-status">
      {t(status)}
    </span>
  );
}
