import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { ZDecisionRule, ZValidityRule } from "@/server/modules/council/motion.rules";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** A village's votes for the town or county above it: turnout, rules, outcome; read-only, no household's choice. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, locale, caller] = await Promise.all([params, getTranslations("votes"), getLocale(), serverCaller()]);
  const view = await caller.motion.village({ villageId: id });
  return (
    <div className="space-y-4">
      <Link href={`/a/villages/${id}`} className="inline-flex min-h-12 items-center text-lg text-brand underline">
        ‹ {t("admin.back")}
      </Link>
      <PageTitle>{t("admin.title", { village: view.village.name })}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("admin.readOnly")}</p>
      {view.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700" data-testid="admin-motions-empty">
            {t("admin.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="admin-motions">
          {view.items.map((m) => {
            const validity = ZValidityRule.safeParse(m.validityRule);
            const decision = ZDecisionRule.safeParse(m.decisionRule);
            return (
              <li key={m.id}>
                <Card data-testid="admin-motion">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone={m.status === "OPEN" ? "brand" : m.status === "CANCELLED" ? "amber" : "stone"}>{t(`staff.status.${m.status}`)}</Badge>
                    {m.secret ? <Badge tone="amber">{t("board.secret")}</Badge> : null}
                  </p>
                  <h2 className="mt-1 text-lg font-bold text-stone-900">{m.title}</h2>
                  <p className="text-base text-stone-700">{m.question}</p>
                  <p className="mt-1 text-base text-stone-600">{t("staff.closesAt", { date: formatDateTime(m.closedAt ?? m.closesAt, locale) })}</p>
                  <p className="mt-1 text-lg font-medium text-stone-900">{t("staff.turnout", { voted: m.voted, total: m.electorate })}</p>
                  {validity.success && decision.success ? (
                    <p className="text-base text-stone-700">{t("admin.rules", { validity: t(`validity.${validity.data.kind}`), decision: t(`decision.${decision.data.kind}`) })}</p>
                  ) : null}
                  {m.outcome ? (
                    <p className="mt-1 text-lg font-bold" data-testid="admin-motion-result">
                      {t("board.result", { outcome: t(`outcome.${m.outcome.outcome}`, { winner: m.outcome.winner }) })}
                    </p>
                  ) : null}
                  {m.earlyReason ? <p className="text-base text-stone-700">{t("admin.early", { reason: m.earlyReason })}</p> : null}
                  {m.cancelReason !== null ? <p className="text-base font-medium text-stone-900">{t("admin.cancelled", { reason: m.cancelReason })}</p> : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
