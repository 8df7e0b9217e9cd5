import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatDay } from "@/server/lib/village-time.schema";
import type { listCases } from "@/server/modules/mediation/mediation.service";
import { CloseCase, ConfirmAgreement, ConfirmPaper, FollowUp, RecordAgreement, RecordSession, ScheduleSession } from "./case-actions";

export type CaseView = Awaited<ReturnType<typeof listCases>>["items"][number];

/** One mediation case: parties and their confirmations, mediators, sessions, outcome; the reader's levers. */
export async function CaseCard({ c, full, href }: { c: CaseView; full: boolean; href?: string }) {
  const [t, locale] = await Promise.all([getTranslations("mediation"), getLocale()]);
  const open = c.status === "OPEN";
  return (
    <Card className="space-y-3" data-testid="mediation-case">
      <div>
        <p className="text-base text-stone-600">{t(`type.${c.type}`)}</p>
        <p className="text-xl font-bold" data-testid="mediation-status">
          {open && c.agreement ? t("agreedPending") : t(`status.${c.status}`)}
          {c.overdue ? <span className="ml-2 rounded-full bg-red-700 px-2 py-0.5 text-base text-white">{t("overdue")}</span> : null}
        </p>
        <p className="text-base text-stone-700">{t("deadline", { date: formatDay(c.deadlineAt, locale) })}</p>
      </div>
      <p className="text-lg break-words">{c.summary}</p>
      <div>
        <h3 className="text-base font-bold">{t("parties")}</h3>
        <ul className="space-y-1">
          {c.parties.map((p) => (
            <li key={p.householdId} className="flex flex-wrap items-center justify-between gap-2 text-lg">
              <span>{t("party", { number: p.number, head: p.headName })}</span>
              {c.agreement ? (
                <span className={p.confirmed ? "text-green-700" : "text-stone-500"}>{p.confirmed ? (p.channel === "PAPER" ? t("confirmedPaper") : t("confirmed")) : t("unconfirmed")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <p className="text-base">
        {t("mediators")}：{c.mediators.map((m) => m.name).join("、")}
      </p>
      {!full && href ? (
        <Link href={href} className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="mediation-case-link">
          {t("open")} ›
        </Link>
      ) : null}
      {full ? (
        <>
          <div className="space-y-2">
            <h3 className="text-base font-bold">{t("sessions")}</h3>
            {c.sessions.length === 0 ? <p className="text-base text-stone-600">{t("noSessions")}</p> : null}
            {c.sessions.map((s) => (
              <div key={s.id} className="space-y-1 border-t border-stone-100 pt-2" data-testid="mediation-session">
                <p className="text-lg font-medium">{t("sessionAt", { time: formatDateTime(s.startsAt, locale), place: s.place })}</p>
                {s.recordedAt ? (
                  <>
                    <p className="text-base">{t("attended", { list: s.attended.join("、") || "—" })}</p>
                    <p className="text-base break-words whitespace-pre-wrap">{s.notes}</p>
                  </>
                ) : c.isMediator && open ? (
                  <RecordSession caseId={c.id} sessionId={s.id} parties={c.parties} />
                ) : (
                  <p className="text-base text-stone-500">{t("notRecorded")}</p>
                )}
              </div>
            ))}
          </div>
          {c.agreement ? (
            <div className="rounded-xl bg-stone-50 p-3">
              <h3 className="text-base font-bold">{t("agreement")}</h3>
              <p className="text-lg break-words whitespace-pre-wrap" data-testid="mediation-agreement">
                {c.agreement}
              </p>
            </div>
          ) : null}
          {c.referralReason ? <p className="text-lg">{t("referral")}：{c.referralReason}</p> : null}
          {c.withdrawReason ? <p className="text-lg">{t("withdrawal")}：{c.withdrawReason}</p> : null}
          {c.followUpAt ? (
            <div>
              <h3 className="text-base font-bold">{t("followUp")}</h3>
              <p className="text-base">{t("followUpAt", { date: formatDay(c.followUpAt, locale) })}</p>
              <p className="text-lg break-words">{c.followUpNotes}</p>
            </div>
          ) : null}
          {c.canConfirm ? <ConfirmAgreement caseId={c.id} /> : null}
          {c.myHouseholdId && c.parties.find((p) => p.householdId === c.myHouseholdId)?.confirmed ? (
            <p className="text-lg font-medium text-green-700" data-testid="mediation-confirmed">
              ✓ {t("confirm.done")}
            </p>
          ) : null}
          {c.isMediator && open ? (
            <div className="space-y-4 border-t border-stone-200 pt-3">
              <ScheduleSession caseId={c.id} />
              {c.agreement ? (
                c.parties.filter((p) => !p.confirmed).map((p) => <ConfirmPaper key={p.householdId} caseId={c.id} householdId={p.householdId} number={p.number} />)
              ) : (
                <RecordAgreement caseId={c.id} />
              )}
              <CloseCase caseId={c.id} />
            </div>
          ) : null}
          {c.isMediator && c.status === "RESOLVED" ? <FollowUp caseId={c.id} /> : null}
        </>
      ) : null}
    </Card>
  );
}
