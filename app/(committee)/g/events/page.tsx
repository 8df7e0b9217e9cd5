import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventCard } from "@/components/events/event-card";
import { Card, PageTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * 活动签到 for the grid worker: the village's events on now and to come (and those just ended and not
 * yet settled, when a late roll call is still allowed), each open one leading to its card scanner
 * and roll call.
 */
export default async function Page() {
  const caller = await serverCaller();
  const [t, upcoming, past] = await Promise.all([getTranslations("events"), caller.event.list({ when: "upcoming" }), caller.event.list({ when: "past" })]);
  const items = [...upcoming.items, ...past.items.filter((e) => e.state === "ENDED")];
  return (
    <div className="space-y-4">
      <PageTitle>{t("g.title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-700">{t("g.hint")}</p>
      {items.length === 0 ? <Card className="text-base text-stone-600">{t("empty")}</Card> : null}
      {items.map((e) => (
        <EventCard key={e.id} e={{ ...e, mine: null }}>
          {e.state === "OPEN" || e.state === "ENDED" ? (
            <Link
              href={`/g/events/${e.id}/roster`}
              className="mt-2 flex min-h-12 items-center justify-center gap-2 rounded-xl bg-brand px-3 text-lg font-medium text-white active:bg-brand-dark"
              data-testid="event-roster"
            >
              <Icon name="scan" className="h-6 w-6" />
              {t("g.roster")}
            </Link>
          ) : (
            <p className="pt-1 text-base text-stone-600">{t("g.notYet")}</p>
          )}
        </EventCard>
      ))}
    </div>
  );
}
