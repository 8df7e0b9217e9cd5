"use client";
import jsQR from "jsqr";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";

const MAX_SIDE = 640;
const EVERY_MS = 150;
/** What a check-in QR holds (server/lib/qr-token.ts): the rotating or the static token. */
const CHECKIN_QR = /^MB[ES]1\./;

/**
 * Reads a check-in QR from the phone's camera: each frame is drawn on a canvas and decoded with
 * jsQR (Debian's Chromium and many phones have no BarcodeDetector). Stops the camera as soon as a
 * check-in token is read and hands it over; other QR codes are ignored with a hint.
 */
export function CameraScanner({ onToken, onClose }: { onToken: (token: string) => void; onClose: () => void }) {
  const t = useTranslations("events.scanPage");
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [other, setOther] = useState(false);
  const done = useRef(onToken);
  useEffect(() => {
    done.current = onToken;
  }, [onToken]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
    const tick = () => {
      if (stopped) return;
      const v = video.current;
      const c = canvas.current;
      if (v && c && v.readyState >= 2 && v.videoWidth > 0) {
        const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
        const w = Math.round(v.videoWidth * scale);
        const h = Math.round(v.videoHeight * scale);
        c.width = w;
        c.height = h;
        const ctx = c.getContext("2d", { willReadFrequently: true });
        if (ctx) {
          ctx.drawImage(v, 0, 0, w, h);
          const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: "dontInvert" });
          if (found?.data && CHECKIN_QR.test(found.data)) {
            stop();
            done.current(found.data);
            return;
          }
          if (found?.data) setOther(true);
        }
      }
      timer = setTimeout(tick, EVERY_MS);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setError(t("cameraFailed", { reason: "—" }));
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((tr) => tr.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => {});
        }
        tick();
      })
      .catch((e: unknown) => setError(t("cameraFailed", { reason: e instanceof Error ? e.message || e.name : String(e) })));
    return stop;
  }, [t]);

  return (
    <div className="space-y-2" data-testid="camera">
      <div className="relative overflow-hidden rounded-2xl bg-black">
        <video ref={video} playsInline muted className="block aspect-square w-full object-cover" />
        <div className="pointer-events-none absolute inset-[15%] rounded-xl border-4 border-white/80" aria-hidden />
      </div>
      <canvas ref={canvas} className="hidden" />
      <p className="text-base text-stone-700">{other ? t("cameraOther") : t("cameraHint")}</p>
      <ErrorBox message={error} />
      <Button type="button" variant="secondary" className="w-full" onClick={onClose} data-testid="camera-close">
        {t("cameraStop")}
      </Button>
    </div>
  );
}
