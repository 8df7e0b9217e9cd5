"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";

/** Splits "第一网格、第二网格, 第三网格" into names. */
function gridNames(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 新建村（社区）: a village under one of the admin's towns, with its first committee account. */
export function CreateVillageForm({ towns }: { towns: { id: string; name: string }[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { townId: towns.length === 1 ? towns[0]!.id : "", name: "", noticeDays: "7", grids: "", phone: "", person: "", password: "" };
  const [f, setF] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [k]: e.target.value }));
  const create = useMutation(
    trpc.region.createVillage.mutationOptions({
      onSuccess: (_data, input) => {
        setDone(t("admin.created", { name: input.name, phone: input.committee.phone }));
        setF({ ...empty, townId: f.townId });
        router.refresh();
      },
    }),
  );

  return (
    <form
      className="space-y-3"
      data-testid="create-village-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        create.mutate({
          townId: f.townId,
          name: f.name,
          noticeDays: Number(f.noticeDays || "7"),
          grids: gridNames(f.grids),
          committee: { phone: f.phone.trim(), name: f.person, password: f.password },
        });
      }}
    >
      <Field label={t("admin.townLabel")}>
        <Select value={f.townId} onChange={set("townId")} required data-testid="village-town">
          <option value="" disabled>
            {t("admin.chooseTown")}
          </option>
          {towns.map((town) => (
            <option key={town.id} value={town.id}>
              {town.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.villageName")}>
        <Input value={f.name} onChange={set("name")} maxLength={30} placeholder={t("admin.villageNamePlaceholder")} required data-testid="village-name" />
      </Field>
      <Field label={t("admin.noticeDays")} hint={t("admin.noticeDaysHint")}>
        <Input type="number" inputMode="numeric" min={1} max={30} value={f.noticeDays} onChange={set("noticeDays")} required data-testid="village-notice-days" />
      </Field>
      <Field label={t("admin.grids")} hint={t("admin.gridsHint")}>
        <Input value={f.grids} onChange={set("grids")} maxLength={400} data-testid="village-grids" />
      </Field>
      <fieldset className="space-y-3 rounded-xl border border-stone-200 p-3">
        <legend className="px-1 text-base font-bold">{t("admin.committeeTitle")}</legend>
        <Field label={t("admin.committeeName")}>
          <Input value={f.person} onChange={set("person")} maxLength={20} autoComplete="off" required data-testid="committee-name" />
        </Field>
        <Field label={t("admin.committeePhone")}>
          <Input value={f.phone} onChange={set("phone")} inputMode="tel" maxLength={11} autoComplete="off" required data-testid="committee-phone" />
        </Field>
        <Field label={t("admin.committeePassword")} hint={t("account.passwordHint")}>
          <Input value={f.password} onChange={set("password")} type="text" autoComplete="new-password" maxLength={64} required data-testid="committee-password" />
        </Field>
      </fieldset>
      <ErrorBox message={create.error?.message} />
      {done ? (
        <p role="status" className="rounded-xl border border-green-300 bg-green-50 p-3 text-base text-green-800" data-testid="village-created">
          {done}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={create.isPending} data-testid="village-submit">
        {create.isPending ? t("admin.submitting") : t("admin.submit")}
      </Button>
    </form>
  );
}
