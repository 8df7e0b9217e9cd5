"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RulePicker } from "@/components/points/rule-picker";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { villageDay, villageInstant } from "@/server/lib/village-time.schema";
import { GEO_RADIUS_MAX, GEO_RADIUS_MIN } from "@/server/modules/events/event.schema";
import type { RuleGroup } from "@/server/modules/rules/rule.schema";

const TEXTAREA = "min-h-20 w-full rounded-xl border border-stone-300 bg-white p-3 text-lg outline-none focus:border-brand";

/** Today's date on the village calendar, as <input type="date"> wants it. */
const villageToday = () => villageDay(new Date());

function Check({ label, checked, onChange, disabled, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; testId?: string }) {
  return (
    <label className={`flex min-h-12 items-center gap-3 text-lg ${disabled ? "text-stone-400" : "text-stone-900"}`}>
      <input type="checkbox" className="h-6 w-6 shrink-0 accent-brand" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}

/**
 * 新建活动 on a phone: the name, the points item it earns (from the book in force), the day and
 * hours (China time), the place, and the options: an on-site geofence (typed, or "use my current
 * location"), places, sign-up, supervisor review, a fixed printable code (only with the geofence).
 */
export function EventForm({ groups }: { groups: RuleGroup[] }) {
  const t = useTranslations("events.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [ruleId, setRuleId] = useState("");
  const [description, setDescription] = useState("");
  const [place, setPlace] = useState("");
  const [date, setDate] = useState(villageToday);
  const [start, setStart] = useState("08:00");
  const [end, setEnd] = useState("11:00");
  const [geo, setGeo] = useState(false);
  const [lat, setLat] = useState("");
  const [lng, setLng] = useState("");
  const [radius, setRadius] = useState("200");
  const [capacity, setCapacity] = useState("");
  const [signupRequired, setSignupRequired] = useState(false);
  const [needsApproval, setNeedsApproval] = useState(true);
  const [allowStaticCode, setAllowStaticCode] = useState(false);
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const create = useMutation(trpc.event.create.mutationOptions({ onSuccess: () => router.push("/c/events") }));

  const locateMe = () => {
    setLocError(null);
    if (!("geolocation" in navigator)) return setLocError("—");
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setLat(p.coords.latitude.toFixed(6));
        setLng(p.coords.longitude.toFixed(6));
      },
      (e) => {
        setLocating(false);
        setLocError(e.message || String(e.code));
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (create.isPending) return;
        const num = (s: string) => (s.trim() === "" ? null : Number(s));
        create.mutate({
          title: title.trim(),
          ruleId,
          description: description.trim(),
          place: place.trim(),
          startsAt: villageInstant(date, start),
          endsAt: villageInstant(date, end),
          geoLat: geo ? num(lat) : null,
          geoLng: geo ? num(lng) : null,
          geoRadiusM: geo ? num(radius) : null,
          capacity: num(capacity),
          signupRequired,
          needsApproval,
          allowStaticCode: geo && allowStaticCode,
        });
      }}
    >
      <Card className="space-y-3">
        <Field label={t("name")}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={50} required data-testid="event-title" />
        </Field>
        <div>
          <span className="mb-1 block text-base font-medium text-stone-700">{t("rule")}</span>
          <RulePicker groups={groups} value={ruleId} onChange={setRuleId} />
        </div>
        <Field label={t("place")}>
          <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={100} data-testid="event-place" />
        </Field>
        <Field label={t("description")}>
          <textarea className={TEXTAREA} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} />
        </Field>
      </Card>
      <Card className="space-y-3">
        <Field label={t("date")}>
          <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} required data-testid="event-date" />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("start")}>
            <Input type="time" value={start} onChange={(e) => setStart(e.target.value)} required className="px-2" data-testid="event-start" />
          </Field>
          <Field label={t("end")}>
            <Input type="time" value={end} onChange={(e) => setEnd(e.target.value)} required className="px-2" data-testid="event-end" />
          </Field>
        </div>
        <Field label={t("capacity")}>
          <Input type="number" inputMode="numeric" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} data-testid="event-capacity" />
        </Field>
        <Check label={t("signupRequired")} checked={signupRequired} onChange={setSignupRequired} testId="event-signup-required" />
        <Check label={t("needsApproval")} checked={needsApproval} onChange={setNeedsApproval} testId="event-needs-approval" />
      </Card>
      <Card className="space-y-3">
        <Check label={t("geofence")} checked={geo} onChange={setGeo} testId="event-geo" />
        {geo ? (
          <>
            <p className="rounded-xl bg-amber-50 p-2.5 text-base text-amber-900 ring-1 ring-amber-200" data-testid="event-geo-trust">
              {t("geoTrust")}
            </p>
            <Button type="button" variant="secondary" className="w-full" onClick={locateMe} disabled={locating}>
              {locating ? t("locating") : t("useLocation")}
            </Button>
            <ErrorBox message={locError} />
            <div className="grid grid-cols-2 gap-3">
              <Field label={t("lat")}>
                <Input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} data-testid="event-lat" />
              </Field>
              <Field label={t("lng")}>
                <Input inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} data-testid="event-lng" />
              </Field>
            </div>
            <Field label={t("radius")} hint={`${GEO_RADIUS_MIN}–${GEO_RADIUS_MAX}`}>
              <Input type="number" inputMode="numeric" value={radius} onChange={(e) => setRadius(e.target.value)} data-testid="event-radius" />
            </Field>
          </>
        ) : null}
        <Check label={t("allowStaticCode")} checked={geo && allowStaticCode} onChange={setAllowStaticCode} disabled={!geo} testId="event-static" />
      </Card>
      <ErrorBox message={create.error?.message} />
      <Button type="submit" className="w-full" disabled={create.isPending || !title.trim() || !ruleId} data-testid="event-submit">
        {create.isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
