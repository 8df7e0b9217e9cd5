"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorBox } from "@/components/ui/card";
import { formatDateTime } from "@/server/lib/village-time.schema";

const POLL_MS = 3_000;

/**
 * 会议签到屏: the secretary's phone or a tablet shows the meeting's rotating QR (a fresh one every
 * 30 s; polled every 3 s), the live 应到 / 实到 and who came last. Members scan it with 扫码签到.
 */
export function MeetingKiosk({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meetings.kiosk");
  const tm = useTranslations("meetings");
  const locale = useLocale();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.meeting.kiosk.queryOptions({ id: meetingId }), refetchInterval: POLL_MS, refetchOnWindowFocus: "always", retry: 1 });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  const d = q.data;
  const skew = d ? new Date(d.serverNow).getTime() - (q.dataUpdatedAt || now) : 0;
  const left = d ? Math.max(0, Math.ceil((new Date(d.rotatesAt).getTime() - (now + skew)) / 1000)) : 0;
  return (
    <div className="fixed inset-0 z-50 overflow-y-auto bg-white" data-testid="meeting-kiosk">
      <div className="mx-auto flex min-h-full max-w-lg flex-col gap-3 p-4">
        <div className="flex items-start justify-between gap-2">
          <h1 className="text-2xl font-bold text-stone-900">{d?.meeting.title ?? t("title")}</h1>
          <Link href="/c/meetings" className="inline-flex min-h-11 shrink-0 items-center rounded-xl border border-stone-300 px-3 text-lg">
            {t("exit")}
          </Link>
        </div>
        {q.isPending ? <p className="text-lg text-stone-600">…</p> : null}
        {q.error && !d ? <ErrorBox message={q.error.message} /> : null}
        {q.error && d ? <p className="rounded-xl bg-amber-50 p-2 text-base text-amber-900">{t("offline")}</p> : null}
        {d ? (
          <>
            <p className="text-base text-stone-700">
              {d.meeting.body.name} · {formatDateTime(d.meeting.startsAt, locale)} · {d.meeting.place}
            </p>
            <div className="flex flex-col items-center">
              <img src={d.qr} alt={t("qrAlt")} width={320} height={320} className="h-auto w-full max-w-[20rem]" data-testid="meeting-kiosk-qr" data-token={d.token} />
              <p className="text-base text-stone-600">{t("scanHint")}</p>
              <p className="text-base text-stone-500">{t("rotates", { seconds: left })}</p>
            </div>
            <div className="rounded-2xl bg-red-50 p-3 text-center">
              <p className="text-lg text-stone-700">{tm("figures", { expected: d.expected, present: d.present })}</p>
              <p className="text-7xl font-bold tabular-nums text-brand" data-testid="meeting-kiosk-present">
                {d.present}
                <span className="ml-1 text-2xl font-medium text-stone-700">/ {d.expected}</span>
              </p>
              <p className={d.valid ? "text-lg font-bold text-green-700" : "text-lg font-bold text-stone-600"}>{d.valid ? tm("valid") : t("notYet")}</p>
            </div>
            <section>
              <h2 className="mb-1 text-lg font-bold">{t("recent")}</h2>
              {d.recent.length === 0 ? <p className="text-base text-stone-600">{t("none")}</p> : null}
              <ul className="divide-y divide-stone-200" data-testid="meeting-kiosk-recent">
                {d.recent.map((r) => (
                  <li key={r.id} className="flex min-h-11 items-center justify-between gap-2 text-lg">
                    <span>{r.name}</span>
                    <span className="text-base text-stone-500">{tm(`channel.${r.channel}`)}</span>
                  </li>
                ))}
              </ul>
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
