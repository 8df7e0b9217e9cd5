import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MotionAction } from "@/components/council/motion-form";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { outcomeOfResult } from "@/server/modules/council/motion.view";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 表决 for the committee: drafts to open, open votes with turnout only (never a running tally), results. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, list] = await Promise.all([getTranslations("votes"), getLocale(), caller.motion.list()]);
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
            return (
              <li key={m.id}>
                <Card data-testid="staff-motion">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone={m.status === "OPEN" ? "brand" : "stone"}>{t(`staff.status.${m.status}`)}</Badge>
                    {m.secret ? <Badge tone="amber">{t("board.secret")}</Badge> : null}
                  </p>
                  <h2 className="mt-1 text-lg font-bold text-stone-900">{m.title}</h2>
                  <p className="text-base text-stone-700">{m.question}</p>
                  {m.ruleBook ? (
                    <p className="mt-1 text-base font-medium text-stone-900" data-testid="motion-rulebook-line">
                      {t(`board.ruleBook.${m.ruleBook.state}`, { version: m.ruleBook.version, title: m.ruleBook.title })}
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
                  <div className="mt-3">
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
                    {m.status === "OPEN" ? <MotionAction id={m.id} action="close" /> : null}
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
