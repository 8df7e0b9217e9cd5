"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { CARD_QR } from "@/server/lib/codes.schema";
import { formatTime } from "@/server/lib/village-time.schema";
import { CameraScanner, type ScannerTexts } from "./camera-scanner";

const RECENT = 5;

type Method = "QR" | "STATIC_QR" | "CARD" | "ROLL_CALL";
type Scan = {
  key: number;
  card: string;
  state: "pending" | "CHECKED_IN" | "ALREADY_CHECKED_IN" | "refused";
  household?: { number: string; headName: string };
  checkIn?: { method: Method; at: Date; by: string } | null;
  /** the domain error code of a refusal, and the server's translated message */
  code?: string;
  message?: string;
};

/** Headline of a refusal, by the server's domain code; the server's message gives the detail. */
const REFUSAL: Record<string, string> = {
  CARD_NOT_FOUND: "otherVillage",
  CARD_INVALID: "invalid",
  EVENT_NOT_OPEN: "notOpen",
  EVENT_NOT_FOUND: "notOpen",
  HOUSEHOLD_INACTIVE: "inactive",
  EVENT_FULL: "full",
};

/**
 * Staff check households in by their printed card: through the camera, card after card for a queue
 * of elderly villagers (each card read once per showing, a card already on its way is not sent
 * again), or by the card's text typed or from a scanner that types. The latest answer is shown big
 * (checked in / already checked in, when and by whom / another village's card / event not open),
 * with the few before it underneath.
 */
export function CardCheckIn({ eventId, onCheckedIn }: { eventId: string; onCheckedIn: () => void }) {
  const t = useTranslations("events.cards");
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.event.staffCheckIn.mutationOptions());
  const [camera, setCamera] = useState(false);
  const [typed, setTyped] = useState("");
  const [scans, setScans] = useState<Scan[]>([]);
  const seq = useRef(0);
  const inFlight = useRef(new Set<string>());
  const refresh = useRef(onCheckedIn);
  useEffect(() => {
    refresh.current = onCheckedIn;
  }, [onCheckedIn]);

  const submit = useCallback(
    (raw: string) => {
      const card = raw.trim();
      if (!card || inFlight.current.has(card)) return;
      inFlight.current.add(card);
      const key = ++seq.current;
      const update = (s: Partial<Scan>) => setScans((all) => all.map((x) => (x.key === key ? { ...x, ...s } : x)));
      setScans((all) => [{ key, card, state: "pending" as const }, ...all].slice(0, RECENT));
      mutateAsync({ eventId, card })
        .then((r) => {
          update({ state: r.outcome, household: r.household, checkIn: r.checkIn ? { ...r.checkIn, at: new Date(r.checkIn.at) } : null });
          refresh.current();
        })
        .catch((e: { message?: string; data?: { domainCode?: string } | null }) => update({ state: "refused", code: e.data?.domainCode ?? "", message: e.message }))
        .finally(() => inFlight.current.delete(card));
    },
    [eventId, mutateAsync],
  );

  const texts: ScannerTexts = useMemo(() => ({ hint: t("hint"), other: t("other"), failed: (reason) => t("cameraFailed", { reason }) }), [t]);
  const [latest, ...earlier] = scans;
  const panel = useRef<HTMLDivElement>(null);

  return (
    <div ref={panel} className="scroll-mt-20">
      <Card className="space-y-3">
        {/* the answer above the picture, so both stay on screen while the queue moves */}
        {latest ? <Result scan={latest} big /> : null}
        {camera ? (
          <CameraScanner accept={CARD_QR} continuous compact texts={texts} onToken={submit} onClose={() => setCamera(false)} />
        ) : (
          <Button
            type="button"
            className="min-h-14 w-full text-xl"
            onClick={() => {
              setCamera(true);
              panel.current?.scrollIntoView({ block: "start", behavior: "smooth" });
            }}
            data-testid="card-camera-open"
          >
            {t("camera")}
          </Button>
        )}
        {earlier.length ? (
          <ul className="space-y-1" aria-label={t("earlier")} data-testid="card-earlier">
            {earlier.map((s) => (
              <li key={s.key}>
                <Result scan={s} />
              </li>
            ))}
          </ul>
        ) : null}
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit(typed);
            setTyped("");
          }}
        >
          <div className="min-w-0 flex-1">
            <Field label={t("typed")}>
              <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={200} data-testid="roster-card" />
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={!typed.trim()} data-testid="roster-card-submit">
            {t("submit")}
          </Button>
        </form>
      </Card>
    </div>
  );
}

/** One answer: big for the latest, one line for the ones before. */
function Result({ scan, big = false }: { scan: Scan; big?: boolean }) {
  const t = useTranslations("events.cards");
  const tm = useTranslations("events.method");
  const locale = useLocale();
  const h = scan.household;
  const who = h ? t("household", { number: h.number, head: h.headName }) : "";
  const when = scan.checkIn ? t("by", { time: formatTime(scan.checkIn.at, locale), by: scan.checkIn.by, method: tm(scan.checkIn.method) }) : "";
  const [tone, mark, title, detail] =
    scan.state === "pending"
      ? ["bg-stone-50 ring-stone-200 text-stone-800", "…", t("pending"), ""]
      : scan.state === "CHECKED_IN"
        ? ["bg-green-50 ring-green-300 text-green-900", "✓", t("checkedIn"), when]
        : scan.state === "ALREADY_CHECKED_IN"
          ? ["bg-amber-50 ring-amber-300 text-amber-900", "✓✓", t("already"), when]
          : ["bg-red-50 ring-red-300 text-red-900", "✕", t(`refused.${REFUSAL[scan.code ?? ""] ?? "other"}`), scan.message ?? ""];
  if (!big) {
    return (
      <p className={`rounded-xl px-3 py-2 text-base ring-1 ${tone}`} data-testid="card-result-small" data-outcome={scan.state}>
        <span aria-hidden>{mark} </span>
        {title}
        {who ? ` · ${who}` : ""}
      </p>
    );
  }
  return (
    <div className={`rounded-2xl px-3 py-2.5 text-center ring-2 ${tone}`} role="status" aria-live="polite" data-testid="card-result" data-outcome={scan.state} data-code={scan.code}>
      <p className="text-[1.75rem] leading-tight font-bold">
        <span aria-hidden>{mark} </span>
        {title}
      </p>
      {who ? <p className="text-2xl font-medium">{who}</p> : null}
      {detail ? <p className="mt-0.5 text-base">{detail}</p> : null}
    </div>
  );
}
