import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CloseEvent } from "@/components/events/close-event";
import { EventCard } from "@/components/events/event-card";
import { Card, PageTitle } from "@/components/ui/card";
import { serverCaller } from "@/server/trpc/server-caller";

const LINK = "flex min-h-12 flex-1 items-center justify-center rounded-xl border border-stone-300 bg-white px-3 text-lg text-stone-900 active:bg-stone-100";

/** 活动管理: the village's events with the kiosk for each, and settling the ended ones. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, upcoming, past] = await Promise.all([getTranslations("events"), caller.event.list({ when: "upcoming" }), caller.event.list({ when: "past" })]);
  return (
    <div className="space-y-4">
      <Link href="/c" className="mb-1 inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {t("c.back")}
      </Link>
      <PageTitle
        action={
          <Link href="/c/events/new" className="inline-flex min-h-11 items-center rounded-xl bg-brand px-4 text-lg font-medium text-white" data-testid="event-new">
            + {t("c.new")}
          </Link>
        }
      >
        {t("c.title")}
      </PageTitle>
      <section aria-labelledby="c-up" className="space-y-3">
        <h2 id="c-up" className="text-lg font-bold">
          {t("upcoming")}
        </h2>
        {upcoming.items.length === 0 ? <Card className="text-base text-stone-600">{t("empty")}</Card> : null}
        {upcoming.items.map((e) => (
          <EventCard key={e.id} e={{ ...e, mine: null }}>
            {e.geofence ? (
              <p className="text-sm text-amber-800" data-testid="event-geo-trust">
                {t("c.geoTrust")}
              </p>
            ) : null}
            <div className="flex gap-2 pt-1">
              <Link href={`/c/events/${e.id}/kiosk`} className={LINK} data-testid="event-kiosk">
                {t("c.kiosk")}
              </Link>
              {e.state !== "UPCOMING" ? (
                <Link href={`/c/events/${e.id}/roster`} className={LINK} data-testid="event-roster">
                  {t("c.roster")}
                </Link>
              ) : null}
            </div>
          </EventCard>
        ))}
      </section>
      <section aria-labelledby="c-past" className="space-y-3">
        <h2 id="c-past" className="text-lg font-bold">
          {t("past")}
        </h2>
        {past.items.length === 0 ? <Card className="text-base text-stone-600">{t("emptyPast")}</Card> : null}
        {past.items.map((e) => (
          <EventCard key={e.id} e={{ ...e, mine: null }}>
            {e.state === "ENDED" ? (
              <>
                <Link href={`/c/events/${e.id}/roster`} className={`${LINK} mt-2`} data-testid="event-roster">
                  {t("c.roster")}
                </Link>
                <CloseEvent eventId={e.id} />
              </>
            ) : null}
          </EventCard>
        ))}
      </section>
    </div>
  );
}
