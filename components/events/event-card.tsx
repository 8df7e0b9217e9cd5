import { getTranslations, getLocale } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { signed } from "@/components/points/format";
import type { EventListItem } from "./types";

const STATE_TONE: Record<EventListItem["state"], string> = {
  OPEN: "bg-green-100 text-green-800",
  UPCOMING: "bg-blue-50 text-blue-800",
  ENDED: "bg-stone-100 text-stone-700",
  CLOSED: "bg-stone-100 text-stone-700",
  CANCELLED: "bg-red-50 text-red-700",
};

/** One event as villagers and staff see it in a list: when, where, what it earns, and (for a household) its state. */
export async function EventCard({ e, children }: { e: EventListItem; children?: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("events"), getLocale()]);
  const names = e.mine?.present.filter(Boolean).join("、") ?? "";
  return (
    <div data-testid="event-card" data-event-id={e.id}>
      <Card className="space-y-1.5">
        <div className="flex items-start justify-between gap-2">
          <h3 className="text-lg font-bold text-stone-900">{e.title}</h3>
          <span className={`shrink-0 rounded-full px-2.5 py-0.5 text-sm font-medium ${STATE_TONE[e.state]}`} data-testid="event-state">
            {t(`state.${e.state}`)}
          </span>
        </div>
        <p className="text-base text-stone-700">{t("time", { from: formatDateTime(e.startsAt, locale), to: formatDateTime(e.endsAt, locale) })}</p>
        {e.place ? <p className="text-base text-stone-700">{e.place}</p> : null}
        {e.rule ? (
          <p className="text-base text-stone-800">
            {t("rulePoints", { code: e.rule.code, title: e.rule.title, points: signed(e.rule.points) })}
          </p>
        ) : null}
        <p className="text-base text-stone-600">
          {[
            t("checkIns", { count: e.checkIns }),
            e.signupRequired ? (e.capacity ? t("signupsCap", { count: e.signups, capacity: e.capacity }) : t("signups", { count: e.signups })) : e.capacity ? t("capacity", { capacity: e.capacity }) : null,
            e.geofence ? t("geofence", { radius: e.geofence.radiusM }) : null,
            e.needsApproval ? t("needsApproval") : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {e.mine ? (
          <div className="mt-1 rounded-xl bg-stone-50 p-2.5 ring-1 ring-stone-200" data-testid="event-mine">
            {e.mine.checkedIn ? (
              <p className="text-base font-medium text-green-800">✓ {t("mine.checkedIn", { when: formatDateTime(e.mine.checkedInAt!, locale) })}</p>
            ) : (
              <p className="text-base text-stone-700">{e.state === "CLOSED" || e.state === "ENDED" ? t("mine.missed") : t("mine.notYet")}</p>
            )}
            {names ? <p className="text-base text-stone-700">{t("mine.present", { names })}</p> : null}
            {e.mine.signedUp ? <p className="text-base text-stone-700">{t("mine.signedUp")}</p> : null}
            {e.mine.awarded ? <p className="text-base text-stone-700">{t("mine.awarded")}</p> : null}
          </div>
        ) : null}
        {children}
      </Card>
    </div>
  );
}
