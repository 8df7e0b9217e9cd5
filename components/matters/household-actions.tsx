"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { MATTER_RATINGS } from "@/server/modules/matters/matter.schema";

/** 我也支持: the household's one support (a retry gives the same answer). */
export function SupportButton({ matterId }: { matterId: string }) {
  const t = useTranslations("matters.detail");
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.matter.support.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button className="w-full" disabled={m.isPending} onClick={() => m.mutate({ matterId })} data-testid="matter-support">
        {m.isPending ? t("supporting") : t("support")}
      </Button>
      <ErrorBox message={m.error?.message} />
    </div>
  );
}

/** 评事: satisfied / basically / not satisfied, once per household. */
export function RateButtons({ matterId }: { matterId: string }) {
  const t = useTranslations("matters");
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.matter.rate.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2" data-testid="matter-rate">
      <p className="text-lg font-medium">{t("detail.rate")}</p>
      <div className="grid grid-cols-1 gap-2">
        {MATTER_RATINGS.map((r) => (
          <Button key={r} variant={r === "SATISFIED" ? "primary" : "secondary"} disabled={m.isPending} onClick={() => m.mutate({ matterId, rating: r })} data-testid={`rate-${r}`}>
            {t(`rating.${r}`)}
          </Button>
        ))}
      </div>
      <ErrorBox message={m.error?.message} />
    </div>
  );
}

/** A grid worker supports a matter for one household of the grid (recorded as proxy). */
export function GridSupport({ matterId, households }: { matterId: string; households: { id: string; number: string; headName: string }[] }) {
  const t = useTranslations("matters.grid");
  const trpc = useTRPC();
  const router = useRouter();
  const [householdId, setHouseholdId] = useState("");
  const m = useMutation(trpc.matter.support.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (householdId) m.mutate({ matterId, householdId });
      }}
    >
      <Select value={householdId} onChange={(e) => setHouseholdId(e.target.value)} aria-label={t("pick")} required data-testid="grid-support-household">
        <option value="">{t("pick")}</option>
        {households.map((h) => (
          <option key={h.id} value={h.id}>
            {h.number} {h.headName}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" className="w-full" disabled={m.isPending} data-testid="grid-support">
        {t("supportFor")}
      </Button>
      {m.isSuccess ? (
        <p role="status" className="text-base text-green-800" data-testid="grid-supported">
          {t("supportedFor")}
        </p>
      ) : null}
      <ErrorBox message={m.error?.message} />
    </form>
  );
}
