"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { AGENDA_ITEM_MAX, AGENDA_ITEMS_MAX, AGENDA_OUTCOME_MAX, MEETING_PLACE_MAX, MEETING_TITLE_MAX, type STAFF_CHANNELS } from "@/server/modules/council/meeting.schema";

type AttendanceChannel = (typeof STAFF_CHANNELS)[number];
export type AgendaItem = { id: string; text: string; motionId: string | null; outcome: string | null };
import { villageInstant } from "@/server/lib/village-time.schema";

const TEXTAREA = "min-h-24 w-full rounded-xl border border-stone-300 bg-white px-4 py-3 text-lg outline-none focus:border-brand";

/** 安排会议: body, title, day and time, place, agenda (one item a line), and whether to post a 会议通知. */
export function ScheduleMeeting({ bodies }: { bodies: { id: string; name: string }[] }) {
  const t = useTranslations("meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const [bodyId, setBodyId] = useState(bodies[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [day, setDay] = useState("");
  const [time, setTime] = useState("19:00");
  const [place, setPlace] = useState("");
  const [agenda, setAgenda] = useState("");
  const [postNotice, setPostNotice] = useState(true);
  const schedule = useMutation(
    trpc.meeting.schedule.mutationOptions({
      onSuccess: () => {
        setTitle("");
        setAgenda("");
        router.refresh();
      },
    }),
  );
  if (bodies.length === 0) return <p className="text-base text-stone-600">{t("schedule.noBodies")}</p>;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (schedule.isPending) return;
        const items = agenda.split("\n").map((s) => s.trim()).filter(Boolean).slice(0, AGENDA_ITEMS_MAX);
        schedule.mutate({ bodyId, title: title.trim(), startsAt: day ? villageInstant(day, time) : new Date(0), place: place.trim(), agenda: items, postNotice });
      }}
    >
      <h2 className="text-lg font-bold">{t("schedule.title")}</h2>
      <Field label={t("schedule.body")}>
        <Select value={bodyId} onChange={(e) => setBodyId(e.target.value)} data-testid="meeting-body">
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("schedule.name")}>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={MEETING_TITLE_MAX} required data-testid="meeting-title" />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("schedule.day")}>
          <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} required data-testid="meeting-day" />
        </Field>
        <Field label={t("schedule.time")}>
          <Input type="time" value={time} onChange={(e) => setTime(e.target.value)} required data-testid="meeting-time" />
        </Field>
      </div>
      <Field label={t("schedule.place")}>
        <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={MEETING_PLACE_MAX} required data-testid="meeting-place" />
      </Field>
      <Field label={t("schedule.agenda")} hint={t("schedule.agendaHint")}>
        <textarea className={TEXTAREA} value={agenda} onChange={(e) => setAgenda(e.target.value)} required data-testid="meeting-agenda" />
      </Field>
      <label className="flex min-h-11 items-center gap-3 text-lg">
        <input type="checkbox" className="size-6" checked={postNotice} onChange={(e) => setPostNotice(e.target.checked)} data-testid="meeting-post-notice" />
        {t("schedule.postNotice")}
      </label>
      <ErrorBox message={schedule.error?.message} />
      <Button type="submit" className="w-full" disabled={schedule.isPending} data-testid="meeting-schedule">
        {schedule.isPending ? t("saving") : t("schedule.save")}
      </Button>
    </form>
  );
}

/** 登记到会: marks one member present, by the secretary or from the printed card. */
export function MarkPresent({ meetingId, personId, name }: { meetingId: string; personId: string; name: string }) {
  const t = useTranslations("meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const [channel, setChannel] = useState<AttendanceChannel>("SECRETARY");
  const attend = useMutation(trpc.meeting.attend.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <Select value={channel} onChange={(e) => setChannel(e.target.value as AttendanceChannel)} aria-label={t("channel.label")} className="flex-1">
          <option value="SECRETARY">{t("channel.SECRETARY")}</option>
          <option value="CARD">{t("channel.CARD")}</option>
        </Select>
        <Button
          type="button"
          variant="secondary"
          disabled={attend.isPending}
          onClick={() => attend.mutate({ meetingId, personId, channel })}
          aria-label={t("markFor", { name })}
          data-testid="meeting-attend"
        >
          {t("mark")}
        </Button>
      </div>
      <ErrorBox message={attend.error?.message} />
    </div>
  );
}

/** 发布会议纪要: the minutes' text and an outcome line per agenda item; 应到 / 实到 and validity are added by the server. */
export function PublishMinutes({ meetingId, agenda }: { meetingId: string; agenda: AgendaItem[] }) {
  const t = useTranslations("meetings");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState("");
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const publish = useMutation(trpc.meeting.minutes.mutationOptions({ onSuccess: () => router.refresh() }));
  if (!open) {
    return (
      <Button type="button" className="w-full" onClick={() => setOpen(true)} data-testid="meeting-minutes-open">
        {t("minutes.open")}
      </Button>
    );
  }
  return (
    <form
      className="space-y-3 rounded-xl bg-stone-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const list = agenda.map((a) => ({ itemId: a.id, outcome: (outcomes[a.id] ?? "").trim() })).filter((o) => o.outcome);
        if (!publish.isPending) publish.mutate({ id: meetingId, minutes, outcomes: list });
      }}
    >
      {agenda.map((a, i) => (
        <Field key={a.id} label={t("minutes.outcomeFor", { n: i + 1, text: a.text })}>
          <Input
            value={outcomes[a.id] ?? ""}
            onChange={(e) => setOutcomes((o) => ({ ...o, [a.id]: e.target.value }))}
            maxLength={AGENDA_OUTCOME_MAX}
            placeholder={t("minutes.outcomeHint")}
            data-testid="meeting-outcome"
          />
        </Field>
      ))}
      <Field label={t("minutes.text")} hint={t("minutes.hint")}>
        <textarea className={TEXTAREA} value={minutes} onChange={(e) => setMinutes(e.target.value)} required data-testid="meeting-minutes-text" />
      </Field>
      <ErrorBox message={publish.error?.message} />
      <Button type="submit" className="w-full" disabled={publish.isPending} data-testid="meeting-minutes-publish">
        {publish.isPending ? t("saving") : t("minutes.publish")}
      </Button>
    </form>
  );
}

/** 议程: while scheduled, items can be moved up or down, removed, or added at the end. */
export function AgendaEditor({ meetingId, agenda }: { meetingId: string; agenda: AgendaItem[] }) {
  const t = useTranslations("meetings.agenda");
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState("");
  const done = { onSuccess: () => router.refresh() };
  const add = useMutation(trpc.meeting.agendaAdd.mutationOptions({ onSuccess: () => (setText(""), router.refresh()) }));
  const remove = useMutation(trpc.meeting.agendaRemove.mutationOptions(done));
  const reorder = useMutation(trpc.meeting.agendaReorder.mutationOptions(done));
  const busy = add.isPending || remove.isPending || reorder.isPending;
  const move = (i: number, by: number) => {
    const ids = agenda.map((a) => a.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    reorder.mutate({ meetingId, ids });
  };
  return (
    <div className="space-y-2" data-testid="agenda-editor">
      <ol className="space-y-2">
        {agenda.map((a, i) => (
          <li key={a.id} className="flex items-start gap-2 border-t border-stone-100 pt-2" data-testid="agenda-item">
            <span className="min-w-0 flex-1 text-lg break-words">
              {i + 1}. {a.text}
              {a.motionId ? <span className="ml-1 text-sm text-stone-500">{t("motion")}</span> : null}
            </span>
            <button type="button" className="min-h-11 min-w-11 rounded-lg border border-stone-300 text-lg disabled:text-stone-300" disabled={busy || i === 0} onClick={() => move(i, -1)} aria-label={t("up", { n: i + 1 })} data-testid="agenda-up">
              ↑
            </button>
            <button type="button" className="min-h-11 min-w-11 rounded-lg border border-stone-300 text-lg disabled:text-stone-300" disabled={busy || i === agenda.length - 1} onClick={() => move(i, 1)} aria-label={t("down", { n: i + 1 })} data-testid="agenda-down">
              ↓
            </button>
            <button type="button" className="min-h-11 min-w-11 rounded-lg border border-red-300 text-lg text-red-700" disabled={busy} onClick={() => remove.mutate({ id: a.id })} aria-label={t("remove", { n: i + 1 })} data-testid="agenda-remove">
              ✕
            </button>
          </li>
        ))}
      </ol>
      {agenda.length < AGENDA_ITEMS_MAX ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() && !busy) add.mutate({ meetingId, text: text.trim() });
          }}
        >
          <Input value={text} onChange={(e) => setText(e.target.value)} maxLength={AGENDA_ITEM_MAX} placeholder={t("addHint")} aria-label={t("addHint")} className="flex-1" data-testid="agenda-text" />
          <Button type="submit" variant="secondary" disabled={busy || !text.trim()} data-testid="agenda-add">
            {t("add")}
          </Button>
        </form>
      ) : null}
      <ErrorBox message={add.error?.message ?? remove.error?.message ?? reorder.error?.message} />
    </div>
  );
}
