"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { HouseholdPicker, type PickedHousehold } from "@/components/points/household-picker";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";

/**
 * For the committee: propose that a supervisor is related to a household (the supervisor confirms or
 * disputes it from their 我的), and see the village's relations with where each stands.
 */
export function ProposeRelation() {
  const t = useTranslations("duties");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.relation.list.queryOptions({}));
  const [userId, setUserId] = useState("");
  const [household, setHousehold] = useState<PickedHousehold | null>(null);
  const [relation, setRelation] = useState("");
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const propose = useMutation(
    trpc.relation.declare.mutationOptions({
      onSuccess: async (_r, input) => {
        setDone(t("proposed", { name: list.data?.supervisors.find((s) => s.userId === input.userId)?.name ?? "" }));
        setHousehold(null);
        setRelation("");
        setRound((n) => n + 1);
        await queryClient.invalidateQueries({ queryKey: trpc.relation.list.queryKey() });
      },
    }),
  );
  const ok = !!userId && !!household && relation.trim().length > 0 && !propose.isPending;
  return (
    <Card data-testid="propose-relation">
      <h2 className="text-lg font-bold">{t("proposeTitle")}</h2>
      <p className="mb-2 text-base text-stone-600">{t("proposeHint")}</p>
      {list.isPending ? <p className="text-base text-stone-600">{tc("loading")}</p> : null}
      {list.isError ? <ErrorBox message={t("loadError")} /> : null}
      {list.data && list.data.supervisors.length === 0 ? <p className="text-base text-stone-600">{t("supervisorsNone")}</p> : null}
      {list.data?.supervisors.length ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (ok && household) propose.mutate({ userId, householdId: household.id, relation: relation.trim() });
          }}
        >
          <Field label={t("pickSupervisor")}>
            <Select value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="propose-supervisor">
              <option value="">—</option>
              {list.data.supervisors.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <HouseholdPicker key={round} value={household} onChange={(h) => (setDone(null), setHousehold(h))} />
          <Field label={t("relationLabel")}>
            <Input value={relation} maxLength={20} onChange={(e) => setRelation(e.target.value)} data-testid="propose-relation-text" />
          </Field>
          <ErrorBox message={propose.error?.message} />
          {done ? (
            <p className="text-base text-green-800" role="status">
              {done}
            </p>
          ) : null}
          <Button type="submit" className="w-full" disabled={!ok} data-testid="propose-relation-submit">
            {t("propose")}
          </Button>
        </form>
      ) : null}
      {list.data?.items.length ? (
        <>
          <h3 className="mt-4 text-base font-bold">{t("relationsAll")}</h3>
          <ul className="divide-y divide-stone-200">
            {list.data.items.map((r) => (
              <li key={r.id} className="py-2" data-testid="village-relation" data-status={r.status}>
                <p className="text-lg">
                  {r.userName} — <span className="font-bold">{r.household.number}</span> {r.household.headName} · {r.relation}
                </p>
                <p className="text-base text-stone-600">{t(`status.${r.status}`)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
