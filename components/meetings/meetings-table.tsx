import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";

type Item = {
  id: string;
  title: string;
  body: { name: string };
  startsAt: Date;
  place: string;
  status: "SCHEDULED" | "HELD";
  agenda: { id: string; text: string; outcome: string | null }[];
  expected: number;
  present: number;
  valid: boolean;
  minutesNoticeId: string | null;
};

/** One meeting as a large card: body, title, time, place, agenda (with outcomes once held), 应到 / 实到 and valid, the minutes link. */
export async function MeetingCard({ m, minutesHref, showAgenda = true }: { m: Item; minutesHref: ((id: string) => string) | null; showAgenda?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  return (
    <Card className="space-y-2" data-testid="meeting">
      <p className="text-base text-stone-600">{m.body.name}</p>
      <h3 className="text-xl font-bold break-words">{m.title}</h3>
      <p className="text-lg text-stone-800">
        {formatDateTime(m.startsAt, locale)} · {m.place}
      </p>
      {showAgenda && m.agenda.length ? (
        <ol className="list-decimal space-y-1 pl-6 text-lg">
          {m.agenda.map((a) => (
            <li key={a.id} className="break-words">
              {a.text}
              {a.outcome ? <span className="block text-base text-stone-700">{t("outcome", { outcome: a.outcome })}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {m.status === "HELD" ? (
        <p className="text-lg" data-testid="meeting-figures">
          {t("figures", { expected: m.expected, present: m.present })} ·{" "}
          <span className={m.valid ? "font-bold text-green-700" : "font-bold text-red-700"}>{m.valid ? t("valid") : t("invalid")}</span>
        </p>
      ) : null}
      {m.minutesNoticeId && minutesHref ? (
        <Link href={minutesHref(m.minutesNoticeId)} className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="meeting-minutes-link">
          {t("minutes.view")} ›
        </Link>
      ) : null}
    </Card>
  );
}
