import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DecideRequest } from "@/components/council/motion-close-controls";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { outcomeOfResult } from "@/server/modules/council/motion.view";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 表决监督: pending early-close / cancel requests to confirm or refuse, then every vote read-only with turnout and result. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, list, requests] = await Promise.all([getTranslations("votes"), getLocale(), caller.motion.list(), caller.motion.requests()]);
  const titleOf = new Map(list.items.map((m) => [m.id, m]));
  return (
    <div className="space-y-4">
      <Link href="/s" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("supervise.back")}
      </Link>
      <PageTitle>{t("supervise.title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("supervise.intro")}</p>
      <section className="space-y-3" data-testid="supervise-requests">
        <h2 className="text-xl font-bold text-stone-900">{t("supervise.requestsTitle")}</h2>
        {requests.length === 0 ? (
          <Card>
            <p className="text-lg text-stone-700" data-testid="requests-empty">
              {t("supervise.noRequests")}
            </p>
          </Card>
        ) : (
          requests.map((r) => {
            const m = titleOf.get(r.motionId);
            return (
              <Card key={r.id} data-testid="motion-request" className="ring-2 ring-amber-300">
                <p>
                  <Badge tone="amber">{t(`supervise.kind.${r.kind}`)}</Badge>
                </p>
                <h3 className="mt-1 text-lg font-bold text-stone-900">{m?.title ?? ""}</h3>
                {m ? (
                  <p className="text-lg text-stone-900" data-testid="request-turnout">
                    {t("staff.turnout", { voted: m.voted, total: m.electorate })} · {t("staff.closesAt", { date: formatDateTime(m.closesAt, locale) })}
                  </p>
                ) : null}
                <p className="mt-1 text-base text-stone-700">{t("staff.pendingBy", { name: r.requestedByName, date: formatDateTime(r.requestedAt, locale), reason: r.reason })}</p>
                <div className="mt-3">{r.mine ? <p className="text-base text-stone-700">{t("supervise.own")}</p> : <DecideRequest requestId={r.id} kind={r.kind} />}</div>
              </Card>
            );
          })
        )}
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-bold text-stone-900">{t("supervise.listTitle")}</h2>
        {list.items.length === 0 ? (
          <Card>
            <p className="text-lg text-stone-700">{t("supervise.empty")}</p>
          </Card>
        ) : (
          <ul className="space-y-3" data-testid="supervise-motions">
            {list.items.map((m) => {
              const result = outcomeOfResult(m.result);
              return (
                <li key={m.id}>
                  <Card data-testid="supervise-motion">
                    <p className="flex flex-wrap items-center gap-2">
                      <Badge tone={m.status === "OPEN" ? "brand" : m.status === "CANCELLED" ? "amber" : "stone"}>{t(`staff.status.${m.status}`)}</Badge>
                      {m.secret ? <Badge tone="amber">{t("board.secret")}</Badge> : null}
                    </p>
                    <h3 className="mt-1 text-lg font-bold text-stone-900">{m.title}</h3>
                    <p className="text-base text-stone-600">{t("staff.closesAt", { date: formatDateTime(m.closesAt, locale) })}</p>
                    {m.status !== "DRAFT" ? <p className="mt-1 text-lg font-medium text-stone-900">{t("staff.turnout", { voted: m.voted, total: m.electorate })}</p> : null}
                    {result ? (
                      <p className="mt-1 text-lg font-bold" data-testid="supervise-result">
                        {t("board.result", { outcome: t(`outcome.${result.outcome}`, { winner: result.winner }) })}
                      </p>
                    ) : null}
                    {m.earlyCloseReason ? <p className="text-base text-stone-700">{t("staff.earlyClosed", { reason: m.earlyCloseReason })}</p> : null}
                    {m.cancelReason !== null ? <p className="text-base font-medium text-stone-900">{t("staff.cancelledReason", { reason: m.cancelReason })}</p> : null}
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
