"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import type { GridOption } from "./types";

/** 新增农户: 户号, 户主姓名, 住址, 网格. On success opens the new household. */
export function HouseholdCreateForm({ grids }: { grids: GridOption[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [number, setNumber] = useState("");
  const [headName, setHeadName] = useState("");
  const [address, setAddress] = useState("");
  const [gridId, setGridId] = useState("");
  const create = useMutation(
    trpc.household.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
        router.push(`/c/households/${id}`);
      },
    }),
  );
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ number: number.trim(), headName: headName.trim(), address: address.trim(), gridId: gridId || null });
      }}
    >
      <Field label={t("fields.number")} hint={t("household.new.numberHint")}>
        <Input
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          maxLength={20}
          required
          autoComplete="off"
          inputMode="text"
          data-testid="household-number"
        />
      </Field>
      <Field label={t("fields.headName")} hint={t("household.new.headHint")}>
        <Input value={headName} onChange={(e) => setHeadName(e.target.value)} maxLength={20} required autoComplete="off" data-testid="household-head" />
      </Field>
      <Field label={t("fields.address")}>
        <Input value={address} onChange={(e) => setAddress(e.target.value)} maxLength={100} autoComplete="off" data-testid="household-address" />
      </Field>
      <Field label={t("fields.gridId")}>
        <Select value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="household-grid">
          <option value="">{t("household.new.gridNone")}</option>
          {grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBox message={create.error?.message} />
      <Button type="submit" className="w-full" disabled={create.isPending || create.isSuccess} data-testid="household-save">
        {create.isPending || create.isSuccess ? t("household.new.saving") : t("household.new.submit")}
      </Button>
    </form>
  );
}
