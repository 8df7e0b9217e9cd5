import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingCard } from "@/components/meetings/meetings-table";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

export const dynamic = "force-dynamic";

/** 村务 · 会议: upcoming meetings of the villager's bodies and the village-wide 村民会议; past ones with 应到/实到 and the minutes. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, view] = await Promise.all([getTranslations("meetings.villager"), caller.meeting.mine()]);
  return (
    <div className="space-y-4">
      <Link href="/v/affairs" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("intro")}</p>
      <Link href="/v/events/scan" className="flex min-h-12 items-center justify-center rounded-xl bg-brand text-lg font-medium text-white" data-testid="go-meeting-scan">
        {t("scan")}
      </Link>
      <h2 className="text-xl font-bold">{t("upcoming")}</h2>
      {view.upcoming.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600" data-testid="meetings-upcoming-empty">
            {t("noUpcoming")}
          </p>
        </Card>
      ) : null}
      <div className="space-y-3" data-testid="meetings-upcoming">
        {view.upcoming.map((m) => (
          <MeetingCard key={m.id} m={m} minutesHref={null} />
        ))}
      </div>
      <h2 className="text-xl font-bold">{t("past")}</h2>
      {view.past.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600">{t("noPast")}</p>
        </Card>
      ) : null}
      <div className="space-y-3" data-testid="meetings-past">
        {view.past.map((m) => (
          <MeetingCard key={m.id} m={m} minutesHref={(id) => `/v/affairs/notices/${id}`} showAgenda={false} />
        ))}
      </div>
    </div>
  );
}
