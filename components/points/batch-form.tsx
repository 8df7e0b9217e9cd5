"use client";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, Select } from "@/components/ui/field";
import type { RuleGroup } from "@/server/modules/rules/rule.schema";
import { newRequestKey } from "@/server/lib/words.schema";
import { signed } from "./format";
import { ReasonEvidence } from "./reason-evidence";
import { findRule, RulePicker } from "./rule-picker";

const PAGE = 50;

type Picked = { number: string; headName: string };
export type BatchGrid = { id: string; name: string; households: number };

/**
 * 批量申报: one rule for many households (e.g. everyone who cleaned their lane): tick households in
 * the register (search, select all on the page) or take a whole grid. All or nothing on the server;
 * one request key per form, so a retry creates the batch once.
 */
export function BatchForm({ groups, grids, reasonMax, batchMax }: { groups: RuleGroup[]; grids: BatchGrid[]; reasonMax: number; batchMax: number }) {
  const t = useTranslations("points.batch");
  const tp = useTranslations("points.propose");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const [key, setKey] = useState(newRequestKey);
  const [ruleId, setRuleId] = useState("");
  const [reason, setReason] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const [mode, setMode] = useState<"pick" | "grid">("pick");
  const [gridId, setGridId] = useState("");
  const [picked, setPicked] = useState<Map<string, Picked>>(new Map());
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(id);
  }, [text]);

  const list = useInfiniteQuery(
    trpc.household.list.infiniteQueryOptions(
      { query: query || undefined, status: "ACTIVE", take: PAGE },
      {
        enabled: mode === "pick",
        getNextPageParam: (last, pages) => {
          const loaded = pages.reduce((n, p) => n + p.items.length, 0);
          return loaded < last.total ? loaded : undefined;
        },
        placeholderData: (prev) => prev,
      },
    ),
  );
  const batch = useMutation(trpc.award.proposeBatch.mutationOptions());

  const rule = findRule(groups, ruleId);
  const grid = grids.find((g) => g.id === gridId);
  const count = mode === "pick" ? picked.size : (grid?.households ?? 0);
  const evidenceOk = !rule?.evidenceRequired || evidenceUrl.trim().length > 0;
  const ready = !!rule && reason.trim().length >= 2 && evidenceOk && count > 0 && count <= batchMax;
  const shown = list.data?.pages.flatMap((p) => p.items) ?? [];
  const allShownPicked = shown.length > 0 && shown.every((h) => picked.has(h.id));

  const toggle = (h: { id: string; number: string; headName: string }) =>
    setPicked((prev) => {
      const next = new Map(prev);
      if (next.has(h.id)) next.delete(h.id);
      else next.set(h.id, { number: h.number, headName: h.headName });
      return next;
    });
  const pickShown = (on: boolean) =>
    setPicked((prev) => {
      const next = new Map(prev);
      for (const h of shown) {
        if (on) next.set(h.id, { number: h.number, headName: h.headName });
        else next.delete(h.id);
      }
      return next;
    });

  if (batch.isSuccess) {
    return (
      <Card>
        <div className="space-y-3" data-testid="batch-done">
          <p className="text-xl font-bold text-green-800" role="status">
            {t("done", { count: batch.data.count })}
          </p>
          <p className="text-lg text-stone-900">
            {rule?.title} · <span className={batch.data.points > 0 ? "text-green-700" : "text-red-700"}>{signed(batch.data.points)}</span>
          </p>
          <p className="text-base text-stone-700">{tp("doneBody")}</p>
          <div className="flex gap-2">
            <Link href="/c/awards?status=PROPOSED" className="flex min-h-12 flex-1 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg">
              {t("viewList")}
            </Link>
            <Button
              type="button"
              className="flex-1"
              onClick={() => {
                batch.reset();
                setKey(newRequestKey());
                setPicked(new Map());
                setReason("");
                setEvidenceUrl("");
              }}
            >
              {tp("another")}
            </Button>
          </div>
        </div>
      </Card>
    );
  }

  return (
    <div className="space-y-4">
      <Card className="space-y-2">
        <h2 className="text-lg font-bold">{t("step1")}</h2>
        {groups.length === 0 ? <p className="text-lg text-stone-700">{tp("noRules")}</p> : <RulePicker groups={groups} value={ruleId} onChange={setRuleId} />}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-bold">{t("step2")}</h2>
        <div className="grid grid-cols-2 gap-2" role="group" aria-label={t("step2")}>
          {(["pick", "grid"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              className={`min-h-12 rounded-xl px-2 text-lg ring-1 ${mode === m ? "bg-brand font-bold text-white ring-brand" : "bg-white text-stone-800 ring-stone-300"}`}
              data-testid={`batch-mode-${m}`}
            >
              {t(`mode.${m}`)}
            </button>
          ))}
        </div>

        {mode === "grid" ? (
          <Field label={t("grid")}>
            <Select value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="batch-grid">
              <option value="">{t("gridPlaceholder")}</option>
              {grids.map((g) => (
                <option key={g.id} value={g.id}>
                  {t("gridOption", { name: g.name, count: g.households })}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <>
            <Input
              type="search"
              inputMode="search"
              maxLength={20}
              placeholder={tp("householdSearch")}
              aria-label={tp("householdSearch")}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="batch-search"
            />
            <p className="text-lg font-medium" aria-live="polite" data-testid="batch-picked">
              {t("picked", { count: picked.size })}
            </p>
            {shown.length || picked.size ? (
              <div className="flex gap-2">
                {shown.length ? (
                  <Button
                    type="button"
                    variant="secondary"
                    className="flex-1 whitespace-nowrap px-3 text-base"
                    onClick={() => pickShown(!allShownPicked)}
                    data-testid="batch-all"
                  >
                    {allShownPicked ? t("noneShown") : t("allShown", { count: shown.length })}
                  </Button>
                ) : null}
                {picked.size ? (
                  <Button type="button" variant="secondary" className="whitespace-nowrap px-3 text-base" onClick={() => setPicked(new Map())}>
                    {t("clear")}
                  </Button>
                ) : null}
              </div>
            ) : null}
            {list.isError ? <ErrorBox message={list.error.message} /> : null}
            {list.isPending ? <p className="text-base text-stone-600">{tc("loading")}</p> : null}
            {!list.isPending && shown.length === 0 && !list.isError ? <p className="text-base text-stone-600">{tp("householdNone")}</p> : null}
            <ul className={`max-h-[28rem] divide-y divide-stone-200 overflow-y-auto rounded-xl bg-white ring-1 ring-stone-300 ${list.isFetching && !list.isFetchingNextPage ? "opacity-60" : ""}`}>
              {shown.map((h) => (
                <li key={h.id}>
                  <label className="flex min-h-12 cursor-pointer items-center gap-3 px-3 py-2 text-lg active:bg-stone-100">
                    <input type="checkbox" className="h-6 w-6 shrink-0 accent-brand" checked={picked.has(h.id)} onChange={() => toggle(h)} data-testid="batch-household" />
                    <span className="min-w-0 flex-1">
                      <span className="font-bold">{h.number}</span> {h.headName}
                    </span>
                    <span className="text-base text-stone-500">{h.grid?.name ?? ""}</span>
                  </label>
                </li>
              ))}
            </ul>
            {list.hasNextPage ? (
              <Button type="button" variant="secondary" className="w-full" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                {list.isFetchingNextPage ? tc("loading") : tc("more")}
              </Button>
            ) : null}
          </>
        )}
        {count > batchMax ? <ErrorBox message={t("tooMany", { max: batchMax })} /> : null}
      </Card>

      <ReasonEvidence
        title={t("step3")}
        reason={reason}
        onReason={setReason}
        reasonMax={reasonMax}
        placeholder={t("reasonPlaceholder")}
        evidenceUrl={evidenceUrl}
        onEvidenceUrl={setEvidenceUrl}
        evidenceRequired={!!rule?.evidenceRequired}
        testIdPrefix="batch"
      />

      <ErrorBox message={batch.error?.message} />
      <ConfirmButton
        variant="primary"
        className="w-full"
        label={rule && count ? t("submitWith", { count, points: signed(rule.points) }) : t("submit")}
        question={rule ? t("confirm", { count, code: rule.code, title: rule.title, points: signed(rule.points) }) : ""}
        disabled={!ready}
        busy={batch.isPending}
        onConfirm={() => {
          if (!rule) return;
          batch.mutate({
            ruleId: rule.id,
            reason: reason.trim(),
            evidenceUrl: evidenceUrl.trim() || null,
            idempotencyKey: key,
            ...(mode === "grid" ? { gridId } : { householdIds: [...picked.keys()] }),
          });
        }}
        testId="batch-submit"
      />
      {!ready ? <p className="text-center text-base text-stone-600">{t("missing")}</p> : null}
    </div>
  );
}
