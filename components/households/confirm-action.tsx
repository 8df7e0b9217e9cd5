"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A button that asks before it acts: the first tap shows the question with 确定 / 取消 in place
 * (no browser dialog, which is small and easy to miss on a phone).
 */
export function ConfirmAction({
  label,
  question,
  onConfirm,
  pending = false,
  variant = "danger",
  className = "",
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  pending?: boolean;
  variant?: "danger" | "secondary" | "primary";
  className?: string;
  testId?: string;
}) {
  const t = useTranslations("household");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button type="button" variant={variant} className={className} onClick={() => setAsking(true)} data-testid={testId} disabled={pending}>
        {pending ? t("working") : label}
      </Button>
    );
  }
  return (
    <div role="alertdialog" className="w-full rounded-xl border border-amber-300 bg-amber-50 p-3">
      <p className="text-base text-stone-900">{question}</p>
      <div className="mt-3 flex gap-2">
        <Button
          type="button"
          variant={variant === "danger" ? "danger" : "primary"}
          className="flex-1"
          data-testid={testId ? `${testId}-yes` : undefined}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t("confirm")}
        </Button>
        <Button type="button" variant="secondary" className="flex-1" onClick={() => setAsking(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
