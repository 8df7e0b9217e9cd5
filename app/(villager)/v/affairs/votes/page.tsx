import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Ballot } from "@/components/council/ballot";
import { Card, PageTitle } from "@/components/ui/card";
import { outcomeOfResult, ruleBookLineKey, timeLeft } from "@/server/modules/council/motion.view";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村民表决 for villagers: open votes first with a big ballot and the time left, then results. */
export default async function VotesPage() {
  const caller = await serverCaller();
  const [t, locale, board] = await Promise.all([getTranslations("votes"), getLocale(), caller.motion.board()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("board.back")}
      </Link>
      <PageTitle>{t("board.title")}</PageTitle>
      <p className="-mt-2 text-lg text-stone-700">{t("board.intro")}</p>
      {board.items.length === 0 ? (
        <Card>
          <p className="py-2 text-lg text-stone-700" data-testid="votes-empty">
            {t("board.empty")}
          </p>
        </Card>
      ) : (
        <ul className="space-y-4" data-testid="vote-board">
          {board.items.map((m) => {
            const left = timeLeft(m.msLeft);
            const result = outcomeOfResult(m.result);
            return (
              <li key={m.id}>
                <Card data-testid="vote-item" className={m.open ? "ring-2 ring-brand" : ""}>
                  <p className="flex flex-wrap items-center gap-2 text-base">
                    <span className={`rounded-full px-2 py-0.5 font-bold ${m.open ? "bg-brand text-white" : "bg-stone-200 text-stone-800"}`}>
                      {m.open ? t("board.open") : m.cancelled ? t("board.cancelled") : t("board.closed")}
                    </span>
                    {m.secret ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">{t("board.secret")}</span> : null}
                    {m.byPerson ? <span className="rounded-full bg-stone-100 px-2 py-0.5 text-stone-800">{t("board.byPerson")}</span> : null}
                  </p>
                  <h2 className="mt-2 text-2xl font-bold text-stone-900">{m.title}</h2>
                  <p className="mt-1 whitespace-pre-line text-xl text-stone-800">{m.question}</p>
                  {m.ruleBook ? (
                    <p className="mt-1 text-lg font-medium text-stone-900" data-testid="motion-rulebook-line">
                      {t(`board.ruleBook.${ruleBookLineKey(m.ruleBook)}`, { version: m.ruleBook.version, title: m.ruleBook.title })}
                    </p>
                  ) : null}
                  {m.open ? (
                    <p className="mt-2 text-xl font-bold text-brand" data-testid="vote-time-left">
                      {t("board.timeLeft", { time: t(`left.${left.unit}`, left) })}
                      <span className="ml-2 text-base font-normal text-stone-600">{t("board.closesAt", { date: formatDateTime(m.closesAt, locale) })}</span>
                    </p>
                  ) : null}
                  <div className="mt-3">
                    {m.votedAt ? (
                      <p className="rounded-xl bg-green-50 p-3 text-xl font-bold text-green-900" data-testid="vote-done">
                        {m.myChoice
                          ? t(m.byPerson ? "board.votedPerson" : "board.voted", { choice: m.myChoice })
                          : t(m.byPerson ? "board.votedSecretPerson" : "board.votedSecret", { date: formatDateTime(m.votedAt, locale) })}
                      </p>
                    ) : !m.inElectorate ? (
                      <p className="text-lg text-stone-700" data-testid="vote-not-elector">
                        {t("board.notElector")}
                      </p>
                    ) : m.open ? (
                      <Ballot motionId={m.id} options={m.options} />
                    ) : null}
                  </div>
                  <p className="mt-3 text-base text-stone-600">{t("board.turnout", { voted: m.voted, total: m.electorate })}</p>
                  {m.cancelled ? (
                    <p className="mt-2 text-xl font-bold text-stone-900" data-testid="vote-cancelled">
                      {t("board.cancelledReason", { reason: m.cancelReason ?? "" })}
                      {m.resultNoticeId ? (
                        <Link href={`/v/affairs/notices/${m.resultNoticeId}`} className="ml-2 text-lg font-normal text-brand underline">
                          {t("board.resultNotice")}
                        </Link>
                      ) : null}
                    </p>
                  ) : null}
                  {m.earlyCloseReason ? (
                    <p className="mt-2 text-lg text-stone-800" data-testid="vote-early">
                      {t("board.earlyClosed", { reason: m.earlyCloseReason })}
                    </p>
                  ) : null}
                  {result ? (
                    <p className="mt-2 text-xl font-bold text-stone-900" data-testid="vote-result">
                      {t("board.result", { outcome: t(`outcome.${result.outcome}`, { winner: result.winner }) })}
                      {m.resultNoticeId ? (
                        <Link href={`/v/affairs/notices/${m.resultNoticeId}`} className="ml-2 text-lg font-normal text-brand underline">
                          {t("board.resultNotice")}
                        </Link>
                      ) : null}
                    </p>
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
