import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { LinkTile } from "@/components/ui/link-tile";
import { VillageSummaryView } from "@/components/village/village-summary";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村委会工作台: the village at a glance and the committee's everyday shortcuts. */
export default async function CommitteeHome() {
  const caller = await serverCaller();
  const [t, tp, tn, tv, tm, summary, awards, matters] = await Promise.all([
    getTranslations(),
    getTranslations("points"),
    getTranslations("notices"),
    getTranslations("votes"),
    getTranslations("matters"),
    caller.village.summary(),
    caller.award.list({ take: 1 }),
    caller.matter.queue(),
  ]);
  const proposed = awards.counts.PROPOSED ?? 0;
  const approved = awards.counts.APPROVED ?? 0;
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.committee.title")}</PageTitle>
      <p className="-mt-3 text-base text-stone-600">{summary.villageName}</p>

      <section aria-labelledby="points-h">
        <h2 id="points-h" className="mb-2 text-lg font-bold">
          {tp("home.points")}
        </h2>
        <div className="mb-3 grid grid-cols-2 gap-3">
          <CountLink href="/c/awards?status=PROPOSED" label={tp("home.awaitingReview")} count={proposed} testId="count-proposed" />
          <CountLink href="/c/publicity" label={tp("home.awaitingPublish")} count={approved} testId="count-approved" />
          <CountLink href="/c/matters" label={tm("staff.openCount", { count: matters.open })} count={matters.open} testId="count-matters-open" />
          <CountLink href="/c/matters" label={tm("staff.homeOverdue")} count={matters.overdue} testId="count-matters-overdue" alert />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <LinkTile href="/c/awards/new" icon="plus" label={tp("home.propose")} testId="go-propose" />
          <LinkTile href="/c/awards/batch" icon="users" label={tp("home.batch")} testId="go-batch" />
          <LinkTile href="/c/publicity" icon="megaphone" label={tp("home.publicity")} testId="go-publicity" />
          <LinkTile href="/c/rules" icon="scroll" label={tp("home.rules")} testId="go-rules" />
          <LinkTile href="/c/notices" icon="megaphone" label={tn("staff.title")} testId="go-notices" />
          <LinkTile href="/c/motions" icon="check" label={tv("staff.title")} testId="go-motions" />
          <LinkTile href="/c/bodies" icon="users" label={t("bodies.tile")} testId="go-bodies" />
          <LinkTile href="/c/meetings" icon="users" label={t("meetings.tile")} testId="go-meetings" />
          <LinkTile href="/c/matters" icon="megaphone" label={tm("staff.tile")} testId="go-matters" />
          <LinkTile href="/c/mediation" icon="users" label={t("mediation.tile")} testId="go-mediation" />
        </div>
        <Link href="/c/awards" className="mt-2 inline-flex min-h-11 items-center text-lg text-brand" data-testid="go-awards">
          {tp("home.allAwards")} ›
        </Link>
      </section>

      <section aria-labelledby="quick">
        <h2 id="quick" className="mb-2 text-lg font-bold">
          {t("home.committee.quick")}
        </h2>
        <div className="grid grid-cols-2 gap-3">
          <LinkTile href="/c/households" icon="users" label={t("home.committee.households")} testId="go-households" />
          <LinkTile href="/c/households/new" icon="plus" label={t("home.committee.newHousehold")} testId="go-new-household" />
          <LinkTile href="/c/households/import" icon="upload" label={t("home.committee.import")} testId="go-import" />
          <LinkTile href="/c/accounts" icon="key" label={t("home.committee.accounts")} testId="go-accounts" />
          <LinkTile href="/c/events" icon="calendar" label={t("nav.events")} testId="go-events" />
          <LinkTile href="/c/store" icon="cart" label={t("nav.store")} testId="go-store" />
          <LinkTile href="/c/settings" icon="key" label={t("settings.tile")} testId="go-settings" />
        </div>
      </section>

      <VillageSummaryView s={summary} />

      <Card>
        <Link href="/c/audit" className="flex min-h-12 items-center justify-between" data-testid="go-audit">
          <span>
            <span className="block text-lg font-bold">{t("village.recentAudit")}</span>
            <span className="text-base text-stone-600">{t("village.recentAuditCount", { count: summary.recentAudit ?? 0 })}</span>
          </span>
          <span className="text-lg text-brand">{t("home.committee.audit")} ›</span>
        </Link>
      </Card>
    </div>
  );
}

/** A count that is also a shortcut to the list behind it (待审核 3 ›). */
function CountLink({ href, label, count, testId, alert }: { href: string; label: string; count: number; testId: string; alert?: boolean }) {
  return (
    <Link href={href} className={`block rounded-2xl p-3 shadow-sm ring-1 active:bg-stone-100 ${alert && count > 0 ? "bg-red-50 ring-red-300" : "bg-paper ring-stone-200"}`}>
      <span className="block text-base text-stone-600">{label}</span>
      <span className={`block text-3xl font-bold tabular-nums ${count > 0 ? "text-brand" : "text-stone-900"}`} data-testid={testId}>
        {count}
      </span>
    </Link>
  );
}
