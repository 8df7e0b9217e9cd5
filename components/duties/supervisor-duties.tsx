"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { HouseholdPicker, type PickedHousehold } from "@/components/points/household-picker";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input } from "@/components/ui/field";
import { SupervisorHistory } from "./supervisor-history";

/**
 * The supervisor's part of 我的: who sits on the village's supervisory committee, what the town
 * changed about it, and the households they must step aside from (declaring one, answering the
 * committee's proposals). The server checks all of it again.
 */
export function SupervisorDuties({ userId }: { userId: string }) {
  const t = useTranslations("duties");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const relations = useQuery(trpc.relation.list.queryOptions({ userId }));

  return (
    <div className="space-y-4" data-testid="supervisor-duties">
      <Card data-testid="village-supervisors">
        <h2 className="mb-2 text-lg font-bold">{t("supervisorsTitle")}</h2>
        {relations.isPending ? <p className="text-base text-stone-600">{tc("loading")}</p> : null}
        {relations.isError ? <ErrorBox message={t("loadError")} /> : null}
        {relations.data && relations.data.supervisors.length === 0 ? <p className="text-base text-stone-600">{t("supervisorsNone")}</p> : null}
        {relations.data?.supervisors.length ? (
          <ul className="flex flex-wrap gap-2">
            {relations.data.supervisors.map((s) => (
              <li key={s.userId} className="rounded-full bg-stone-100 px-3 py-1 text-lg" data-testid="supervisor-name">
                {s.name}
                {s.userId === userId ? t("you") : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card data-testid="my-relations">
        <h2 className="text-lg font-bold">{t("relationsTitle")}</h2>
        <p className="mb-2 text-base text-stone-600">{t("relationsHint")}</p>
        {relations.data && relations.data.items.length === 0 ? <p className="text-base text-stone-600">{t("relationsNone")}</p> : null}
        {relations.data?.items.length ? (
          <ul className="divide-y divide-stone-200">
            {relations.data.items.map((r) => (
              <RelationRow key={r.id} r={r} />
            ))}
          </ul>
        ) : null}
        <DeclareForm />
      </Card>

      <SupervisorHistory title={t("historyTitle")} empty={t("historyEmpty")} />
    </div>
  );
}

type RelationItem = {
  id: string;
  household: { number: string; headName: string };
  relation: string;
  status: "DECLARED" | "PROPOSED" | "CONFIRMED" | "DISPUTED";
  proposedByName: string | null;
};

function RelationRow({ r }: { r: RelationItem }) {
  const t = useTranslations("duties");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const answer = useMutation(
    trpc.relation.answer.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.relation.list.queryKey() }) }),
  );
  return (
    <li className="space-y-2 py-2" data-testid="relation-row" data-status={r.status} data-number={r.household.number}>
      <p className="text-lg">
        <span className="font-bold">{r.household.number}</span> {r.household.headName} · {r.relation}
      </p>
      <p className={`text-base ${r.status === "PROPOSED" ? "font-medium text-amber-800" : "text-stone-600"}`}>
        {t(`status.${r.status}`)}
        {r.proposedByName ? ` · ${t("proposedBy", { name: r.proposedByName })}` : ""}
      </p>
      {r.status === "PROPOSED" ? (
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            className="min-h-11 px-4 text-base"
            disabled={answer.isPending}
            onClick={() => answer.mutate({ id: r.id, answer: "CONFIRM" })}
            data-testid="relation-confirm"
          >
            {t("confirm")}
          </Button>
          <ConfirmButton
            label={t("dispute")}
            question={t("confirmDispute")}
            variant="secondary"
            busy={answer.isPending}
            className="min-h-11 px-4 text-base"
            onConfirm={() => answer.mutate({ id: r.id, answer: "DISPUTE" })}
            testId="relation-dispute"
          />
        </div>
      ) : null}
      <ErrorBox message={answer.error?.message} />
    </li>
  );
}

function DeclareForm() {
  const t = useTranslations("duties");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [household, setHousehold] = useState<PickedHousehold | null>(null);
  const [relation, setRelation] = useState("");
  const [done, setDone] = useState<string | null>(null);
  // a new picker after each declaration, so the old search text and results go away
  const [round, setRound] = useState(0);
  const declare = useMutation(
    trpc.relation.declare.mutationOptions({
      onSuccess: async () => {
        setDone(household ? t("declared", { number: household.number, head: household.headName }) : null);
        setHousehold(null);
        setRelation("");
        setRound((n) => n + 1);
        await queryClient.invalidateQueries({ queryKey: trpc.relation.list.queryKey() });
      },
    }),
  );
  const ok = !!household && relation.trim().length > 0 && !declare.isPending;
  return (
    <form
      className="mt-3 space-y-3 border-t border-stone-200 pt-3"
      data-testid="declare-relation"
      onSubmit={(e) => {
        e.preventDefault();
        if (household && ok) declare.mutate({ householdId: household.id, relation: relation.trim() });
      }}
    >
      <h3 className="text-base font-bold">{t("declareTitle")}</h3>
      <HouseholdPicker
        key={round}
        value={household}
        onChange={(h) => {
          setDone(null);
          setHousehold(h);
        }}
      />
      <Field label={t("relationLabel")}>
        <Input value={relation} maxLength={20} onChange={(e) => setRelation(e.target.value)} data-testid="relation-text" />
      </Field>
      <ErrorBox message={declare.error?.message} />
      {done ? (
        <p className="text-base text-green-800" role="status" data-testid="relation-declared">
          {done}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={!ok} data-testid="relation-submit">
        {t("declare")}
      </Button>
    </form>
  );
}
