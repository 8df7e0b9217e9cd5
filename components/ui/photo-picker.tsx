"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { PHOTO_MAX_BYTES } from "@/server/lib/photo.schema";

/** Longest side a phone sends: the server keeps at most 800 px, so more is wasted signal. */
const SEND_SIDE = 1280;
/** A picked file above this is refused at once, before reading it (phones take 5–12 MB pictures). */
const PICK_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Draws a picked or captured picture again on a canvas, at most SEND_SIDE px, as JPEG: a 6 MB camera
 * photo goes over a weak network as ~150 KB. The server decodes and re-encodes it anyway (and strips
 * what is left of the metadata), so this is about the upload's size, not trust.
 */
async function downscale(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, SEND_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL("image/jpeg", 0.82);
}

/**
 * Up to `max` photos from the camera or the gallery, shown as thumbnails that can be removed; hands the
 * downscaled JPEG data URLs to `onChange`. Say what went wrong at once (not a picture, too big).
 */
export function PhotoPicker({
  max = 3,
  value,
  onChange,
  label,
  testId = "photo-picker",
}: {
  max?: number;
  value: string[];
  onChange: (photos: string[]) => void;
  label: string;
  testId?: string;
}) {
  const t = useTranslations("app.photo");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <span className="block text-base font-medium text-stone-700">{label}</span>
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {value.map((src, i) => (
            <li key={i} className="relative">
              <img src={src} alt={t("preview", { n: i + 1 })} className="h-24 w-24 rounded-xl border border-stone-200 object-cover" />
              <button
                type="button"
                className="absolute -right-2 -top-2 h-9 w-9 rounded-full bg-stone-800 text-lg text-white"
                aria-label={t("remove", { n: i + 1 })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {value.length < max ? (
        <label className="flex min-h-12 cursor-pointer items-center justify-center rounded-xl border-2 border-dashed border-stone-300 px-4 text-lg text-stone-700">
          {busy ? t("working") : t("add", { left: max - value.length })}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            className="sr-only"
            disabled={busy}
            data-testid={testId}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = "";
              if (!f) return;
              setError(null);
              if (f.size > PICK_MAX_BYTES) return setError(t("tooLarge"));
              setBusy(true);
              try {
                const data = await downscale(f);
                // base64 is 4/3 of the bytes; the server refuses more than PHOTO_MAX_BYTES
                if ((data.length * 3) / 4 > PHOTO_MAX_BYTES) setError(t("tooLarge"));
                else onChange([...value, data]);
              } catch {
                setError(t("notImage"));
              } finally {
                setBusy(false);
              }
            }}
          />
        </label>
      ) : null}
      {error ? (
        <p role="alert" className="text-base text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
