"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";

export type PaperVoter = { id: string; name: string; householdNumber: string; byPerson: boolean; voted: boolean };
type Meeting = { id: string; title: string };

const label = (v: PaperVoter) => (v.byPerson ? `${v.name}（${v.householdNumber}）` : `${v.householdNumber} ${v.name}`);

function MeetingPick({ meetings, value, onChange }: { meetings: Meeting[]; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("votes.paper");
  if (meetings.length === 0) return null;
  return (
    <Field label={t("meeting")}>
      <Select value={value} onChange={(e) => onChange(e.target.value)} data-testid="paper-meeting">
        <option value="">{t("noMeeting")}</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** 录入纸质票, open ballot: one voter and their choice at a time; a voter who already voted is refused by the server, naming how and when. */
export function PaperOpenEntry({ motionId, options, voters, meetings }: { motionId: string; options: string[]; voters: PaperVoter[]; meetings: Meeting[] }) {
  const t = useTranslations("votes.paper");
  const trpc = useTRPC();
  const router = useRouter();
  const [electorId, setElectorId] = useState("");
  const [option, setOption] = useState("");
  const [meetingId, setMeetingId] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const enter = useMutation(
    trpc.motion.paperVote.mutationOptions({
      onSuccess: (r) => {
        const v = voters.find((x) => x.id === r.electorId);
        setSaved(t("savedOne", { who: v ? label(v) : "", option: r.option }));
        setElectorId("");
        setOption("");
        router.refresh();
      },
    }),
  );
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        enter.mutate({ motionId, electorId, option, meetingId: meetingId || undefined });
      }}
    >
      <MeetingPick meetings={meetings} value={meetingId} onChange={setMeetingId} />
      <Field label={t("voter")}>
        <Select value={electorId} onChange={(e) => setElectorId(e.target.value)} required data-testid="paper-voter">
          <option value="">{t("pickVoter")}</option>
          {voters.map((v) => (
            <option key={v.id} value={v.id}>
              {label(v)}
              {v.voted ? " ✓" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-lg font-medium text-stone-900">{t("choice")}</legend>
        {options.map((o) => (
          <label key={o} className="flex min-h-12 items-center gap-3 rounded-xl border border-stone-300 px-3 text-lg">
            <input type="radio" name="paper-option" className="h-6 w-6" checked={option === o} onChange={() => setOption(o)} required data-testid="paper-option" />
            {o}
          </label>
        ))}
      </fieldset>
      <ErrorBox message={enter.error?.message} />
      {saved ? (
        <p className="rounded-xl bg-green-50 p-3 text-lg text-green-900" data-testid="paper-saved">
          {saved}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={enter.isPending} data-testid="paper-save">
        {t("saveOne")}
      </Button>
    </form>
  );
}

/** 录入纸质票, secret ballot: who handed a ballot in and the totals per option, sent together (the server keeps all or nothing). */
export function PaperSecretEntry({ motionId, options, voters, meetings }: { motionId: string; options: string[]; voters: PaperVoter[]; meetings: Meeting[] }) {
  const t = useTranslations("votes.paper");
  const trpc = useTRPC();
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [meetingId, setMeetingId] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const sum = options.reduce((s, o) => s + (Number(counts[o]) || 0), 0);
  const enter = useMutation(
    trpc.motion.paperSecret.mutationOptions({
      onSuccess: (r) => {
        setSaved(t("savedSecret", { listed: r.listed }));
        setPicked([]);
        setCounts({});
        router.refresh();
      },
    }),
  );
  const open = voters.filter((v) => !v.voted);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        enter.mutate({ motionId, electorIds: picked, totals: options.map((o) => ({ option: o, count: Number(counts[o]) || 0 })), meetingId: meetingId || undefined });
      }}
    >
      <p className="text-base text-stone-700">{t("secretHint")}</p>
      <MeetingPick meetings={meetings} value={meetingId} onChange={setMeetingId} />
      <fieldset className="space-y-1">
        <legend className="text-lg font-medium text-stone-900">{t("handedIn")}</legend>
        <ul className="max-h-80 space-y-1 overflow-y-auto">
          {open.map((v) => (
            <li key={v.id}>
              <label className="flex min-h-12 items-center gap-3 text-lg">
                <input
                  type="checkbox"
                  className="h-6 w-6"
                  checked={picked.includes(v.id)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, v.id] : picked.filter((x) => x !== v.id))}
                  data-testid="paper-handed-in"
                />
                {label(v)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {options.map((o) => (
        <Field key={o} label={t("count", { option: o })}>
          <Input type="number" inputMode="numeric" min={0} value={counts[o] ?? ""} onChange={(e) => setCounts({ ...counts, [o]: e.target.value })} data-testid="paper-count" />
        </Field>
      ))}
      <p className={`text-lg font-medium ${sum === picked.length ? "text-stone-900" : "text-red-700"}`} data-testid="paper-sum">
        {t("sum", { sum, listed: picked.length })}
      </p>
      <ErrorBox message={enter.error?.message} />
      {saved ? (
        <p className="rounded-xl bg-green-50 p-3 text-lg text-green-900" data-testid="paper-saved">
          {saved}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={enter.isPending || picked.length === 0} data-testid="paper-save">
        {t("saveSecret")}
      </Button>
    </form>
  );
}
