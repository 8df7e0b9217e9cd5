"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { CardCheckIn } from "./card-check-in";

type Scope = "grid" | "village";

/**
 * 点名签到 for staff (committee and grid workers): printed household cards scanned through the camera
 * or typed (CardCheckIn), and the roll-call list (search by 户号 or name, tick who is there). A grid
 * worker's list starts at their grid and can show the whole village. Every check-in is recorded with
 * who did it, and the list says how and by whom each household was checked in.
 */
export function Roster({ eventId }: { eventId: string }) {
  const t = useTranslations("events.roster");
  const tm = useTranslations("events.method");
  const locale = useLocale();
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [scope, setScope] = useState<Scope | undefined>(undefined);
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const roster = useQuery({ ...trpc.event.roster.queryOptions({ eventId, q: q.trim() || undefined, scope }), placeholderData: keepPreviousData });
  const { refetch } = roster;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const checkIn = useMutation(trpc.event.staffCheckIn.mutationOptions({ onSuccess: refresh }));
  const d = roster.data;
  const grid = d?.grid;
  return (
    <div className="space-y-3">
      {d ? (
        <p className="text-lg text-stone-800" data-testid="roster-count">
          {d.event.title} · {t("count", { count: d.count })}
        </p>
      ) : null}
      {d?.event.geofenced ? (
        <p className="rounded-xl bg-amber-50 p-2.5 text-base text-amber-900 ring-1 ring-amber-200" data-testid="roster-geo-trust">
          {t("geoTrust")}
          {d.flagged > 0 ? <span className="block font-medium">{t("flaggedCount", { count: d.flagged })}</span> : null}
        </p>
      ) : null}
      <CardCheckIn eventId={eventId} onCheckedIn={refresh} />
      <h2 className="pt-2 text-lg font-bold">{t("listTitle")}</h2>
      {d && grid ? (
        <div className="grid grid-cols-2 gap-2" role="group" aria-label={t("scope")}>
          {(["grid", "village"] as const).map((s) => (
            <Button
              key={s}
              type="button"
              variant={d.scope === s ? "primary" : "secondary"}
              className="px-2"
              aria-pressed={d.scope === s}
              onClick={() => setScope(s)}
              data-testid={`roster-scope-${s}`}
            >
              {s === "grid" ? t("scopeGrid", { grid: grid.name }) : t("scopeVillage")}
            </Button>
          ))}
        </div>
      ) : null}
      <Input type="search" placeholder={t("search")} aria-label={t("search")} value={q} onChange={(e) => setQ(e.target.value)} data-testid="roster-search" />
      {roster.isPending ? <p className="text-base text-stone-600">…</p> : null}
      <ErrorBox message={roster.error?.message ?? checkIn.error?.message} />
      {d?.households.length === 0 ? <p className="text-base text-stone-600">{t("none")}</p> : null}
      <ul className="space-y-2">
        {d?.households.map((h) => {
          const chosen = picked[h.id] ?? [];
          return (
            <li
              key={h.id}
              className="rounded-2xl bg-paper p-3 shadow-sm ring-1 ring-stone-200"
              data-testid="roster-household"
              data-number={h.number}
              data-checked-in={h.checkedIn ? "1" : "0"}
              data-position-flagged={h.positionFlagged ? "1" : "0"}
            >
              <div className="flex items-center justify-between gap-2">
                <p className="min-w-0 text-lg font-medium">
                  <span className="mr-2 text-stone-500 tabular-nums">{h.number}</span>
                  {h.headName}
                  {d.scope === "village" && h.gridName ? <span className="ml-2 text-base font-normal text-stone-500">{h.gridName}</span> : null}
                </p>
                {h.checkedIn ? (
                  <span className="shrink-0 text-base font-medium text-green-800">✓ {t("checkedIn")}</span>
                ) : (
                  <Button
                    type="button"
                    variant="secondary"
                    className="shrink-0"
                    disabled={checkIn.isPending}
                    onClick={() => checkIn.mutate({ eventId, householdId: h.id, memberIds: chosen.length ? chosen : undefined })}
                    data-testid="roster-check-in"
                  >
                    {t("checkIn")}
                  </Button>
                )}
              </div>
              {!h.checkedIn && h.members.length > 1 ? (
                <div className="mt-1 flex flex-wrap gap-x-4">
                  {h.members.map((m) => (
                    <label key={m.id} className="flex min-h-11 items-center gap-2 text-base">
                      <input
                        type="checkbox"
                        className="h-5 w-5 accent-brand"
                        checked={chosen.includes(m.id)}
                        onChange={(e) =>
                          setPicked((p) => ({ ...p, [h.id]: e.target.checked ? [...chosen, m.id] : chosen.filter((x) => x !== m.id) }))
                        }
                      />
                      {m.name}
                    </label>
                  ))}
                </div>
              ) : null}
              {h.checkedIn ? (
                <p className="mt-1 text-base text-stone-700" data-testid="roster-by">
                  {t("by", { method: h.method ? tm(h.method) : "", by: h.checkedInBy ?? "", when: h.checkedInAt ? formatDateTime(h.checkedInAt, locale) : "" })}
                </p>
              ) : null}
              {h.checkedIn && h.positionFlagged ? (
                <p className="mt-1 text-base font-medium text-amber-800" data-testid="roster-position-flag">
                  {h.accuracyM != null ? t("flaggedAccuracy", { m: h.accuracyM }) : t("flaggedNoAccuracy")}
                </p>
              ) : null}
              {h.checkedIn && h.members.some((m) => m.present) ? (
                <p className="mt-1 text-base text-stone-600">{h.members.filter((m) => m.present).map((m) => m.name).join("、")}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
