import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ComingSoon, PageTitle } from "@/components/ui/card";
import { Icon, type IconName } from "@/components/ui/icons";

/** 村务: the points notice board (积分公示) and the village rules in force; deliberation arrives later (said plainly). */
export default async function AffairsPage() {
  const [t, tp] = await Promise.all([getTranslations("rules.affairs"), getTranslations("points")]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <HubLink href="/v/affairs/publicity" icon="megaphone" title={tp("board.title")} body={tp("board.hubBody")} testId="go-publicity" />
      <HubLink href="/v/affairs/rules" icon="scroll" title={t("rulesLink")} body={t("rulesBody")} testId="go-rules" />
      <ComingSoon feature={t("comingTitle")} body={t("comingBody")} />
    </div>
  );
}

/** A large row linking to one part of 村务: icon, name, one line of what is there. */
function HubLink({ href, icon, title, body, testId }: { href: string; icon: IconName; title: string; body: string; testId: string }) {
  return (
    <Link
      href={href}
      className="flex min-h-20 items-center gap-3 rounded-2xl bg-paper p-4 shadow-sm ring-1 ring-stone-200 active:bg-stone-100"
      data-testid={testId}
    >
      <span className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-red-50 text-brand">
        <Icon name={icon} className="h-7 w-7" />
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
