import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BoardEntry } from "@/components/points/board-entry";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { ObjectionForm } from "@/components/points/objection-form";
import { PointsFigure } from "@/components/points/status-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { SettingChanges } from "@/components/village/setting-changes";
import { OBJECTION_REASON_MAX } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** Entries that became final shown before the rest is folded away. */
const FINAL_SHOWN = 10;

/**
 * 积分公示: what is on public notice in the village now (anyone may object while the window is
 * open, once per household), the answers to my objections, and what became final recently.
 */
export default async function PublicityBoardPage() {
  const caller = await serverCaller();
  const [t, ts, locale, board] = await Promise.all([getTranslations("points"), getTranslations("settings"), getLocale(), caller.publicity.board()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="board-back">
        ‹ {t("board.back")}
      </Link>
      <PageTitle>{t("board.title")}</PageTitle>
      <p className="-mt-2 text-lg text-stone-700">{t("board.intro", { days: board.noticeDays })}</p>

      {board.settingChanges.length ? (
        <Card className="border-l-4 border-amber-400" data-testid="board-setting-changes">
          <h2 className="text-xl font-bold">{ts("boardTitle")}</h2>
          <p className="text-base text-stone-700">{ts("boardIntro")}</p>
          <SettingChanges changes={board.settingChanges} locale={locale} testId="board-settings" />
        </Card>
      ) : null}

      <Card>
        <h2 className="text-xl font-bold">
          {t("board.inNotice")} <span className="text-base font-normal text-stone-600">{t("board.count", { count: board.inNotice.length })}</span>
        </h2>
        {board.inNotice.length === 0 ? (
          <p className="py-3 text-lg text-stone-700" data-testid="board-empty">
            {t("board.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200" data-testid="board-in-notice">
            {board.inNotice.map((e) => (
              <BoardEntry key={e.id} entry={e}>
                {e.householdObjected ? (
                  <p className="mt-2 rounded-xl bg-stone-100 p-3 text-lg font-medium text-stone-800" data-testid="objected">
                    {t("board.objected")}
                  </p>
                ) : e.windowOpen ? (
                  <ObjectionForm
                    awardId={e.id}
                    max={OBJECTION_REASON_MAX}
                    label={t("objection.openFor", { number: e.household.number, rule: e.rule.title })}
                  />
                ) : null}
              </BoardEntry>
            ))}
          </ul>
        )}
      </Card>

      {board.myObjections.length ? (
        <Card>
          <h2 className="text-xl font-bold">{t("board.myObjections")}</h2>
          <ul className="divide-y divide-stone-200" data-testid="my-objections">
            {board.myObjections.map((o) => (
              <li key={o.id} className="py-3" data-testid="my-objection">
                {o.entry ? (
                  <div className="flex items-start justify-between gap-3">
                    <p className="min-w-0 text-lg text-stone-900">
                      {t("board.household", { number: o.entry.household.number, head: o.entry.household.headName })} · {o.entry.rule.title}
                    </p>
                    <PointsFigure points={o.entry.points} className="text-xl" />
                  </div>
                ) : null}
                <p className="mt-1 text-base text-stone-800">{t("board.myReason", { reason: o.reason })}</p>
                <p className="mt-1 text-base text-stone-600">
                  <span className="font-medium text-stone-900">{t(`objectionStatus.${o.status}` as "objectionStatus.OPEN")}</span> ·{" "}
                  {t("board.raisedOn", { date: formatDateTime(o.createdAt, locale) })}
                </p>
                {o.answer ? (
                  <p className="mt-1 border-l-4 border-brand pl-2 text-lg text-stone-900" data-testid="my-objection-answer">
                    {t("board.answer", { answer: o.answer })}
                  </p>
                ) : (
                  <p className="mt-1 text-base text-stone-600">{t("board.awaitingAnswer")}</p>
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card>
        <h2 className="text-xl font-bold">{t("board.recentFinal", { days: board.recentFinalDays })}</h2>
        {board.recentFinal.length === 0 ? (
          <p className="py-3 text-lg text-stone-700">{t("board.noneFinal")}</p>
        ) : (
          <>
            <ul className="divide-y divide-stone-200" data-testid="board-final">
              {board.recentFinal.slice(0, FINAL_SHOWN).map((e) => (
                <BoardEntry key={e.id} entry={e} final />
              ))}
            </ul>
            {board.recentFinal.length > FINAL_SHOWN ? (
              // The rest folded away without any script: a long list costs a weak phone nothing until opened.
              <details className="group border-t border-stone-200">
                <summary className="flex min-h-12 cursor-pointer list-none items-center justify-center text-lg text-brand group-open:hidden">
                  {t("board.showAll", { count: board.recentFinal.length - FINAL_SHOWN })}
                </summary>
                <ul className="divide-y divide-stone-200">
                  {board.recentFinal.slice(FINAL_SHOWN).map((e) => (
                    <BoardEntry key={e.id} entry={e} final />
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
