import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PaperOpenEntry, PaperSecretEntry } from "@/components/council/paper-entry";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/stat";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** 录入纸质票: the secretary enters the paper ballots handed in at a meeting; the roll shows who voted and how (app or paper), never what. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const [t, tv, locale, sheet] = await Promise.all([getTranslations("votes.paper"), getTranslations("votes"), getLocale(), caller.motion.paperSheet({ motionId: id })]);
  const voters = sheet.electors.map((e) => ({ id: e.id, name: e.name, householdNumber: e.householdNumber, byPerson: e.byPerson, voted: !!e.votedAt }));
  const props = { motionId: id, options: sheet.motion.options, voters, meetings: sheet.meetings.map((m) => ({ id: m.id, title: m.title })) };
  return (
    <div className="space-y-4">
      <Link href="/c/motions" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        <p className="flex flex-wrap gap-2">{sheet.motion.secret ? <Badge tone="amber">{tv("board.secret")}</Badge> : null}</p>
        <h2 className="mt-1 text-lg font-bold text-stone-900" data-testid="paper-motion">
          {sheet.motion.title}
        </h2>
        <p className="text-base text-stone-700">{sheet.motion.question}</p>
        <p className="mt-1 text-lg font-medium text-stone-900" data-testid="paper-turnout">
          {t("voted", { voted: sheet.voted, total: sheet.electors.length })}
        </p>
      </Card>
      <Card>
        {!sheet.open ? (
          <p className="text-lg text-stone-700" data-testid="paper-closed">
            {t("closed")}
          </p>
        ) : sheet.motion.secret ? (
          <PaperSecretEntry {...props} />
        ) : (
          <PaperOpenEntry {...props} />
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-bold text-stone-900">{t("roll")}</h2>
        {sheet.electors.length === 0 ? (
          <p className="text-lg text-stone-700">{t("empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200" data-testid="paper-roll">
            {sheet.electors.map((e) => (
              <li key={e.id} className="flex min-h-12 flex-wrap items-center justify-between gap-2 py-2 text-lg">
                <span>{e.byPerson ? `${e.name}（${e.householdNumber}）` : `${e.householdNumber} ${e.name}`}</span>
                <span className={e.votedAt ? "text-stone-900" : "text-stone-500"}>
                  {e.votedAt ? t(e.channel === "PAPER" ? "votedPaper" : "votedApp", { at: formatDateTime(e.votedAt, locale) }) : t("notVoted")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
