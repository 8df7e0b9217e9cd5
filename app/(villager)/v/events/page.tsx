import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventCard } from "@/components/events/event-card";
import { SignupButton } from "@/components/events/signup-button";
import { Card, PageTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { serverCaller } from "@/server/trpc/server-caller";

/** 活动: the village's events, what this household did at each, and the way to check in. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, upcoming, past] = await Promise.all([getTranslations("events"), caller.event.list({ when: "upcoming" }), caller.event.list({ when: "past" })]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      {upcoming.household ? <p className="-mt-3 text-base text-stone-600">{t("household", { number: upcoming.household.number, head: upcoming.household.headName })}</p> : null}
      <Link
        href="/v/events/scan"
        className="flex min-h-14 items-center justify-center gap-2 rounded-2xl bg-brand px-4 text-xl font-bold text-white active:bg-brand-dark"
        data-testid="go-scan"
      >
        <Icon name="scan" className="h-7 w-7" />
        {t("scan")}
      </Link>
      <section aria-labelledby="ev-up" className="space-y-3">
        <h2 id="ev-up" className="text-lg font-bold">
          {t("upcoming")}
        </h2>
        {upcoming.items.length === 0 ? <Card className="text-base text-stone-600">{t("empty")}</Card> : null}
        {upcoming.items.map((e) => (
          <EventCard key={e.id} e={e}>
            {e.signupRequired && e.mine && !e.mine.signedUp && !e.mine.checkedIn ? <SignupButton eventId={e.id} /> : null}
          </EventCard>
        ))}
      </section>
      <section aria-labelledby="ev-past" className="space-y-3">
        <h2 id="ev-past" className="text-lg font-bold">
          {t("past")}
        </h2>
        {past.items.length === 0 ? <Card className="text-base text-stone-600">{t("emptyPast")}</Card> : null}
        {past.items.map((e) => (
          <EventCard key={e.id} e={e} />
        ))}
      </section>
    </div>
  );
}
