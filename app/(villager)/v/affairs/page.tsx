import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/card";
import { Icon, type IconName } from "@/components/ui/icons";
import { serverCaller } from "@/server/trpc/server-caller";

/** 村务: the village notices (unread count), the votes waiting for the household, the points notice board (积分公示), the village rules in force and its bodies. */
export default async function AffairsPage() {
  const caller = await serverCaller();
  const [t, tp, tn, tv, tb, tm, tmat, tmed, tr, notices, votes] = await Promise.all([
    getTranslations("rules.affairs"),
    getTranslations("points"),
    getTranslations("notices"),
    getTranslations("votes"),
    getTranslations("bodies"),
    getTranslations("meetings.villager"),
    getTranslations("matters"),
    getTranslations("mediation"),
    getTranslations("reports"),
    caller.notice.board(),
    caller.motion.board(),
  ]);
  const openVotes = votes.items.filter((m) => m.open && m.inElectorate && !m.votedAt).length;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <HubLink
        href="/v/affairs/notices"
        icon="megaphone"
        title={tn("hub.title")}
        body={notices.unread > 0 ? tn("hub.unread", { count: notices.unread }) : tn("hub.body")}
        badge={notices.unread > 0 ? notices.unread : undefined}
        testId="go-notices"
      />
      <HubLink
        href="/v/affairs/votes"
        icon="megaphone"
        title={tv("hub.title")}
        body={openVotes > 0 ? tv("hub.open", { count: openVotes }) : tv("hub.body")}
        badge={openVotes > 0 ? openVotes : undefined}
        testId="go-votes"
      />
      <HubLink href="/v/report" icon="camera" title={tr("title")} body={tr("hubBody")} testId="go-report" />
      <HubLink href="/v/affairs/meetings" icon="users" title={tm("hubTitle")} body={tm("hubBody")} testId="go-meetings" />
      <HubLink href="/v/affairs/matters" icon="megaphone" title={tmat("hub.title")} body={tmat("hub.body")} testId="go-matters" />
      <HubLink href="/v/affairs/publicity" icon="megaphone" title={tp("board.title")} body={tp("board.hubBody")} testId="go-publicity" />
      <HubLink href="/v/affairs/mediation" icon="users" title={tmed("title")} body={tmed("villagerIntro")} testId="go-mediation" />
      <HubLink href="/v/affairs/rules" icon="scroll" title={t("rulesLink")} body={t("rulesBody")} testId="go-rules" />
      <HubLink href="/v/affairs/bodies" icon="users" title={tb("villager.hubTitle")} body={tb("villager.hubBody")} testId="go-bodies" />
    </div>
  );
}

/** A large row linking to one part of 村务: icon, name, one line of what is there. */
function HubLink({ href, icon, title, body, badge, testId }: { href: string; icon: IconName; title: string; body: string; badge?: number; testId: string }) {
  return (
    <Link
      href={href}
      className="flex min-h-20 items-center gap-3 rounded-2xl bg-paper p-4 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
      data-testid={testId}
    >
      <span className="relative flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-red-50 text-brand">
        <Icon name={icon} className="h-7 w-7" />
        {badge ? (
          <span className="absolute -right-1 -top-1 min-w-6 rounded-full bg-brand px-1.5 text-center text-sm font-bold text-white" data-testid={`${testId}-badge`}>
            {badge}
          </span>
        ) : null}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block text-lg font-bold text-stone-900">{title}</span>
        <span className="block text-base text-stone-600">{body}</span>
      </span>
      <span className="text-2xl text-stone-400" aria-hidden="true">
        ›
      </span>
    </Link>
  );
}
