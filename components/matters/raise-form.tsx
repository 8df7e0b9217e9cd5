"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PhotoPicker } from "@/components/ui/photo-picker";
import { MATTER_BODY_MAX, MATTER_CATEGORIES, MATTER_TITLE_MAX, type MatterCategory } from "@/server/modules/matters/matter.schema";

/** 说事: title, words, category, up to 3 photos, anonymous; a grid worker first picks the household. */
export function RaiseForm({ households, done }: { households?: { id: string; number: string; headName: string }[]; done: string }) {
  const t = useTranslations("matters");
  const trpc = useTRPC();
  const router = useRouter();
  const [f, setF] = useState({ householdId: "", title: "", body: "", category: "ROADS" as MatterCategory, anonymous: false });
  const [photos, setPhotos] = useState<string[]>([]);
  const raise = useMutation(trpc.matter.raise.mutationOptions({ onSuccess: (r) => router.push(`${done}/${r.id}`) }));
  return (
    <form
      className="space-y-4"
      data-testid="raise-form"
      onSubmit={(e) => {
        e.preventDefault();
        raise.mutate({ householdId: households ? f.householdId : undefined, title: f.title, body: f.body, category: f.category, anonymous: f.anonymous, photos });
      }}
    >
      {households ? (
        <Field label={t("form.household")}>
          <Select value={f.householdId} onChange={(e) => setF({ ...f, householdId: e.target.value })} required data-testid="raise-household">
            <option value="">{t("form.pickHousehold")}</option>
            {households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.number} {h.headName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t("form.category")}>
        <Select value={f.category} onChange={(e) => setF({ ...f, category: e.target.value as MatterCategory })} data-testid="raise-category">
          {MATTER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.title")} hint={t("form.titleHint")}>
        <Input value={f.title} maxLength={MATTER_TITLE_MAX} onChange={(e) => setF({ ...f, title: e.target.value })} required data-testid="raise-title" />
      </Field>
      <Field label={t("form.body")} hint={t("form.bodyHint")}>
        <textarea
          value={f.body}
          maxLength={MATTER_BODY_MAX}
          rows={5}
          required
          onChange={(e) => setF({ ...f, body: e.target.value })}
          className="w-full rounded-xl border border-stone-300 bg-white px-4 py-2 text-lg outline-none focus:border-brand"
          data-testid="raise-body"
        />
      </Field>
      <PhotoPicker value={photos} onChange={setPhotos} label={t("form.photos")} testId="raise-photo" />
      <label className="flex min-h-12 items-center gap-3 text-lg">
        <input type="checkbox" className="h-6 w-6" checked={f.anonymous} onChange={(e) => setF({ ...f, anonymous: e.target.checked })} data-testid="raise-anonymous" />
        {t("form.anonymous")}
      </label>
      <ErrorBox message={raise.error?.message} />
      <Button type="submit" className="w-full" disabled={raise.isPending} data-testid="raise-submit">
        {raise.isPending ? t("form.submitting") : t("form.submit")}
      </Button>
    </form>
  );
}
