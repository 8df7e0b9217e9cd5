"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, Select } from "@/components/ui/field";
import type { DecisionRule, ValidityRule } from "@/server/modules/council/motion.rules";
import { MOTION_QUESTION_MAX, MOTION_TITLE_MAX } from "@/server/modules/council/motion.schema";
import { villageInstant } from "@/server/lib/village-time.schema";
import { TEXTAREA } from "./notice-form";

const VALIDITY: ValidityRule["kind"][] = ["HOUSEHOLDS_TWO_THIRDS", "HOUSEHOLDS_MORE_THAN_HALF", "ANY_TURNOUT"];
const DECISION: DecisionRule["kind"][] = ["MORE_THAN_HALF_PRESENT", "TWO_THIRDS_PRESENT", "MOST_VOTES"];

/** 新建表决: title, question, 同意/不同意/弃权 or candidates, secret or not, closing time and the rules; saved as a draft. */
export function MotionForm({
  books = [],
  bodies = [],
}: {
  books?: { id: string; version: number; title: string }[];
  /** the village's bodies whose members may be the electorate (one vote per person) */
  bodies?: { id: string; kind: string; name: string }[];
}) {
  const t = useTranslations("votes");
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [ruleBookId, setRuleBookId] = useState("");
  const [bodyId, setBodyId] = useState("");
  const [question, setQuestion] = useState("");
  const [kind, setKind] = useState<"yesNo" | "candidates">("yesNo");
  const [candidates, setCandidates] = useState("");
  const [secret, setSecret] = useState(false);
  const [day, setDay] = useState("");
  const [time, setTime] = useState("18:00");
  const [validity, setValidity] = useState<ValidityRule["kind"]>("HOUSEHOLDS_TWO_THIRDS");
  const [decision, setDecision] = useState<DecisionRule["kind"]>("MORE_THAN_HALF_PRESENT");
  const create = useMutation(trpc.motion.create.mutationOptions({ onSuccess: () => router.push("/c/motions") }));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const options = kind === "candidates" && !ruleBookId ? candidates.split("\n").map((c) => c.trim()).filter(Boolean) : undefined;
        create.mutate({
          title,
          question,
          options,
          secret,
          closesAt: day ? villageInstant(day, time) : new Date(0),
          validityRule: { kind: validity },
          decisionRule: { kind: decision },
          ruleBookId: ruleBookId || undefined,
          electorate: bodyId ? { kind: "BODY", bodyId } : { kind: "VILLAGE" },
        });
      }}
    >
      <Field label={t("form.title")}>
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={MOTION_TITLE_MAX} required data-testid="motion-title" />
      </Field>
      <Field label={t("form.question")}>
        <textarea className={TEXTAREA} value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={MOTION_QUESTION_MAX} required data-testid="motion-question" />
      </Field>
      {books.length > 0 ? (
        <Field label={t("form.ruleBook")} hint={t("form.ruleBookHint")}>
          <Select
            value={ruleBookId}
            onChange={(e) => {
              setRuleBookId(e.target.value);
              if (e.target.value) {
                setKind("yesNo");
                setBodyId("");
              }
            }}
            data-testid="motion-rulebook"
          >
            <option value="">{t("form.noRuleBook")}</option>
            {books.map((b) => (
              <option key={b.id} value={b.id}>
                {t("form.ruleBookOption", { version: b.version, title: b.title })}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {bodies.length > 0 ? (
        <Field label={t("form.electorate")} hint={t("form.electorateHint")}>
          <Select value={bodyId} onChange={(e) => setBodyId(e.target.value)} disabled={!!ruleBookId} data-testid="motion-electorate">
            <option value="">{t("form.electorateVillage")}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {t("form.electorateBody", { name: b.name })}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t("form.kind")}>
        <Select value={kind} onChange={(e) => setKind(e.target.value as "yesNo" | "candidates")} disabled={!!ruleBookId} data-testid="motion-kind">
          <option value="yesNo">{t("form.yesNo")}</option>
          <option value="candidates">{t("form.candidates")}</option>
        </Select>
      </Field>
      {kind === "candidates" ? (
        <Field label={t("form.candidates")}>
          <textarea className={TEXTAREA} value={candidates} onChange={(e) => setCandidates(e.target.value)} data-testid="motion-candidates" />
        </Field>
      ) : null}
      <label className="flex min-h-12 items-center gap-3 text-lg">
        <input type="checkbox" className="h-6 w-6" checked={secret} onChange={(e) => setSecret(e.target.checked)} data-testid="motion-secret" />
        {t("form.secret")}
      </label>
      <Field label={t("form.closesAt")}>
        <div className="grid grid-cols-2 gap-2">
          <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} required data-testid="motion-day" />
          <Input type="time" value={time} onChange={(e) => setTime(e.target.value)} required data-testid="motion-time" />
        </div>
      </Field>
      {bodyId ? <p className="text-base text-stone-700" data-testid="motion-body-rule">{t("form.bodyRule")}</p> : null}
      <Field label={t("form.validity")}>
        <Select value={validity} onChange={(e) => setValidity(e.target.value as ValidityRule["kind"])} disabled={!!bodyId} data-testid="motion-validity">
          {VALIDITY.map((k) => (
            <option key={k} value={k}>
              {t(`validity.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.decision")}>
        <Select value={decision} onChange={(e) => setDecision(e.target.value as DecisionRule["kind"])} data-testid="motion-decision">
          {DECISION.map((k) => (
            <option key={k} value={k}>
              {t(`decision.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBox message={create.error?.message} />
      <Button type="submit" className="w-full" disabled={create.isPending} data-testid="motion-save">
        {t("form.save")}
      </Button>
    </form>
  );
}

/** 开始投票 / 提前结束投票: asks first, then reloads the list. */
export function MotionAction({ id, action }: { id: string; action: "open" | "close" }) {
  const t = useTranslations("votes.staff");
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(trpc.motion.open.mutationOptions({ onSuccess: () => router.refresh() }));
  const close = useMutation(trpc.motion.close.mutationOptions({ onSuccess: () => router.refresh() }));
  const m = action === "open" ? open : close;
  return (
    <div className="space-y-2">
      <ErrorBox message={m.error?.message} />
      <ConfirmButton
        variant={action === "open" ? "primary" : "danger"}
        className="w-full"
        label={t(action === "close" ? "closeAlone" : action)}
        question={t(action === "open" ? "openQuestion" : "closeQuestion")}
        busy={m.isPending}
        onConfirm={() => m.mutate({ id })}
        testId={`motion-${action}`}
      />
    </div>
  );
}
