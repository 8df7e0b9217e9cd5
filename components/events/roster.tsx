"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/**
 * 点名签到: staff check households in from the list (search by 户号 or name, tick who is there), or
 * by the text of a printed household card's QR (typed or from a scanner that types). Recorded as
 * staff check-ins with who did it.
 */
export function Roster({ eventId }: { eventId: string }) {
  const t = useTranslations("events.roster");
  const tm = useTranslations("events.method");
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [card, setCard] = useState("");
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const roster = useQuery(trpc.event.roster.queryOptions({ eventId, q: q.trim() || undefined }));
  const checkIn = useMutation(trpc.event.staffCheckIn.mutationOptions({ onSuccess: () => roster.refetch() }));
  const d = roster.data;
  return (
    <div className="space-y-3">
      {d ? (
        <p className="text-lg text-stone-800" data-testid="roster-count">
          {d.event.title} · {t("count", { count: d.count })}
        </p>
      ) : null}
      <Card className="space-y-2">
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (card.trim()) checkIn.mutate({ eventId, card: card.trim() }, { onSuccess: () => setCard("") });
          }}
        >
          <div className="min-w-0 flex-1">
            <Field label={t("card")}>
              <Input value={card} onChange={(e) => setCard(e.target.value)} maxLength={200} data-testid="roster-card" />
            </Field>
          </div>
          <Button type="submit" disabled={!card.trim() || checkIn.isPending} data-testid="roster-card-submit">
            {t("checkIn")}
          </Button>
        </form>
        <ErrorBox message={checkIn.error?.message} />
        {checkIn.data ? (
          <p role="status" className="text-base text-green-800">
            ✓ {checkIn.data.household.number} {checkIn.data.household.headName} · {tm(checkIn.data.method)}
          </p>
        ) : null}
      </Card>
      <Input type="search" placeholder={t("search")} aria-label={t("search")} value={q} onChange={(e) => setQ(e.target.value)} data-testid="roster-search" />
      {roster.isPending ? <p className="text-base text-stone-600">…</p> : null}
      <ErrorBox message={roster.error?.message} />
      <ul className="space-y-2">
        {d?.households.map((h) => {
          const chosen = picked[h.id] ?? [];
          return (
            <li key={h.id} className="rounded-2xl bg-paper p-3 shadow-sm ring-1 ring-stone-200" data-testid="roster-household">
              <div className="flex items-center justify-between gap-2">
                <p className="text-lg font-medium">
                  <span className="mr-2 text-stone-500 tabular-nums">{h.number}</span>
                  {h.headName}
                </p>
                {h.checkedIn ? (
                  <span className="shrink-0 text-base font-medium text-green-800">
                    ✓ {t("checkedIn")} · {h.method ? tm(h.method) : ""}
                  </span>
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
