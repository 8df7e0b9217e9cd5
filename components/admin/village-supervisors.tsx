"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card, ErrorBox, PageTitle } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input } from "@/components/ui/field";
import { SupervisorHistory } from "@/components/duties/supervisor-history";

/**
 * 监督委员会 of one village, for the town: the current supervisors (remove) and the village's people
 * (appoint). Committee members and shopkeepers are shown but cannot be appointed; the server refuses
 * it too (ROLE_CONFLICT). Phones are masked.
 */
export function VillageSupervisors({ villageId }: { villageId: string }) {
  const t = useTranslations("supervisors");
  const tr = useTranslations("roles");
  const tc = useTranslations("app");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatter();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(id);
  }, [text]);
  const data = useQuery(trpc.supervisor.village.queryOptions({ villageId, query: query || undefined }, { placeholderData: (p) => p }));
  const set = useMutation(
    trpc.supervisor.set.mutationOptions({
      onSuccess: async (_r, input) => {
        const name = [...(data.data?.supervisors ?? []).map((s) => ({ id: s.userId, name: s.name })), ...(data.data?.people ?? [])].find(
          (p) => p.id === input.userId,
        )?.name;
        setMessage(input.enabled ? t("appointed", { name: name ?? "" }) : t("removed", { name: name ?? "" }));
        await queryClient.invalidateQueries({ queryKey: trpc.supervisor.village.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.supervisor.history.queryKey() });
      },
      onMutate: () => setMessage(null),
    }),
  );

  if (data.isPending) return <p className="text-lg text-stone-600">{tc("loading")}</p>;
  if (data.isError) return <ErrorBox message={data.error.message} />;
  const v = data.data;
  const supervisorIds = new Set(v.supervisors.map((s) => s.userId));
  const candidates = v.people.filter((p) => !supervisorIds.has(p.id));
  return (
    <div className="space-y-4" data-testid="village-supervisors-admin">
      <PageTitle>{t("title", { village: v.village.name })}</PageTitle>
      <p className="-mt-3 text-base text-stone-700">{t("hint")}</p>
      <ErrorBox message={set.error?.message} />
      {message ? (
        <p className="rounded-xl bg-green-50 px-4 py-2 text-base text-green-900 ring-1 ring-green-300" role="status" data-testid="supervisor-message">
          {message}
        </p>
      ) : null}
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("current")}</h2>
        {v.supervisors.length === 0 ? <p className="text-base text-stone-600">{t("none")}</p> : null}
        <ul className="divide-y divide-stone-200">
          {v.supervisors.map((s) => (
            <li key={s.userId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="current-supervisor">
              <span>
                <span className="text-lg font-medium">{s.name}</span> <span className="text-base text-stone-500">{s.phoneMasked}</span>
                <span className="block text-sm text-stone-500">{t("since", { date: format.dateTime(new Date(s.since), { year: "numeric", month: "numeric", day: "numeric" }) })}</span>
              </span>
              <ConfirmButton
                label={t("remove")}
                question={t("confirmRemove", { name: s.name })}
                busy={set.isPending && set.variables?.userId === s.userId}
                disabled={set.isPending}
                className="min-h-11 px-4 text-base"
                onConfirm={() => set.mutate({ villageId, userId: s.userId, enabled: false })}
                testId="remove-supervisor"
              />
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("candidates")}</h2>
        <Input
          type="search"
          inputMode="search"
          maxLength={20}
          aria-label={t("search")}
          placeholder={t("searchPlaceholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="supervisor-search"
        />
        <ul className="mt-2 divide-y divide-stone-200">
          {candidates.map((p) => {
            const conflict = p.roles.includes("COMMITTEE") || p.roles.includes("SHOPKEEPER");
            return (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="supervisor-candidate">
                <span>
                  <span className="text-lg font-medium">{p.name}</span> <span className="text-base text-stone-500">{p.phoneMasked}</span>
                  <span className="block text-sm text-stone-500">{p.roles.map((r) => tr(r as "VILLAGER")).join("、")}</span>
                </span>
                {conflict ? (
                  <span className="text-sm text-stone-600">{t("conflict")}</span>
                ) : (
                  <ConfirmButton
                    label={t("appoint")}
                    question={t("confirmAppoint", { name: p.name })}
                    variant="primary"
                    busy={set.isPending && set.variables?.userId === p.id}
                    disabled={set.isPending}
                    className="min-h-11 px-4 text-base"
                    onConfirm={() => set.mutate({ villageId, userId: p.id, enabled: true })}
                    testId="appoint-supervisor"
                  />
                )}
              </li>
            );
          })}
        </ul>
      </Card>
      <SupervisorHistory villageId={villageId} title={t("historyTitle")} empty={t("historyEmpty")} />
    </div>
  );
}
