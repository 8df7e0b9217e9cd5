"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { villageInstant } from "@/server/lib/village-time.schema";
import { MEDIATION_PLACE_MAX, MEDIATION_REASON_MAX, MEDIATION_SUMMARY_MAX, MEDIATION_TEXT_MAX, MEDIATION_TYPES, type MediationType } from "@/server/modules/mediation/mediation.schema";

const TEXTAREA = "min-h-24 w-full rounded-xl border border-stone-300 bg-white px-4 py-3 text-lg outline-none focus:border-brand";

function useRefresh() {
  const router = useRouter();
  return () => router.refresh();
}

/** 登记纠纷，立案调解: type, summary, the party households and the mediators (from the candidates). */
export function OpenCaseForm({ households }: { households: { id: string; number: string; headName: string }[] }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [type, setType] = useState<MediationType>("NEIGHBOR");
  const [summary, setSummary] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [mediators, setMediators] = useState<string[]>([]);
  const candidates = useQuery(trpc.mediation.candidates.queryOptions({ householdIds: picked }, { enabled: picked.length > 0 }));
  const open = useMutation(
    trpc.mediation.open.mutationOptions({
      onSuccess: () => {
        setSummary("");
        setPicked([]);
        setMediators([]);
        refresh();
      },
    }),
  );
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!open.isPending) open.mutate({ type, summary: summary.trim(), householdIds: picked, mediatorUserIds: mediators });
      }}
    >
      <h2 className="text-lg font-bold">{t("form.title")}</h2>
      <Field label={t("form.type")}>
        <Select value={type} onChange={(e) => setType(e.target.value as MediationType)} data-testid="mediation-type">
          {MEDIATION_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`type.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.summary")}>
        <textarea className={TEXTAREA} value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={MEDIATION_SUMMARY_MAX} required data-testid="mediation-summary" />
      </Field>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-lg font-medium">{t("form.households")}</legend>
        <div className="max-h-64 space-y-1 overflow-y-auto rounded-xl border border-stone-200 p-2">
          {households.map((h) => (
            <label key={h.id} className="flex min-h-11 items-center gap-3 text-lg">
              <input type="checkbox" className="size-6" checked={picked.includes(h.id)} onChange={() => setPicked(toggle(picked, h.id))} data-testid={`mediation-party-${h.number}`} />
              {t("party", { number: h.number, head: h.headName })}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-lg font-medium">{t("form.mediators")}</legend>
        {(candidates.data?.mediators ?? []).length === 0 ? <p className="text-base text-stone-600">{t("form.noMediators")}</p> : null}
        {(candidates.data?.mediators ?? []).map((m) => (
          <label key={m.userId} className="flex min-h-11 items-center gap-3 text-lg">
            <input type="checkbox" className="size-6" checked={mediators.includes(m.userId)} onChange={() => setMediators(toggle(mediators, m.userId))} data-testid="mediation-mediator" />
            {m.name}
          </label>
        ))}
      </fieldset>
      <ErrorBox message={open.error?.message} />
      <Button type="submit" className="w-full" disabled={open.isPending} data-testid="mediation-open">
        {open.isPending ? t("saving") : t("form.submit")}
      </Button>
    </form>
  );
}

/** 安排调解: day, time and place; the parties are notified. */
export function ScheduleSession({ caseId }: { caseId: string }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [day, setDay] = useState("");
  const [time, setTime] = useState("09:00");
  const [place, setPlace] = useState("");
  const m = useMutation(trpc.mediation.schedule.mutationOptions({ onSuccess: () => (setPlace(""), refresh()) }));
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!m.isPending) m.mutate({ caseId, startsAt: day ? villageInstant(day, time) : new Date(0), place: place.trim() });
      }}
    >
      <h3 className="text-lg font-bold">{t("schedule.title")}</h3>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("schedule.day")}>
          <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} required data-testid="session-day" />
        </Field>
        <Field label={t("schedule.time")}>
          <Input type="time" value={time} onChange={(e) => setTime(e.target.value)} required data-testid="session-time" />
        </Field>
      </div>
      <Field label={t("schedule.place")}>
        <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={MEDIATION_PLACE_MAX} required data-testid="session-place" />
      </Field>
      <ErrorBox message={m.error?.message} />
      <Button type="submit" className="w-full" disabled={m.isPending} data-testid="session-schedule">
        {m.isPending ? t("saving") : t("schedule.submit")}
      </Button>
    </form>
  );
}

/** 登记本次调解: which party households came, and the notes. */
export function RecordSession({ caseId, sessionId, parties }: { caseId: string; sessionId: string; parties: { householdId: string; number: string }[] }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [came, setCame] = useState<string[]>(parties.map((p) => p.householdId));
  const [notes, setNotes] = useState("");
  const m = useMutation(trpc.mediation.recordSession.mutationOptions({ onSuccess: refresh }));
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!m.isPending) m.mutate({ caseId, sessionId, attendedHouseholdIds: came, notes: notes.trim() });
      }}
    >
      <p className="text-base font-medium">{t("record.attended")}</p>
      {parties.map((p) => (
        <label key={p.householdId} className="flex min-h-11 items-center gap-3 text-lg">
          <input type="checkbox" className="size-6" checked={came.includes(p.householdId)} onChange={() => setCame(came.includes(p.householdId) ? came.filter((x) => x !== p.householdId) : [...came, p.householdId])} />
          {p.number}
        </label>
      ))}
      <Field label={t("record.notes")}>
        <textarea className={TEXTAREA} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={MEDIATION_TEXT_MAX} required data-testid="session-notes" />
      </Field>
      <ErrorBox message={m.error?.message} />
      <Button type="submit" variant="secondary" className="w-full" disabled={m.isPending} data-testid="session-record">
        {m.isPending ? t("saving") : t("record.submit")}
      </Button>
    </form>
  );
}

/** A text and one button (登记协议 / 回访): the shared shape of the mediator's longer forms. */
function TextForm({ title, label, submit, testId, onSubmit, pending, error, withDay }: { title: string; label: string; submit: string; testId: string; onSubmit: (text: string, day: string) => void; pending: boolean; error?: string; withDay?: string }) {
  const [text, setText] = useState("");
  const [day, setDay] = useState("");
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) onSubmit(text.trim(), day);
      }}
    >
      <h3 className="text-lg font-bold">{title}</h3>
      {withDay ? (
        <Field label={withDay}>
          <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} required data-testid={`${testId}-day`} />
        </Field>
      ) : null}
      <Field label={label}>
        <textarea className={TEXTAREA} value={text} onChange={(e) => setText(e.target.value)} maxLength={MEDIATION_TEXT_MAX} required data-testid={`${testId}-text`} />
      </Field>
      <ErrorBox message={error} />
      <Button type="submit" className="w-full" disabled={pending} data-testid={testId}>
        {submit}
      </Button>
    </form>
  );
}

export function RecordAgreement({ caseId }: { caseId: string }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const m = useMutation(trpc.mediation.agree.mutationOptions({ onSuccess: useRefresh() }));
  return <TextForm title={t("agree.title")} label={t("agree.text")} submit={m.isPending ? t("saving") : t("agree.submit")} testId="mediation-agree" pending={m.isPending} error={m.error?.message} onSubmit={(agreement) => m.mutate({ caseId, agreement })} />;
}

export function FollowUp({ caseId }: { caseId: string }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const m = useMutation(trpc.mediation.followUp.mutationOptions({ onSuccess: useRefresh() }));
  return (
    <TextForm
      title={t("follow.title")}
      label={t("follow.notes")}
      withDay={t("follow.day")}
      submit={m.isPending ? t("saving") : t("follow.submit")}
      testId="mediation-follow"
      pending={m.isPending}
      error={m.error?.message}
      onSubmit={(notes, day) => m.mutate({ caseId, notes, visitedAt: villageInstant(day, "12:00") })}
    />
  );
}

/** 调解不成（转交镇里）or 撤回, with a reason. */
export function CloseCase({ caseId }: { caseId: string }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [reason, setReason] = useState("");
  const refer = useMutation(trpc.mediation.refer.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.mediation.withdraw.mutationOptions({ onSuccess: refresh }));
  const pending = refer.isPending || withdraw.isPending;
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-bold">{t("close.title")}</h3>
      <Field label={t("close.reason")}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={MEDIATION_REASON_MAX} data-testid="mediation-close-reason" />
      </Field>
      <ErrorBox message={refer.error?.message ?? withdraw.error?.message} />
      <div className="grid grid-cols-1 gap-2">
        <Button type="button" variant="secondary" disabled={pending || !reason.trim()} onClick={() => refer.mutate({ caseId, reason: reason.trim() })} data-testid="mediation-refer">
          {t("close.refer")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending || !reason.trim()} onClick={() => withdraw.mutate({ caseId, reason: reason.trim() })} data-testid="mediation-withdraw">
          {t("close.withdraw")}
        </Button>
      </div>
    </div>
  );
}

export function ConfirmPaper({ caseId, householdId, number }: { caseId: string; householdId: string; number: string }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const m = useMutation(trpc.mediation.confirmPaper.mutationOptions({ onSuccess: useRefresh() }));
  return (
    <div>
      <Button type="button" variant="secondary" disabled={m.isPending} onClick={() => m.mutate({ caseId, householdId })} data-testid="mediation-paper">
        {t("paper", { number })}
      </Button>
      <ErrorBox message={m.error?.message} />
    </div>
  );
}

/** The villager's 确认 button for their household. */
export function ConfirmAgreement({ caseId }: { caseId: string }) {
  const t = useTranslations("mediation");
  const trpc = useTRPC();
  const m = useMutation(trpc.mediation.confirm.mutationOptions({ onSuccess: useRefresh() }));
  return (
    <div className="space-y-2">
      <ErrorBox message={m.error?.message} />
      <Button type="button" className="w-full" disabled={m.isPending} onClick={() => m.mutate({ caseId })} data-testid="mediation-confirm">
        {m.isPending ? t("saving") : t("confirm.button")}
      </Button>
    </div>
  );
}
