"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { HouseholdMembers } from "./household-members";
import { StatusBadge } from "./status-badge";
import type { GridOption, HouseholdDetailData } from "./types";

/**
 * One household: its details, members and status. The committee edits (`canEdit`); supervisors and
 * grid workers see the same page without controls. Phones are shown masked only.
 */
export function HouseholdDetail({
  initial,
  grids,
  canEdit,
}: {
  initial: HouseholdDetailData;
  grids: GridOption[];
  canEdit: boolean;
}) {
  const t = useTranslations("household");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: h } = useQuery(trpc.household.get.queryOptions({ id: initial.id }, { initialData: initial }));
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
  const setStatus = useMutation(trpc.household.setStatus.mutationOptions({ onSuccess: refresh }));
  const active = h.status === "ACTIVE";
  const editable = canEdit && active;

  return (
    <div className="space-y-4">
      <Card>
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <h1 className="text-2xl font-bold text-stone-900" data-testid="household-title">
              {h.headName}
            </h1>
            <p className="text-lg text-stone-700">{t("number", { number: h.number })}</p>
          </div>
          <StatusBadge status={h.status} />
        </div>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
          <dt className="text-stone-600">{t("detail.address")}</dt>
          <dd>{h.address || <span className="text-stone-500">{t("detail.noAddress")}</span>}</dd>
          <dt className="text-stone-600">{t("detail.grid")}</dt>
          <dd>{h.grid?.name ?? <span className="text-stone-500">{t("noGrid")}</span>}</dd>
        </dl>
        {canEdit && !active ? <p className="mt-3 rounded-xl bg-stone-100 p-3 text-base text-stone-700">{t("detail.inactiveNote")}</p> : null}
        {!canEdit ? <p className="mt-3 text-base text-stone-600">{t("detail.readOnly")}</p> : null}
        {editable && !editing ? (
          <Button type="button" variant="secondary" className="mt-3 w-full" onClick={() => setEditing(true)} data-testid="household-edit">
            {t("detail.edit")}
          </Button>
        ) : null}
        {editable && editing ? <EditForm household={h} grids={grids} onDone={() => setEditing(false)} /> : null}
      </Card>

      <HouseholdMembers household={h} editable={editable} />

      <PinCard householdId={h.id} pinSet={h.pinSet} canReset={canEdit} />

      {canEdit ? (
        <div className="space-y-2">
          <ErrorBox message={setStatus.error?.message} />
          <ConfirmButton
            className="w-full"
            variant={active ? "danger" : "primary"}
            label={active ? t("detail.deactivate") : t("detail.reactivate")}
            question={t(active ? "detail.deactivateConfirm" : "detail.reactivateConfirm", { number: h.number, head: h.headName })}
            busy={setStatus.isPending}
            onConfirm={() => setStatus.mutate({ id: h.id, status: active ? "INACTIVE" : "ACTIVE" })}
            testId="household-status-action"
          />
        </div>
      ) : null}
    </div>
  );
}

function EditForm({ household, grids, onDone }: { household: HouseholdDetailData; grids: GridOption[]; onDone: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState(household.number);
  const [headName, setHeadName] = useState(household.headName);
  const [address, setAddress] = useState(household.address);
  const [gridId, setGridId] = useState(household.grid?.id ?? "");
  const update = useMutation(
    trpc.household.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
        onDone();
      },
    }),
  );
  return (
    <form
      className="mt-4 space-y-3 border-t border-stone-200 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: household.id, number: number.trim(), headName: headName.trim(), address: address.trim(), gridId: gridId || null });
      }}
    >
      <h2 className="text-lg font-bold">{t("household.detail.editTitle")}</h2>
      <Field label={t("fields.number")} hint={t("household.new.numberHint")}>
        <Input value={number} onChange={(e) => setNumber(e.target.value)} maxLength={20} required autoComplete="off" data-testid="edit-number" />
      </Field>
      <Field label={t("fields.headName")}>
        <Input value={headName} onChange={(e) => setHeadName(e.target.value)} maxLength={20} required autoComplete="off" data-testid="edit-head" />
      </Field>
      <Field label={t("fields.address")}>
        <Input value={address} onChange={(e) => setAddress(e.target.value)} maxLength={100} autoComplete="off" data-testid="edit-address" />
      </Field>
      <Field label={t("fields.gridId")}>
        <Select value={gridId} onChange={(e) => setGridId(e.target.value)} data-testid="edit-grid">
          <option value="">{t("household.new.gridNone")}</option>
          {grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBox message={update.error?.message} />
      <div className="flex gap-2">
        <Button type="submit" className="flex-1" disabled={update.isPending} data-testid="edit-save">
          {update.isPending ? t("household.new.saving") : t("app.save")}
        </Button>
        <Button type="button" variant="secondary" className="flex-1" onClick={onDone}>
          {t("app.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The card PIN: set or not. The committee cannot set it (only the household can), only reset it with a reason. */
function PinCard({ householdId, pinSet, canReset }: { householdId: string; pinSet: boolean; canReset: boolean }) {
  const t = useTranslations("household.pin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const reset = useMutation(
    trpc.household.resetPin.mutationOptions({
      onSuccess: () => {
        setReason("");
        return queryClient.invalidateQueries({ queryKey: trpc.household.pathKey() });
      },
    }),
  );
  return (
    <Card data-testid="household-pin">
      <h2 className="mb-1 text-xl font-bold">{t("title")}</h2>
      <p className="text-base text-stone-700" data-testid="household-pin-status">
        {pinSet ? t("set") : t("notSet")}
      </p>
      {reset.isSuccess ? (
        <p role="status" className="mt-2 text-base text-green-800">
          {t("done")}
        </p>
      ) : null}
      {canReset && pinSet ? (
        <div className="mt-3 space-y-2">
          <Field label={t("reason")}>
            <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} autoComplete="off" data-testid="pin-reset-reason" />
          </Field>
          <ErrorBox message={reset.error?.message} />
          <ConfirmButton
            className="w-full"
            label={t("reset")}
            question={t("resetConfirm")}
            disabled={reason.trim().length < 2}
            busy={reset.isPending}
            onConfirm={() => reset.mutate({ householdId, reason: reason.trim() })}
            testId="pin-reset"
          />
        </div>
      ) : null}
    </Card>
  );
}
