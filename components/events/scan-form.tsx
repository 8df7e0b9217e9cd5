"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { MEETING_QR } from "@/server/lib/codes.schema";
import { CameraScanner } from "./camera-scanner";

type Where = { lat: number; lng: number; accuracy?: number };
type Scan = { token: string } | { code: string };

/**
 * 扫码签到: the kiosk's QR read by the camera, or the typed six-digit code under it. When the event
 * has a geofence the server answers LOCATION_REQUIRED; the villager then shares their location with
 * one tap and the same token or code is sent again with it.
 */
export function ScanForm() {
  const t = useTranslations("events.scanPage");
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const [last, setLast] = useState<Scan | null>(null);
  const checkIn = useMutation(trpc.event.checkIn.mutationOptions());
  // a meeting kiosk's QR goes to the meeting's attendance instead (docs/architecture.md, "Meetings")
  const meeting = useMutation(trpc.meeting.checkIn.mutationOptions());
  const needsLocation = checkIn.error?.data?.domainCode === "LOCATION_REQUIRED";
  const digits = code.replace(/\D/g, "");

  const send = (scan: Scan, where?: Where) => {
    meeting.reset();
    if ("token" in scan && MEETING_QR.test(scan.token)) {
      checkIn.reset();
      meeting.mutate({ token: scan.token });
      return;
    }
    setLast(scan);
    checkIn.mutate({ ...scan, ...(where ?? {}) });
  };

  const shareLocation = () => {
    setLocError(null);
    if (!("geolocation" in navigator)) {
      setLocError(t("locationFailed", { reason: "—" }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        // the accuracy too: without it the check-in is flagged as of doubtful position
        if (last) send(last, { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: pos.coords.accuracy });
      },
      (err) => {
        setLocating(false);
        setLocError(t("locationFailed", { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  };

  if (meeting.isSuccess) {
    const r = meeting.data;
    const fresh = r.outcome === "PRESENT";
    return (
      <div data-testid="meeting-checkin-result" data-outcome={r.outcome}>
        <Card className="space-y-2 text-center">
          <p className="text-5xl text-green-700" aria-hidden>
            ✓
          </p>
          <p className="text-2xl font-bold text-stone-900" role="status">
            {fresh ? t("meetingPresent") : t("meetingAlready")}
          </p>
          <p className="text-lg text-stone-800">
            {r.meeting.body} · {r.meeting.title}
          </p>
          <p className="text-base text-stone-700">{r.name}</p>
          <Link href="/v/affairs/meetings" className="flex min-h-12 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg">
            {t("meetingsLink")}
          </Link>
        </Card>
      </div>
    );
  }

  if (checkIn.isSuccess) {
    const r = checkIn.data;
    const fresh = r.outcome === "CHECKED_IN";
    return (
      <div data-testid="checkin-result" data-outcome={r.outcome}>
        <Card className="space-y-2 text-center">
          <p className={`text-5xl ${fresh ? "text-green-700" : "text-stone-700"}`} aria-hidden>
            {fresh ? "✓" : "✓✓"}
          </p>
          <p className="text-2xl font-bold text-stone-900" role="status">
            {fresh ? t("checkedIn") : t("already")}
          </p>
          <p className="text-lg text-stone-800">{r.event.title}</p>
          {!fresh ? <p className="text-base text-stone-700">{t("alreadyBody")}</p> : null}
          {r.present.length ? <p className="text-base text-stone-700">{t("present", { names: r.present.join("、") })}</p> : null}
          {r.distanceM != null ? <p className="text-base text-stone-600">{t("distance", { distance: r.distanceM })}</p> : null}
          <p className="text-base text-stone-600">{t("pointsLater")}</p>
          <div className="flex gap-2 pt-2">
            <Link href="/v/events" className="flex min-h-12 flex-1 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg">
              {t("back")}
            </Link>
            <Button
              type="button"
              variant="secondary"
              className="flex-1"
              onClick={() => {
                checkIn.reset();
                setCode("");
                setLast(null);
              }}
            >
              {t("again")}
            </Button>
          </div>
        </Card>
      </div>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (digits.length === 6 && !checkIn.isPending) send({ code: digits });
      }}
    >
      {camera ? (
        <CameraScanner
          onToken={(token) => {
            setCamera(false);
            send({ token });
          }}
          onClose={() => setCamera(false)}
        />
      ) : (
        <Button
          type="button"
          className="min-h-14 w-full text-xl"
          disabled={checkIn.isPending || meeting.isPending || locating}
          onClick={() => {
            checkIn.reset();
            setCamera(true);
          }}
          data-testid="camera-open"
        >
          {t("camera")}
        </Button>
      )}
      <Card className="space-y-3">
        <p className="text-base text-stone-600">{t("or")}</p>
        <Field label={t("codeLabel")} hint={t("codeHint")}>
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/[^\d ]/g, "").slice(0, 8))}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            placeholder="000000"
            className="text-center text-3xl tracking-[0.3em] tabular-nums"
            data-testid="checkin-code"
            aria-describedby="checkin-error"
          />
        </Field>
        <Button type="submit" className="w-full" disabled={digits.length !== 6 || checkIn.isPending || locating} data-testid="checkin-submit">
          {checkIn.isPending ? t("submitting") : t("submit")}
        </Button>
      </Card>
      {needsLocation ? (
        <div data-testid="checkin-location">
          <Card className="space-y-3">
            <p className="text-lg text-stone-900">{t("locationNeeded")}</p>
            <Button type="button" className="w-full" onClick={shareLocation} disabled={locating || checkIn.isPending} data-testid="checkin-share-location">
              {locating ? t("locating") : t("shareLocation")}
            </Button>
            <ErrorBox message={locError} />
          </Card>
        </div>
      ) : (
        <div id="checkin-error" data-testid="checkin-error">
          <ErrorBox message={checkIn.error?.message ?? meeting.error?.message} />
        </div>
      )}
    </form>
  );
}
