"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { CameraScanner, type ScannerTexts } from "@/components/events/camera-scanner";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { CARD_QR } from "@/server/lib/codes.schema";

/**
 * 凭户卡登记到会: the secretary or a grid worker scans (or types) a household's printed card; the
 * household's members who belong to the meeting's body are listed, and one tap marks them present.
 */
export function MeetingCardMark({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meetings.card");
  const tm = useTranslations("meetings");
  const trpc = useTRPC();
  const lookup = useMutation(trpc.meeting.card.mutationOptions());
  const [camera, setCamera] = useState(false);
  const [typed, setTyped] = useState("");
  const [card, setCard] = useState("");
  const texts: ScannerTexts = useMemo(() => ({ hint: t("hint"), other: t("other"), failed: (reason) => t("cameraFailed", { reason }) }), [t]);
  const send = (c: string, personIds?: string[]) => {
    setCard(c);
    lookup.mutate({ meetingId, card: c, ...(personIds ? { personIds } : {}) });
  };
  const d = lookup.data;
  const absent = d?.members.filter((m) => !m.present) ?? [];
  return (
    <div className="space-y-4">
      {camera ? (
        <CameraScanner accept={CARD_QR} compact texts={texts} onToken={(c) => (setCamera(false), send(c))} onClose={() => setCamera(false)} />
      ) : (
        <Button type="button" className="min-h-14 w-full text-xl" onClick={() => setCamera(true)} data-testid="meeting-card-camera">
          {t("camera")}
        </Button>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) send(typed.trim());
        }}
      >
        <div className="flex-1">
          <Field label={t("typed")}>
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={60} placeholder="MBH1:…" data-testid="meeting-card-text" />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={!typed.trim() || lookup.isPending} data-testid="meeting-card-lookup">
          {t("lookup")}
        </Button>
      </form>
      <ErrorBox message={lookup.error?.message} />
      {d ? (
        <Card className="space-y-3" data-testid="meeting-card-result">
          <p className="text-lg">
            {t("household", { number: d.household.number, head: d.household.headName })}
          </p>
          <p className="text-base text-stone-700">{tm("figures", { expected: d.expected, present: d.present })}</p>
          {d.members.length === 0 ? <p className="text-lg text-stone-700">{t("noMembers")}</p> : null}
          <ul className="space-y-1">
            {d.members.map((m) => (
              <li key={m.personId} className="text-lg">
                {m.name} {m.present ? <span className="text-green-700">✓ {tm("presentBy", { channel: tm(`channel.${m.channel ?? "CARD"}`) })}</span> : <span className="text-stone-500">{tm("absent")}</span>}
              </li>
            ))}
          </ul>
          {absent.length ? (
            <Button type="button" className="w-full" disabled={lookup.isPending} onClick={() => send(card, absent.map((m) => m.personId))} data-testid="meeting-card-mark">
              {t("mark", { names: absent.map((m) => m.name).join("、") })}
            </Button>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
