"use client";
import jsQR from "jsqr";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { CHECKIN_QR } from "@/server/lib/codes.schema";

const MAX_SIDE = 640;
const EVERY_MS = 150;
/**
 * Continuous scanning hands the same code over again only once it has been out of sight this long:
 * a card held up for a second is one check-in, not seven, yet the next person's card (or the same
 * card shown again on purpose) is read at once. Longer than a missed frame or two of a held card.
 */
export const REARM_MS = 3000;

/** The browser's own QR reader (Chrome on Android has it; Debian's Chromium does not). */
type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (opts: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

async function nativeDetector(): Promise<Detector | null> {
  const BD = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!BD) return null;
  try {
    const formats = (await BD.getSupportedFormats?.()) ?? ["qr_code"];
    return formats.includes("qr_code") ? new BD({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

export type ScannerTexts = { hint: string; other: string; failed: (reason: string) => string };

/**
 * Reads QR codes from the phone's camera: with BarcodeDetector where the browser has one, else each
 * frame is drawn on a canvas and decoded with jsQR. Codes that `accept` does not match are ignored
 * with a hint. By default (a villager's check-in) the camera stops at the first accepted code; with
 * `continuous` (staff scanning a queue of printed cards) it keeps going and hands over each code once
 * per appearance (see REARM_MS).
 */
export function CameraScanner({
  onToken,
  onClose,
  accept = CHECKIN_QR,
  continuous = false,
  compact = false,
  texts,
}: {
  onToken: (token: string) => void;
  onClose: () => void;
  /** which codes to hand over (a module constant: a new RegExp each render would restart the camera) */
  accept?: RegExp;
  continuous?: boolean;
  /** a low picture, so answers shown next to it stay on a small phone's screen */
  compact?: boolean;
  /** what to say (defaults: the villager's event check-in) */
  texts?: ScannerTexts;
}) {
  const t = useTranslations("events.scanPage");
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [other, setOther] = useState(false);
  const done = useRef(onToken);
  // read through refs: a parent re-rendering with a new callback or strings must not restart the camera
  const words = useRef(texts);
  useEffect(() => {
    done.current = onToken;
    words.current = texts;
  }, [onToken, texts]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let detector: Detector | null = null;
    /** code -> when it was last in sight (continuous mode) */
    const seen = new Map<string, number>();
    const failed = (reason: string) => setError(words.current ? words.current.failed(reason) : t("cameraFailed", { reason }));
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
    /** Handles one decoded text; true when the camera should stop. */
    const found = (text: string): boolean => {
      if (!accept.test(text)) {
        setOther(true);
        return false;
      }
      setOther(false);
      if (!continuous) {
        stop();
        done.current(text);
        return true;
      }
      const now = performance.now();
      const last = seen.get(text);
      seen.set(text, now);
      if (last === undefined || now - last >= REARM_MS) done.current(text);
      return false;
    };
    const read = async (v: HTMLVideoElement): Promise<string[]> => {
      if (detector) {
        try {
          return (await detector.detect(v)).map((c) => c.rawValue);
        } catch {
          detector = null; // fall back to jsQR for the rest of this session
        }
      }
      const c = canvas.current;
      if (!c) return [];
      const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
      const w = Math.round(v.videoWidth * scale);
      const h = Math.round(v.videoHeight * scale);
      c.width = w;
      c.height = h;
      const ctx = c.getContext("2d", { willReadFrequently: true });
      if (!ctx) return [];
      ctx.drawImage(v, 0, 0, w, h);
      const code = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: "dontInvert" });
      return code?.data ? [code.data] : [];
    };
    const tick = async () => {
      if (stopped) return;
      const v = video.current;
      if (v && v.readyState >= 2 && v.videoWidth > 0) {
        for (const text of await read(v)) {
          if (stopped || found(text)) return;
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), EVERY_MS);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      failed("—");
      return;
    }
    void nativeDetector().then((d) => {
      detector = d;
      return navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then((s) => {
          if (stopped) return s.getTracks().forEach((tr) => tr.stop());
          stream = s;
          if (video.current) {
            video.current.srcObject = s;
            void video.current.play().catch(() => {});
          }
          void tick();
        })
        .catch((e: unknown) => failed(e instanceof Error ? e.message || e.name : String(e)));
    });
    return stop;
  }, [t, accept, continuous]);

  return (
    <div className="space-y-2" data-testid="camera" data-continuous={continuous ? "1" : undefined}>
      <div className="relative overflow-hidden rounded-2xl bg-black">
        <video ref={video} playsInline muted className={`block w-full object-cover ${compact ? "h-48" : "aspect-square"}`} />
        <div className={`pointer-events-none absolute rounded-xl border-4 border-white/80 ${compact ? "inset-y-[8%] inset-x-[28%]" : "inset-[15%]"}`} aria-hidden />
      </div>
      <canvas ref={canvas} className="hidden" />
      <p className="text-base text-stone-700">{other ? (texts?.other ?? t("cameraOther")) : (texts?.hint ?? t("cameraHint"))}</p>
      <ErrorBox message={error} />
      <Button type="button" variant="secondary" className="w-full" onClick={onClose} data-testid="camera-close">
        {t("cameraStop")}
      </Button>
    </div>
  );
}
