"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { PhotoPicker } from "@/components/ui/photo-picker";
import { newRequestKey } from "@/server/lib/words.schema";
import { REPORT_CATEGORIES, REPORT_MAX_PHOTOS, type ReportPlace } from "@/server/modules/reports/report.schema";

/**
 * A new 随手拍: photos (downscaled in the browser), words, a category and a place — the phone's
 * position taken now (EXIF of picked photos is stripped on Android, so it is never relied on), or a
 * grid or landmark picked from the village's list. A grid worker also picks the household (proxy).
 */
export function ReportForm({ proxy = false }: { proxy?: boolean }) {
  const t = useTranslations("reports");
  const tApp = useTranslations("app");
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.report.options.queryOptions());
  const [photos, setPhotos] = useState<string[]>([]);
  const [text, setText] = useState("");
  const [category, setCategory] = useState<(typeof REPORT_CATEGORIES)[number]>("ENVIRONMENT");
  const [gps, setGps] = useState<{ lat: number; lng: number; accuracyM: number } | null>(null);
  const [gpsState, setGpsState] = useState<"idle" | "working" | "failed">("idle");
  const [picked, setPicked] = useState("");
  const [householdId, setHouseholdId] = useState("");
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const create = useMutation(
    trpc.report.create.mutationOptions({
      onSuccess: () => {
        setPhotos([]);
        setText("");
        setGps(null);
        setPicked("");
        setRequestKey(newRequestKey());
        router.refresh();
      },
    }),
  );
  const place: ReportPlace | null = gps
    ? { kind: "GPS", ...gps }
    : picked.startsWith("g:")
      ? { kind: "GRID", gridId: picked.slice(2) }
      : picked.startsWith("l:")
        ? { kind: "LANDMARK", landmarkId: picked.slice(2) }
        : null;
  const locate = () => {
    if (!navigator.geolocation) return setGpsState("failed");
    setGpsState("working");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setGps({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) });
        setGpsState("idle");
      },
      () => setGpsState("failed"),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <form
      className="space-y-4"
      data-testid="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!place) return;
        create.mutate({ photos, text, category, place, requestKey, householdId: proxy ? householdId : undefined });
      }}
    >
      {proxy ? (
        <Field label={t("household")}>
          <Select value={householdId} onChange={(e) => setHouseholdId(e.target.value)} required data-testid="report-household">
            <option value="">—</option>
            {options.data?.households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.number} {h.headName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <PhotoPicker max={REPORT_MAX_PHOTOS} value={photos} onChange={setPhotos} label={t("photos")} testId="report-photo" />
      <Field label={t("text")}>
        <textarea
          className="min-h-24 w-full rounded-xl border border-stone-300 p-3 text-lg"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          required
          data-testid="report-text"
        />
      </Field>
      <Field label={t("category")}>
        <Select value={category} onChange={(e) => setCategory(e.target.value as typeof category)} data-testid="report-category">
          {REPORT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`cat.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="space-y-2">
        <span className="block text-base font-medium text-stone-700">{t("place")}</span>
        <Button type="button" variant="secondary" className="w-full" onClick={locate} disabled={gpsState === "working"} data-testid="report-gps">
          {gpsState === "working" ? t("gpsWorking") : t("useGps")}
        </Button>
        {gps ? (
          <p className="text-base text-green-700" data-testid="report-gps-ok">
            {t("gpsOk", { m: gps.accuracyM })}
          </p>
        ) : null}
        {gpsState === "failed" ? (
          <p role="alert" className="text-base text-amber-700">
            {t("gpsFailed")}
          </p>
        ) : null}
        <Select
          value={picked}
          onChange={(e) => {
            setPicked(e.target.value);
            if (e.target.value) setGps(null);
          }}
          aria-label={t("pick")}
          data-testid="report-pick"
        >
          <option value="">{t("pick")}</option>
          {options.data?.landmarks.map((l) => (
            <option key={l.id} value={`l:${l.id}`}>
              {t("pickLandmark", { name: l.name })}
            </option>
          ))}
          {options.data?.grids.map((g) => (
            <option key={g.id} value={`g:${g.id}`}>
              {t("pickGrid", { name: g.name })}
            </option>
          ))}
        </Select>
      </div>
      <ErrorBox message={create.error?.message} />
      {create.isSuccess ? (
        <p className="text-base text-green-700" role="status" data-testid="report-sent">
          {create.data.farFromVillage ? t("far") : t("sent")}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={create.isPending || photos.length === 0 || !place || (proxy && !householdId)} data-testid="report-send">
        {create.isPending ? tApp("loading") : t("send")}
      </Button>
    </form>
  );
}
