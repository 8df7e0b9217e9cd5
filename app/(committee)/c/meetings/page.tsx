import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaEditor, MarkPresent, PublishMinutes, ScheduleMeeting } from "@/components/council/meeting-actions";
import { Card, PageTitle } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

/** 会议 for the committee: the bodies' meetings, newest first, with attendance, 应到/实到 and minutes. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, tb, locale, list, bodies] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("bodies"),
    getLocale(),
    caller.meeting.list(),
    caller.body.list(),
  ]);
  return (
    <div className="space-y-4">
      <Link href="/c" className="inline-flex min-h-11 items-center text-lg text-brand">
        ‹ {tb("backHome")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("intro")}</p>
      {list.items.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-600" data-testid="meetings-empty">
            {t("empty")}
          </p>
        </Card>
      ) : null}
      {list.items.map((m) => (
        <Card key={m.id} className="space-y-3" data-testid="meeting">
          <div>
            <p className="text-base text-stone-600">{m.body.name}</p>
            <h2 className="text-xl font-bold break-words">{m.title}</h2>
            <p className="text-base text-stone-700">
              {formatDateTime(m.startsAt, locale)} · {m.place}
            </p>
            <p className="mt-1 text-base font-medium">{t(`status.${m.status}`)}</p>
          </div>
          {m.status === "SCHEDULED" ? (
            <>
              <AgendaEditor meetingId={m.id} agenda={m.agenda} />
              <div className="flex flex-wrap gap-2">
                <Link href={`/c/meetings/${m.id}/kiosk`} className="inline-flex min-h-12 items-center rounded-xl bg-brand px-4 text-lg font-medium text-white" data-testid="meeting-kiosk-link">
                  {t("kiosk.open")}
                </Link>
                <Link href={`/c/meetings/${m.id}/card`} className="inline-flex min-h-12 items-center rounded-xl border border-stone-300 px-4 text-lg" data-testid="meeting-card-link">
                  {t("card.open")}
                </Link>
              </div>
            </>
          ) : (
            <ol className="list-decimal space-y-1 pl-6 text-lg">
              {m.agenda.map((a) => (
                <li key={a.id} className="break-words">
                  {a.text}
                  {a.outcome ? <span className="block text-base text-stone-700">{t("outcome", { outcome: a.outcome })}</span> : null}
                </li>
              ))}
            </ol>
          )}
          <p className="text-lg" data-testid="meeting-figures">
            {t("figures", { expected: m.expected, present: m.present })} ·{" "}
            <span className={m.valid ? "font-bold text-green-700" : "font-bold text-red-700"}>{m.valid ? t("valid") : t("invalid")}</span>
          </p>
          <p className="-mt-2 text-sm text-stone-500">{t(`rule.${m.rule}`)}</p>
          {m.members.length === 0 ? <p className="text-base text-stone-600">{t("noMembers")}</p> : null}
          <ul className="space-y-3">
            {m.members.map((p) => (
              <li key={p.personId} className="space-y-1 border-t border-stone-100 pt-2">
                <p className="text-lg">
                  {p.name} · {tb(`role.${p.role}`)} <span className="text-sm text-stone-500">{tb("add.household", { number: p.householdNumber })}</span>
                </p>
                {p.present ? (
                  <p className="text-base text-green-700">✓ {t("presentBy", { channel: t(`channel.${p.channel ?? "SECRETARY"}`) })}</p>
                ) : m.status === "SCHEDULED" ? (
                  <MarkPresent meetingId={m.id} personId={p.personId} name={p.name} />
                ) : (
                  <p className="text-base text-stone-500">{t("absent")}</p>
                )}
              </li>
            ))}
          </ul>
          {m.status === "SCHEDULED" ? <PublishMinutes meetingId={m.id} agenda={m.agenda} /> : null}
          {m.minutesNoticeId ? (
            <Link href={`/c/notices/${m.minutesNoticeId}`} className="inline-flex min-h-11 items-center text-lg text-brand" data-testid="meeting-minutes-link">
              {t("minutes.view")} ›
            </Link>
          ) : null}
        </Card>
      ))}
      <Card>
        <ScheduleMeeting bodies={bodies.bodies.map((b) => ({ id: b.id, name: b.name }))} />
      </Card>
    </div>
  );
}
