import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PendingList } from "@/components/points/pending-list";
import { StatementLine } from "@/components/points/statement-line";
import { StatementMore } from "@/components/points/statement-more";
import { Card, PageTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * 我的积分: the household card (1户1张积分卡). Balance (what is left to spend; a debt shown plainly),
 * this month's and this year's score, entries on their way, then the statement newest first.
 * Everything is rendered on the server; only "load more" of the statement runs in the browser.
 */
export default async function VillagerHome() {
  const caller = await serverCaller();
  const [t, tp, summary] = await Promise.all([getTranslations(), getTranslations("points"), caller.points.summary()]);
  if (!summary) {
    return (
      <div className="space-y-4">
        <PageTitle>{t("home.villager.title")}</PageTitle>
        <Card>
          <p className="text-lg" data-testid="no-household">
            {t("home.villager.noHousehold")}
          </p>
        </Card>
      </div>
    );
  }
  const [pending, statement, household] = await Promise.all([
    caller.points.pending(),
    caller.points.statement({ take: 20 }),
    caller.household.mine(),
  ]);
  const debt = summary.balance < 0;

  return (
    <div className="space-y-4">
      <PageTitle>{t("home.villager.title")}</PageTitle>

      <Card className={debt ? "bg-red-50 ring-red-300" : "bg-gradient-to-br from-brand to-brand-dark text-white ring-0"}>
        <p className={`text-base ${debt ? "text-stone-700" : "opacity-90"}`}>
          {t("home.villager.household", { number: summary.household.number, head: summary.household.headName })}
        </p>
        <p className={`mt-3 text-base ${debt ? "text-stone-700" : "opacity-90"}`}>{tp("summary.balance")}</p>
        {debt ? (
          <>
            <p className="text-5xl font-bold text-red-700" data-testid="balance" data-balance={summary.balance}>
              {tp("summary.owe", { points: Math.abs(summary.balance) })}
            </p>
            <p className="mt-2 text-base text-red-800">{tp("summary.debt")}</p>
          </>
        ) : (
          <p className="text-5xl font-bold tabular-nums" data-testid="balance" data-balance={summary.balance}>
            {tp("summary.balanceValue", { points: summary.balance })}
          </p>
        )}
      </Card>

      <div className="grid grid-cols-2 gap-3">
        <ScoreBox label={tp("summary.monthScore")} score={summary.month} testId="month-score" />
        <ScoreBox label={tp("summary.yearScore")} score={summary.year} testId="year-score" />
      </div>

      {summary.pendingCount > 0 ? (
        <Link
          href="#pending"
          className="flex min-h-14 items-center gap-3 rounded-2xl bg-amber-50 px-4 text-lg text-amber-950 ring-1 ring-amber-300 active:bg-amber-100"
          data-testid="pending-link"
        >
          <Icon name="clock" className="h-6 w-6 shrink-0" />
          <span className="flex-1">{tp("summary.pending", { count: summary.pendingCount })}</span>
          <span aria-hidden="true">›</span>
        </Link>
      ) : null}

      <Link
        href="/v/affairs/publicity"
        className="flex min-h-14 items-center gap-3 rounded-2xl bg-paper px-4 text-lg text-stone-900 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
        data-testid="home-go-board"
      >
        <Icon name="megaphone" className="h-6 w-6 shrink-0 text-brand" />
        <span className="flex-1">{tp("board.title")}</span>
        <span aria-hidden="true" className="text-stone-400">
          ›
        </span>
      </Link>

      {pending.length ? (
        <Card>
          <h2 id="pending" className="scroll-mt-20 text-xl font-bold">
            {tp("pending.title")}
          </h2>
          <p className="text-base text-stone-600">{tp("pending.intro")}</p>
          <PendingList items={pending} />
        </Card>
      ) : null}

      <Card>
        <h2 className="text-xl font-bold">{tp("statement.title")}</h2>
        {statement.items.length === 0 ? (
          <p className="py-3 text-lg text-stone-700" data-testid="statement-empty">
            {tp("statement.empty")}
          </p>
        ) : (
          <>
            <ul className="divide-y divide-stone-200" data-testid="statement">
              {statement.items.map((l) => (
                <StatementLine key={l.id} line={l} />
              ))}
            </ul>
            {statement.nextCursor ? (
              <StatementMore
                cursor={statement.nextCursor}
                labels={{ loading: t("app.loading"), retry: t("app.retry"), more: t("app.more"), end: tp("statement.end") }}
              />
            ) : (
              <p className="py-3 text-center text-base text-stone-500" data-testid="statement-end">
                {tp("statement.end")}
              </p>
            )}
          </>
        )}
      </Card>

      {household ? (
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t("home.villager.members")}</h2>
          <ul className="divide-y divide-stone-200">
            {household.members.map((m) => (
              <li key={m.id} className="flex min-h-12 items-center justify-between">
                <span className="text-lg">{m.name}</span>
                <span className="text-base text-stone-600">{t(`relations.${m.relation}` as "relations.HEAD")}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

/** A period's score (earned − deducted): what rankings use; spending never lowers it. */
async function ScoreBox({ label, score, testId }: { label: string; score: { earned: number; deducted: number; score: number }; testId: string }) {
  const t = await getTranslations("points.summary");
  const tone = score.score < 0 ? "text-red-700" : "text-stone-900";
  return (
    <div className="rounded-2xl bg-paper p-3 shadow-sm ring-1 ring-stone-200">
      <p className="text-base text-stone-600">{label}</p>
      <p className={`text-3xl font-bold tabular-nums ${tone}`} data-testid={testId}>
        {score.score > 0 ? `+${score.score}` : score.score < 0 ? `−${Math.abs(score.score)}` : "0"}
      </p>
      <p className="text-sm text-stone-600">
        {t("earned", { points: score.earned })} · {t("deducted", { points: score.deducted })}
      </p>
    </div>
  );
}
