"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { AwardRowBody } from "./award-row";
import type { ObjectionItem } from "./types";

/**
 * Open objections for a supervisor to rule on: the entry, who objected and why, then an answer
 * (shown to the objector) and one of 维持异议 (the entry is withdrawn) / 驳回异议 (it stands).
 * A ruled objection leaves the list at once; the page then reloads from the server.
 */
export function ObjectionQueue({ items, answerMax }: { items: ObjectionItem[]; answerMax: number }) {
  const t = useTranslations("points");
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [last, setLast] = useState<string | null>(null);
  const shown = items.filter((o) => !gone.has(o.id));
  return (
    <div className="space-y-2">
      {last ? (
        <p className="rounded-xl bg-green-50 px-3 py-2 text-base text-green-900 ring-1 ring-green-300" role="status" data-testid="ruled">
          {last}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p className="rounded-2xl bg-paper p-4 text-center text-lg ring-1 ring-stone-200" data-testid="objections-empty">
          {t("objections.empty")}
        </p>
      ) : (
        <ul className="space-y-3" data-testid="objection-queue">
          {shown.map((o) => (
            <ObjectionCard
              key={o.id}
              o={o}
              answerMax={answerMax}
              onRuled={(message) => {
                setGone((g) => new Set(g).add(o.id));
                setLast(message);
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ObjectionCard({ o, answerMax, onRuled }: { o: ObjectionItem; answerMax: number; onRuled: (message: string) => void }) {
  const t = useTranslations("points");
  const tc = useTranslations("app");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [answer, setAnswer] = useState("");
  const rule = useMutation(
    trpc.objection.rule.mutationOptions({
      onSuccess: (r) => {
        onRuled(
          r.status === "UPHELD"
            ? t("objections.upheldDone", { number: o.award.household.number })
            : r.awardStatus === "FINAL"
              ? t("objections.dismissedFinal", { number: o.award.household.number })
              : t("objections.dismissedDone", { number: o.award.household.number }),
        );
        router.refresh();
      },
    }),
  );
  const n = answer.trim().length;
  const ok = n >= 2 && !rule.isPending;
  const blocked = o.ruleBlock;
  return (
    <li className={`rounded-2xl px-4 py-3 ring-1 ${blocked ? "bg-stone-100 ring-stone-200" : "bg-paper shadow-sm ring-stone-200"}`} data-testid="objection-item">
      <Link href={`/s/awards/${o.award.id}`} className="block">
        <AwardRowBody a={o.award} />
      </Link>
      <div className="mt-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200">
        <p className="text-base text-stone-700">
          {t("objections.by", { name: o.objector.name, number: o.objector.householdNumber ?? "—", date: formatDateTime(o.createdAt, locale) })}
        </p>
        <p className="mt-1 text-lg text-stone-900" data-testid="objection-reason-text">
          {o.reason}
        </p>
      </div>
      {blocked ? (
        <p className="mt-2 text-base font-medium text-stone-700" data-testid="objection-blocked">
          {o.ruleBlockReason ? t(`blockWhy.${o.ruleBlockReason}`) : t(`reviewBlock.${blocked}`)}
        </p>
      ) : (
        <div className="mt-2 space-y-2">
          <label className="block">
            <span className="mb-1 block text-lg font-medium text-stone-900">{t("objections.answer")}</span>
            <textarea
              className="min-h-24 w-full rounded-xl border border-stone-300 bg-white p-3 text-lg outline-none focus:border-brand"
              value={answer}
              maxLength={answerMax}
              onChange={(e) => setAnswer(e.target.value)}
              placeholder={t("objections.answerPlaceholder")}
              data-testid="objection-answer"
            />
            <span className="mt-1 block text-sm text-stone-600">{t("note.hint", { min: 2, max: answerMax, count: n })}</span>
          </label>
          <ErrorBox message={rule.error?.message} />
          <div className="grid grid-cols-2 gap-2">
            <Button
              type="button"
              variant="danger"
              disabled={!ok}
              onClick={() => rule.mutate({ id: o.id, decision: "UPHOLD", answer: answer.trim() })}
              data-testid="objection-uphold"
            >
              {rule.isPending && rule.variables?.decision === "UPHOLD" ? tc("loading") : t("objections.uphold")}
            </Button>
            <Button
              type="button"
              disabled={!ok}
              onClick={() => rule.mutate({ id: o.id, decision: "DISMISS", answer: answer.trim() })}
              data-testid="objection-dismiss"
            >
              {rule.isPending && rule.variables?.decision === "DISMISS" ? tc("loading") : t("objections.dismiss")}
            </Button>
          </div>
          <p className="text-sm text-stone-600">{t("objections.explain")}</p>
        </div>
      )}
    </li>
  );
}
