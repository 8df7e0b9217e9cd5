import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatDay } from "@/server/lib/village-time.schema";
import { AwardStatusBadge, PointsFigure } from "./status-badge";
import type { Trail } from "./types";

type StepState = "done" | "now" | "pending" | "stopped";

/** One step of the entry's life (申报 → 审核 → 公示 → 生效), drawn as a numbered line with its state. */
function Step({ n, title, state, children, testId }: { n: number; title: string; state: StepState; children?: React.ReactNode; testId?: string }) {
  const dot = {
    done: "bg-green-700 text-white",
    now: "bg-amber-500 text-white",
    pending: "bg-stone-200 text-stone-600",
    stopped: "bg-stone-500 text-white",
  }[state];
  return (
    <li className="relative flex gap-3 pb-4 last:pb-0" data-testid={testId} data-state={state}>
      <span className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-base font-bold ${dot}`} aria-hidden="true">
        {n}
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <p className={`text-lg font-bold ${state === "pending" ? "text-stone-500" : "text-stone-900"}`}>{title}</p>
        <div className="space-y-1 text-base text-stone-700">{children}</div>
      </div>
    </li>
  );
}

/**
 * The full trail behind one entry (积分来历): what it is for, under which version of the rule book
 * (and how that version was adopted), who proposed and who approved it, its public-notice window,
 * objections with their answers, the ledger transaction with the start of its check hash, and any
 * reversal. Villagers and staff read the same trail; staff also see the evidence link and who objected.
 */
export function AwardTrail({ trail, staff = false, children }: { trail: Trail; staff?: boolean; children?: React.ReactNode }) {
  const t = useTranslations("points");
  const tc = useTranslations("rules.category");
  const locale = useLocale();
  const a = trail.award;
  const dt = (d: Date | string) => formatDateTime(d, locale);
  const reviewed = !!a.reviewedBy;
  // Some entries skip review by the village's choice (e.g. small event check-in awards).
  const noReview = !reviewed && a.status !== "PROPOSED" && a.status !== "REJECTED";
  const rejected = a.status === "REJECTED";
  const overturned = a.status === "OVERTURNED";
  const final = a.status === "FINAL" || a.status === "REVERSED";

  return (
    <div className="space-y-4" data-testid="award-trail">
      <Card>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <AwardStatusBadge status={a.status} />
            <h1 className="mt-2 text-2xl font-bold leading-snug text-stone-900" data-testid="trail-rule-title">
              {a.rule.title}
            </h1>
            <p className="mt-1 text-base text-stone-600">
              {a.rule.code} · {tc(a.rule.category as "OTHER")}
            </p>
          </div>
          <PointsFigure points={a.points} className="text-4xl" />
        </div>
        <p className="mt-3 text-lg text-stone-800">{t("trail.household", { number: a.household.number, head: a.household.headName })}</p>
        {a.member ? <p className="text-lg text-stone-800">{t("trail.member", { name: a.member.name })}</p> : null}
        <p className="mt-2 rounded-xl bg-stone-50 p-3 text-lg text-stone-900" data-testid="trail-reason">
          {a.reason}
        </p>
        {staff && a.evidenceUrl ? (
          <a href={a.evidenceUrl} target="_blank" rel="noreferrer noopener" className="mt-2 inline-flex min-h-11 items-center text-lg text-brand underline">
            {t("trail.evidence")}
          </a>
        ) : null}
      </Card>

      <Card>
        <h2 className="text-lg font-bold">{t("trail.basis")}</h2>
        <p className="mt-1 text-lg text-stone-900" data-testid="trail-rule">
          {t("trail.rule", { code: a.rule.code, title: a.rule.title })}
        </p>
        {trail.ruleBook ? (
          <div data-testid="trail-rulebook">
            <p className="mt-1 text-base text-stone-800">
              {trail.ruleBook.title} · {t("trail.version", { version: trail.ruleBook.version })}
            </p>
            {trail.ruleBook.adoptedAt ? (
              <p className="text-base text-stone-700">{t("trail.adoptedOn", { date: formatDay(trail.ruleBook.adoptedAt, locale) })}</p>
            ) : null}
            {trail.ruleBook.vote ? (
              <p className="text-base text-stone-800" data-testid="trail-vote">
                {t("trail.adoptedByVote", { date: formatDay(trail.ruleBook.vote.closedAt, locale), yes: trail.ruleBook.vote.yes, voted: trail.ruleBook.vote.voted })}
              </p>
            ) : null}
            {trail.ruleBook.adoptedBy ? <p className="text-base text-stone-600">{trail.ruleBook.adoptedBy}</p> : null}
          </div>
        ) : null}
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("trail.steps")}</h2>
        <ol>
          <Step n={1} title={t("trail.proposed")} state="done" testId="trail-proposed">
            <p>{t("trail.proposedBy", { name: a.proposedBy.name, date: dt(a.proposedAt) })}</p>
            <p className="text-stone-600">{t(`source.${a.source}` as "source.MANUAL")}</p>
          </Step>
          <Step
            n={2}
            title={rejected ? t("trail.rejected") : reviewed ? t("trail.reviewed") : t("trail.review")}
            state={rejected ? "stopped" : reviewed || noReview ? "done" : "now"}
            testId="trail-reviewed"
          >
            {a.reviewedBy ? (
              <p>{t("trail.reviewedBy", { name: a.reviewedBy.name, date: a.reviewedAt ? dt(a.reviewedAt) : "" })}</p>
            ) : (
              <p>{noReview ? t("trail.noReview") : t("trail.awaitingReview")}</p>
            )}
            {a.reviewNote ? <p className="text-stone-900">{t("trail.note", { note: a.reviewNote })}</p> : null}
          </Step>
          {rejected ? null : (
            <Step
              n={3}
              title={t("trail.publicity")}
              state={a.notice ? (a.notice.windowOpen || (a.status === "IN_NOTICE" && a.openObjections > 0) ? "now" : "done") : "pending"}
              testId="trail-publicity"
            >
              {a.notice ? (
                <>
                  <p>{t("trail.window", { from: dt(a.notice.publishedAt), to: dt(a.notice.closesAt) })}</p>
                  <p className="text-stone-600">{a.notice.title}</p>
                </>
              ) : (
                <p>{t("trail.notYetPublished")}</p>
              )}
              {trail.objections.length ? (
                <ul className="mt-2 space-y-2" data-testid="trail-objections">
                  {trail.objections.map((o) => (
                    <li key={o.id} className="rounded-xl bg-stone-50 p-3 ring-1 ring-stone-200" data-testid="trail-objection">
                      <p className="flex flex-wrap items-center justify-between gap-2">
                        <span className="font-medium text-stone-900">
                          {o.mine ? t("trail.objectionMine") : staff && o.objectorName ? o.objectorName : t("trail.objectionBy")} · {dt(o.createdAt)}
                        </span>
                        <span className="text-sm font-medium text-stone-700">{t(`objectionStatus.${o.status}` as "objectionStatus.OPEN")}</span>
                      </p>
                      <p className="mt-1 text-stone-900">{o.reason}</p>
                      {o.answer ? (
                        <p className="mt-2 border-l-4 border-brand pl-2 text-stone-900" data-testid="trail-objection-answer">
                          {t("trail.answer", { name: o.ruledByName ?? "", answer: o.answer })}
                        </p>
                      ) : (
                        <p className="mt-1 text-stone-600">{t("trail.awaitingAnswer")}</p>
                      )}
                    </li>
                  ))}
                </ul>
              ) : a.notice ? (
                <p className="text-stone-600">{t("trail.noObjections")}</p>
              ) : null}
            </Step>
          )}
          {rejected ? null : (
            <Step
              n={4}
              title={overturned ? t("trail.overturned") : t("trail.final")}
              state={overturned ? "stopped" : final ? "done" : "pending"}
              testId="trail-final"
            >
              {overturned ? <p>{t("trail.overturnedBody")}</p> : null}
              {a.finalAt ? <p>{t("trail.finalAt", { date: dt(a.finalAt) })}</p> : null}
              {!final && !overturned ? <p>{t("trail.notYetFinal")}</p> : null}
              {trail.ledger ? (
                <p className="break-all text-stone-600" data-testid="trail-ledger">
                  {t("trail.ledger", { id: trail.ledger.transactionId, seq: trail.ledger.seq, hash: trail.ledger.hashPrefix })}
                </p>
              ) : null}
            </Step>
          )}
          {trail.reversal || a.status === "REVERSED" ? (
            <Step n={5} title={t("trail.reversedTitle")} state="stopped" testId="trail-reversal">
              {trail.reversal ? (
                <>
                  <p>{t("trail.reversedBy", { name: trail.reversal.actorName, date: dt(trail.reversal.createdAt) })}</p>
                  <p className="text-stone-900">{t("trail.reversedReason", { reason: trail.reversal.reason })}</p>
                  <p className="break-all text-stone-600">
                    {t("trail.ledger", { id: trail.reversal.transactionId, seq: trail.reversal.seq, hash: trail.reversal.hashPrefix })}
                  </p>
                </>
              ) : null}
            </Step>
          ) : null}
        </ol>
      </Card>
      {children}
    </div>
  );
}
