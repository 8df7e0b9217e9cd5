"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

/**
 * A button that asks before it acts: the first tap shows the question with 确定 / 取消
 * (no browser dialog, which elderly users and cheap phones handle badly).
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  busy = false,
  disabled = false,
  variant = "danger",
  className = "",
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  disabled?: boolean;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  testId?: string;
}) {
  const t = useTranslations("app");
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button type="button" variant={variant} className={className} disabled={disabled || busy} onClick={() => setAsking(true)} data-testid={testId}>
        {busy ? t("loading") : label}
      </Button>
    );
  return (
    <div role="alertdialog" aria-label={question} className="w-full rounded-xl border border-amber-300 bg-amber-50 p-3">
      <p className="mb-2 text-base text-stone-900">{question}</p>
      <div className="flex gap-2">
        <Button
          type="button"
          variant={variant === "danger" ? "danger" : "primary"}
          className="flex-1"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
          data-testid={testId ? `${testId}-confirm` : undefined}
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
