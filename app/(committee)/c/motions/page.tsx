import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CancelDraft, RequestClose, WithdrawRequest } from "@/components/council/motion-close-controls";
import { MotionAction } from "@/components/council/motion-form";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { outcomeOfResult, ruleBookLineKey } from "@/server/modules/council/motion.view";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 表决 for the committee: drafts to open, open votes with turnout only (never a running tally), results. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, list, requests] = await Promise.all([getTranslations("votes"), getLocale(), caller.motion.list(), caller.motion.requests()]);
  const pendingOf = new Map(requests.map((r) => [r.motionId, r]));
  return (
    <div className="space-y-4">
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("staff.backHome")}
      </Link>
      <PageTitle
        action={
          <Link href="/c/motions/new" className="inline-flex min-h-12 items-center rounded-xl bg-brand px-4 text-lg font-medium text-white" data-testid="motion-new">
            + {t("staff.new")}
          </Link>
        }
      >
        {t("staff.title")}
      </PageTitle>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700" data-testid="motions-empty">
            {t("staff.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="staff-motions">
          {list.items.map((m) => {
            const result = outcomeOfResult(m.result);
            const pending = pendingOf.get(m.id);
            const allVoted = m.electorate > 0 && m.voted >= m.electorate;
            return (
              <li key={m.id}>
                <Card data-testid="staff-motion">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone={m.status === "OPEN" ? "brand" : m.status === "CANCELLED" ? "amber" : "stone"}>{t(`staff.status.${m.status}`)}</Badge>
                    {m.secret ? <Badge tone="amber">{t("board.secret")}</Badge> : null}
                  </p>
                  <h2 className="mt-1 text-lg font-bold text-stone-900">{m.title}</h2>
                  <p className="text-base text-stone-700">{m.question}</p>
                  {m.ruleBook ? (
                    <p className="mt-1 text-base font-medium text-stone-900" data-testid="motion-rulebook-line">
                      {t(`board.ruleBook.${ruleBookLineKey(m.ruleBook)}`, { version: m.ruleBook.version, title: m.ruleBook.title })}
                    </p>
                  ) : null}
                  <p className="mt-1 text-base text-stone-600">{t("staff.closesAt", { date: formatDateTime(m.closesAt, locale) })}</p>
                  {m.status !== "DRAFT" ? (
                    <p className="mt-1 text-lg font-medium text-stone-900" data-testid="motion-turnout">
                      {t("staff.turnout", { voted: m.voted, total: m.electorate })}
                    </p>
                  ) : null}
                  {m.status === "OPEN" && m.secret ? <p className="text-base text-stone-600">{t("staff.secretHidden")}</p> : null}
                  {result ? (
                    <p className="mt-1 text-lg font-bold" data-testid="motion-result">
                      {t("board.result", { outcome: t(`outcome.${result.outcome}`, { winner: result.winner }) })}
                    </p>
                  ) : null}
                  {m.cancelReason !== null ? (
                    <p className="mt-1 text-lg font-bold" data-testid="motion-cancelled">
                      {t("staff.cancelledReason", { reason: m.cancelReason })}
                    </p>
                  ) : null}
                  {m.earlyCloseReason ? <p className="mt-1 text-base text-stone-700">{t("staff.earlyClosed", { reason: m.earlyCloseReason })}</p> : null}
                  {pending ? (
                    <div className="mt-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-300" data-testid="motion-pending">
                      <p className="text-lg font-medium text-amber-950">{t(`staff.pending.${pending.kind}`)}</p>
                      <p className="text-base text-stone-700">{t("staff.pendingBy", { name: pending.requestedByName, date: formatDateTime(pending.requestedAt, locale), reason: pending.reason })}</p>
                      {pending.mine ? (
                        <div className="mt-2">
                          <WithdrawRequest requestId={pending.id} />
                        </div>
                      ) : null}
                    </div>
                  ) : null}
                  <div className="mt-3 space-y-2">
                    {m.status === "DRAFT" ? <MotionAction id={m.id} action="open" /> : null}
                    {m.status === "OPEN" ? (
                      <Link
                        href={`/c/motions/${m.id}/paper`}
                        className="mb-2 inline-flex min-h-12 w-full items-center justify-center rounded-xl border border-brand px-4 text-lg font-medium text-brand"
                        data-testid="motion-paper"
                      >
                        {t("paper.link")}
                      </Link>
                    ) : null}
                    {m.status === "DRAFT" ? <CancelDraft id={m.id} /> : null}
                    {m.status === "OPEN" && allVoted ? <MotionAction id={m.id} action="close" /> : null}
                    {m.status === "OPEN" && !allVoted && !pending ? <RequestClose id={m.id} /> : null}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
