"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A short required text asked for inline (a rejection note, a reversal reason, an answer), with
 * a send button that stays disabled until it is long enough. No browser dialogs.
 */
export function NoteBox({
  label,
  submitLabel,
  min = 2,
  max,
  busy,
  onSubmit,
  onCancel,
  variant = "danger",
  testId,
}: {
  label: string;
  submitLabel: string;
  min?: number;
  max: number;
  busy: boolean;
  onSubmit: (text: string) => void;
  onCancel?: () => void;
  variant?: "primary" | "danger";
  testId: string;
}) {
  const t = useTranslations("points.note");
  const tc = useTranslations("app");
  const [text, setText] = useState("");
  const n = text.trim().length;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (n >= min && !busy) onSubmit(text.trim());
      }}
    >
      <label className="block">
        <span className="mb-1 block text-lg font-medium text-stone-900">{label}</span>
        <textarea
          className="min-h-24 w-full rounded-xl border border-stone-300 bg-white p-3 text-lg outline-none focus:border-brand"
          value={text}
          maxLength={max}
          onChange={(e) => setText(e.target.value)}
          autoFocus
          data-testid={`${testId}-text`}
        />
        <span className="mt-1 block text-sm text-stone-600">{t("hint", { min, max, count: n })}</span>
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant={variant} className="flex-1" disabled={n < min || busy} data-testid={`${testId}-submit`}>
          {busy ? tc("loading") : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
            {tc("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
