"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";
import { Card, ErrorBox } from "@/components/ui/card";

/**
 * The record of the town's appointments and removals of a village's supervisors, newest first. Without
 * `villageId` it is the caller's own village (supervisors, committee); the town passes the village it opened.
 */
export function SupervisorHistory({ villageId, title, empty }: { villageId?: string; title: string; empty: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const format = useFormatter();
  const history = useQuery(trpc.supervisor.history.queryOptions(villageId ? { villageId } : undefined));
  const when = (d: Date | string) => format.dateTime(new Date(d), { year: "numeric", month: "numeric", day: "numeric" });

  return (
    <Card data-testid="supervisor-history">
      <h2 className="mb-2 text-lg font-bold">{title}</h2>
      {history.isPending ? <p className="text-base text-stone-600">{t("app.loading")}</p> : null}
      {history.isError ? <ErrorBox message={t("duties.loadError")} /> : null}
      {history.data && history.data.length === 0 ? <p className="text-base text-stone-600">{empty}</p> : null}
      {history.data?.length ? (
        <ul className="divide-y divide-stone-200">
          {history.data.map((h) => (
            <HistoryRow key={h.id} h={h} date={when(h.at)} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function HistoryRow({ h, date }: { h: { action: string; person: string; by: string; byRole: string | null }; date: string }) {
  const t = useTranslations();
  const action = t(`audit.actions.${h.action}` as "audit.actions.supervisor.appoint");
  const role = h.byRole ? t(`roles.${h.byRole}` as "roles.VILLAGER") : "";
  return (
    <li className="py-2" data-testid="supervisor-history-row" data-action={h.action}>
      <p className="text-lg">{t("supervisors.historyLine", { by: h.by, role, action, person: h.person })}</p>
      <p className="text-sm text-stone-500">{date}</p>
    </li>
  );
}
