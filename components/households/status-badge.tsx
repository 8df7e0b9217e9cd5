import { useTranslations } from "next-intl";

/** 在册 / 已注销, readable at a glance (colour plus words, never colour alone). */
export function StatusBadge({ status }: { status: "ACTIVE" | "INACTIVE" }) {
  const t = useTranslations("household.status");
  return (
    <span
      data-testid="household-status"
      className={`inline-flex shrink-0 items-center rounded-full px-3 py-0.5 text-base font-medium ${
        status === "ACTIVE" ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"
      }`}
    >
      {t(status)}
    </span>
  );
}
