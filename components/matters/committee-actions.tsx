"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { MATTER_REPLY_MAX, type MatterStatus } from "@/server/modules/matters/matter.schema";

const AREA = "w-full rounded-xl border border-stone-300 bg-white px-4 py-2 text-lg outline-none focus:border-brand";

/** The committee's steps on one matter: answer, decline with a reason, put on a meeting; then record what was done. */
export function CommitteeActions({ id, status, meetings }: { id: string; status: MatterStatus; meetings: { id: string; label: string }[] }) {
  const t = useTranslations("matters.staff");
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState("");
  const [decision, setDecision] = useState("");
  const [meetingId, setMeetingId] = useState("");
  const [mode, setMode] = useState<"answer" | "decline" | "agenda">("answer");
  const opts = { onSuccess: () => { setText(""); setDecision(""); router.refresh(); } };
  const answer = useMutation(trpc.matter.answer.mutationOptions(opts));
  const decline = useMutation(trpc.matter.decline.mutationOptions(opts));
  const agenda = useMutation(trpc.matter.agenda.mutationOptions(opts));
  const complete = useMutation(trpc.matter.complete.mutationOptions(opts));
  const pending = answer.isPending || decline.isPending || agenda.isPending || complete.isPending;
  const error = answer.error?.message ?? decline.error?.message ?? agenda.error?.message ?? complete.error?.message;

  if (status === "ANSWERED" || status === "ON_AGENDA")
    return (
      <form
        className="space-y-3"
        data-testid="matter-complete"
        onSubmit={(e) => {
          e.preventDefault();
          complete.mutate({ id, decision, outcome: text });
        }}
      >
        <h2 className="text-xl font-bold">{t("complete")}</h2>
        <Field label={t("decisionLabel")}>
          <textarea className={AREA} rows={2} maxLength={MATTER_REPLY_MAX} value={decision} onChange={(e) => setDecision(e.target.value)} required={status === "ON_AGENDA"} data-testid="complete-decision" />
        </Field>
        <Field label={t("outcomeLabel")}>
          <textarea className={AREA} rows={3} maxLength={MATTER_REPLY_MAX} value={text} onChange={(e) => setText(e.target.value)} required data-testid="complete-outcome" />
        </Field>
        <ErrorBox message={error} />
        <Button type="submit" className="w-full" disabled={pending} data-testid="complete-submit">
          {pending ? t("saving") : t("save")}
        </Button>
      </form>
    );
  if (status !== "OPEN") return null;
  return (
    <form
      className="space-y-3"
      data-testid="matter-respond"
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === "answer") answer.mutate({ id, answer: text });
        else if (mode === "decline") decline.mutate({ id, reason: text });
        else agenda.mutate({ id, meetingId });
      }}
    >
      <div className="grid grid-cols-3 gap-2" role="radiogroup">
        {(["answer", "decline", "agenda"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            onClick={() => setMode(m)}
            className={`min-h-12 rounded-xl border text-base font-medium ${mode === m ? "border-brand bg-red-50 text-brand" : "border-stone-300 bg-white text-stone-800"}`}
            data-testid={`mode-${m}`}
          >
            {t(m)}
          </button>
        ))}
      </div>
      {mode === "agenda" ? (
        meetings.length ? (
          <Field label={t("pickMeeting")}>
            <Select value={meetingId} onChange={(e) => setMeetingId(e.target.value)} required data-testid="agenda-meeting">
              <option value="">{t("pickMeeting")}</option>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <p className="text-lg text-stone-700">{t("noMeetings")}</p>
        )
      ) : (
        <Field label={t(mode)} hint={mode === "answer" ? t("answerHint") : t("declineHint")}>
          <textarea className={AREA} rows={3} maxLength={MATTER_REPLY_MAX} value={text} onChange={(e) => setText(e.target.value)} required data-testid="respond-text" />
        </Field>
      )}
      <ErrorBox message={error} />
      <Button type="submit" className="w-full" variant={mode === "decline" ? "danger" : "primary"} disabled={pending} data-testid="respond-submit">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
