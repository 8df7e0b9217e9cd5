import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReviewQueue } from "@/components/points/review-queue";
import { PageTitle } from "@/components/ui/card";
import { LinkTile } from "@/components/ui/link-tile";
import { REASON_MAX } from "@/server/modules/awards/award.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 监督委员会 · 审核: the approval queue first, then objections to rule on and the supervisor's other tools. */
export default async function SupervisorHome() {
  const caller = await serverCaller();
  const [t, tp, tr, tv, queue, objections, awaiting, motionRequests] = await Promise.all([
    getTranslations(),
    getTranslations("points"),
    getTranslations("rules.countersign"),
    getTranslations("votes.supervise"),
    caller.award.list({ status: "PROPOSED", take: 30 }),
    caller.objection.list({ status: "OPEN" }),
    caller.rule.awaiting(),
    caller.motion.requests(),
  ]);
  const motionsWaiting = motionRequests.filter((r) => !r.mine).length;
  const open = objections.counts.OPEN ?? 0;
  return (
    <div className="space-y-4">
      <PageTitle>{t("home.supervisor.title")}</PageTitle>
      {open > 0 ? (
        <Link
          href="/s/objections"
          className="flex min-h-14 items-center justify-between gap-2 rounded-2xl bg-amber-50 px-4 text-lg font-medium text-amber-950 ring-1 ring-amber-300 active:bg-amber-100"
          data-testid="go-objections"
        >
          <span>{tp("review.objectionsWaiting", { count: open })}</span>
          <span aria-hidden="true">›</span>
        </Link>
      ) : null}
      {awaiting.map((b) => (
        <Link
          key={b.id}
          href={`/s/rules/${b.id}`}
          className="flex min-h-14 items-center justify-between gap-2 rounded-2xl bg-sky-50 px-4 text-lg font-medium text-sky-950 ring-1 ring-sky-300 active:bg-sky-100"
          data-testid="go-countersign"
        >
          <span>
            {tr("homeCount")} · {t("rules.version", { version: b.version })}
          </span>
          <span aria-hidden="true">›</span>
        </Link>
      ))}
      {motionsWaiting > 0 ? (
        <Link
          href="/s/motions"
          className="flex min-h-14 items-center justify-between gap-2 rounded-2xl bg-amber-50 px-4 text-lg font-medium text-amber-950 ring-1 ring-amber-300 active:bg-amber-100"
          data-testid="go-motion-requests"
        >
          <span>
            {tv("homeCount")} · {motionsWaiting}
          </span>
          <span aria-hidden="true">›</span>
        </Link>
      ) : null}
      <ReviewQueue initial={queue} noteMax={REASON_MAX} />
      <div className="grid grid-cols-2 gap-3">
        <LinkTile href="/s/awards?status=FINAL" icon="coins" label={tp("review.allAwards")} testId="go-awards" />
        <LinkTile href="/s/objections" icon="megaphone" label={tp("objections.title")} testId="go-objections-tile" />
        <LinkTile href="/s/rules" icon="scroll" label={tp("home.rules")} testId="go-rules" />
        <LinkTile href="/s/motions" icon="megaphone" label={tv("tile")} testId="go-motions" />
        <LinkTile href="/s/bodies" icon="users" label={tv("bodiesTile")} testId="go-bodies" />
        <LinkTile href="/s/audit" icon="search" label={t("home.supervisor.audit")} testId="go-audit" />
      </div>
    </div>
  );
}
