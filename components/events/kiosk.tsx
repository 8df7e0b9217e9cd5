"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { useTRPC } from "@/components/trpc/client";
import { ErrorBox } from "@/components/ui/card";

const POLL_MS = 3_000;

/**
 * The organiser's full-screen kiosk: the rotating QR (a fresh one from the server every 30 s; the page
 * polls every 3 s, so a new window shows within seconds), the typed code under it, the big live count
 * and the last households. Polling resumes by itself when the phone wakes (react-query refetches on
 * focus and reconnect), and the screen is kept awake where the browser allows.
 */
export function Kiosk({ eventId }: { eventId: string }) {
  const t = useTranslations("events.kiosk");
  const tm = useTranslations("events.method");
  const locale = useLocale();
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.event.kiosk.queryOptions({ eventId }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: "always",
    refetchOnReconnect: "always",
    retry: 1,
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  // Keep the screen on while the kiosk is shown (re-requested after the phone wakes).
  useEffect(() => {
    type Sentinel = { release(): Promise<void> };
    const nav = navigator as Navigator & { wakeLock?: { request(kind: "screen"): Promise<Sentinel> } };
    let lock: Sentinel | null = null;
    const request = () => {
      if (document.visibilityState === "visible" && nav.wakeLock) nav.wakeLock.request("screen").then((l) => (lock = l)).catch(() => {});
    };
    request();
    document.addEventListener("visibilitychange", request);
    return () => {
      document.removeEventListener("visibilitychange", request);
      void lock?.release().catch(() => {});
    };
  }, []);

  const d = q.data;
  // seconds until the QR changes, on the server's clock (the phone's clock may be off)
  const skew = d ? new Date(d.serverNow).getTime() - (q.dataUpdatedAt || now) : 0;
  const left = d ? Math.max(0, Math.ceil((new Date(d.rotatesAt).getTime() - (now + skew)) / 1000)) : 0;

  return (
    <div className="fixed inset-0 z-50 overflow-y-auto bg-white" data-testid="kiosk">
      <div className="mx-auto flex min-h-full max-w-lg flex-col gap-3 p-4">
        <div className="flex items-start justify-between gap-2">
          <h1 className="text-2xl font-bold text-stone-900">{d?.event.title ?? t("title")}</h1>
          <Link href="/c/events" className="inline-flex min-h-11 shrink-0 items-center rounded-xl border border-stone-300 px-3 text-lg">
            {t("exit")}
          </Link>
        </div>
        {q.isPending ? <p className="text-lg text-stone-600">…</p> : null}
        {q.error && !d ? <ErrorBox message={q.error.message} /> : null}
        {q.error && d ? <p className="rounded-xl bg-amber-50 p-2 text-base text-amber-900">{t("offline")}</p> : null}
        {d ? (
          <>
            {d.state === "UPCOMING" ? <p className="rounded-xl bg-blue-50 p-2 text-base text-blue-900">{t("notOpenYet", { from: formatDateTime(d.event.startsAt, locale) })}</p> : null}
            {d.state === "ENDED" ? <p className="rounded-xl bg-amber-50 p-2 text-base text-amber-900">{t("ended")}</p> : null}
            <div className="flex flex-col items-center">
              <img src={d.qr} alt={d.token} width={320} height={320} className="h-auto w-full max-w-[20rem]" data-testid="kiosk-qr" data-token={d.token} />
              <p className="text-base text-stone-600">{t("scanHint")}</p>
              <p className="mt-1 text-lg text-stone-800">
                {t("code")}{" "}
                <span className="text-4xl font-bold tracking-[0.2em] tabular-nums text-stone-900" data-testid="kiosk-code">
                  {d.code}
                </span>
              </p>
              <p className="text-base text-stone-500">{t("rotates", { seconds: left })}</p>
            </div>
            <div className="rounded-2xl bg-red-50 p-3 text-center">
              <p className="text-lg text-stone-700">{t("checkedIn")}</p>
              <p className="text-7xl font-bold tabular-nums text-brand" data-testid="kiosk-count">
                {d.count}
                <span className="ml-1 text-2xl font-medium text-stone-700">{t("households")}</span>
              </p>
            </div>
            <section>
              <h2 className="mb-1 text-lg font-bold">{t("recent")}</h2>
              {d.recent.length === 0 ? <p className="text-base text-stone-600">{t("none")}</p> : null}
              <ul className="divide-y divide-stone-200" data-testid="kiosk-recent">
                {d.recent.map((r) => (
                  <li key={r.id} className="flex min-h-11 items-center justify-between gap-2 text-lg">
                    <span>
                      <span className="mr-2 text-stone-500 tabular-nums">{r.number}</span>
                      {r.headName}
                    </span>
                    <span className="text-base text-stone-500">{tm(r.method)}</span>
                  </li>
                ))}
              </ul>
            </section>
            {d.staticQr ? (
              <section className="mt-2 rounded-2xl p-3 ring-1 ring-stone-200">
                <h2 className="text-lg font-bold">{t("staticTitle")}</h2>
                <p className="text-base text-stone-600">{t("staticHint")}</p>
                <img src={d.staticQr} alt={d.staticToken ?? ""} width={200} height={200} className="mx-auto mt-2 h-auto w-48" data-testid="kiosk-static-qr" />
              </section>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
