"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { villageDay } from "@/server/lib/village-time.schema";
import { newRequestKey } from "@/server/lib/words.schema";

const yuan = (fen: number) => (fen / 100).toFixed(2);
const today = () => villageDay(new Date());

type Shop = {
  id: string;
  name: string;
  items: number;
  owedPoints: number;
  owedFen: number;
  keepers: { userId: string; name: string; phone: string }[];
};

function SettleForm({ shop, fenPerPoint }: { shop: Shop; fenPerPoint: number }) {
  const t = useTranslations("store.committee");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [points, setPoints] = useState(String(shop.owedPoints));
  const [paidOn, setPaidOn] = useState(today);
  const [reference, setReference] = useState("");
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const record = useMutation(
    trpc.settlement.record.mutationOptions({
      onSuccess: async () => {
        setRequestKey(newRequestKey());
        setReference("");
        await qc.invalidateQueries({ queryKey: trpc.store.shops.queryKey() });
      },
    }),
  );
  const n = Number(points) || 0;
  return (
    <form
      className="space-y-2 border-t border-stone-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ shopId: shop.id, points: n, paidOn, reference, idempotencyKey: requestKey });
      }}
    >
      <h3 className="text-lg font-bold">{t("settle")}</h3>
      <div className="grid grid-cols-1 gap-2">
        <Field label={t("settlePoints")} hint={t("yuanHint", { yuan: yuan(fenPerPoint), total: yuan(n * fenPerPoint) })}>
          <Input value={points} onChange={(e) => setPoints(e.target.value.replace(/\D/g, ""))} inputMode="numeric" required />
        </Field>
        <Field label={t("paidOn")}>
          <Input type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} required />
        </Field>
      </div>
      <Field label={t("reference")}>
        <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} required />
      </Field>
      <ErrorBox message={record.error?.message} />
      {record.isSuccess ? (
        <p role="status" className="text-base text-green-800">
          {t("settleDone", { points: record.data.points, yuan: yuan(record.data.yuanCents) })}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={record.isPending || n < 1 || reference.trim().length < 2}>
        {t("settleSave")}
      </Button>
    </form>
  );
}

function KeeperForm({ shopId }: { shopId: string }) {
  const t = useTranslations("store.committee");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [phone, setPhone] = useState("");
  const assign = useMutation(
    trpc.store.assignKeeper.mutationOptions({
      onSuccess: async () => {
        setPhone("");
        await qc.invalidateQueries({ queryKey: trpc.store.shops.queryKey() });
      },
    }),
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ shopId, phone, enabled: true });
      }}
    >
      <Field label={t("keeperPhone")}>
        <Input value={phone} onChange={(e) => setPhone(e.target.value.replace(/\D/g, "").slice(0, 11))} inputMode="tel" required />
      </Field>
      <ErrorBox message={assign.error?.message} />
      <Button type="submit" variant="secondary" className="w-full" disabled={assign.isPending || phone.length !== 11}>
        {t("assign")}
      </Button>
    </form>
  );
}

function NewShop() {
  const t = useTranslations("store.committee");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.store.createShop.mutationOptions({
      onSuccess: async () => {
        setName("");
        await qc.invalidateQueries({ queryKey: trpc.store.shops.queryKey() });
      },
    }),
  );
  return (
    <Card>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, lowStockThreshold: 5 });
        }}
      >
        <h2 className="text-lg font-bold">{t("newShop")}</h2>
        <Field label={t("shopName")}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required />
        </Field>
        <ErrorBox message={create.error?.message} />
        <Button type="submit" variant="secondary" className="w-full" disabled={create.isPending || name.trim().length < 2}>
          {t("create")}
        </Button>
      </form>
    </Card>
  );
}

/** The committee's view of the village's shops: what is owed to each, record a payment, keepers, statements. */
export function CommitteeStore({ fenPerPoint }: { fenPerPoint: number }) {
  const t = useTranslations("store.committee");
  const ts = useTranslations("store");
  const trpc = useTRPC();
  const shops = useQuery(trpc.store.shops.queryOptions());
  if (shops.error) return <ErrorBox message={shops.error.message} />;
  if (!shops.data) return <p className="text-base text-stone-600">…</p>;
  return (
    <div className="space-y-4">
      {shops.data.length === 0 ? <Card className="text-base text-stone-600">{t("none")}</Card> : null}
      {shops.data.map((s) => (
        <Card key={s.id} className="space-y-3">
          <h2 className="text-xl font-bold">{s.name}</h2>
          <p className="text-base text-stone-600">{t("items", { n: s.items })}</p>
          <div>
            <p className="text-base text-stone-600">{t("owedTo")}</p>
            <p className="text-2xl font-bold" data-testid="owed">
              {ts("pointsUnit", { points: s.owedPoints })} · ¥{yuan(s.owedFen)}
            </p>
            <a href={`/api/store/settlement-csv?shopId=${encodeURIComponent(s.id)}`} className="flex min-h-12 items-center text-base text-brand-dark underline" download>
              {t("csv")}
            </a>
          </div>
          <div>
            <p className="text-base font-medium">{t("keepers")}</p>
            {s.keepers.length === 0 ? <p className="text-base text-stone-600">{t("noKeepers")}</p> : null}
            <ul className="text-base text-stone-800">
              {s.keepers.map((k) => (
                <li key={k.userId}>
                  {k.name} {k.phone}
                </li>
              ))}
            </ul>
          </div>
          <KeeperForm shopId={s.id} />
          <SettleForm shop={s} fenPerPoint={fenPerPoint} />
        </Card>
      ))}
      <NewShop />
    </div>
  );
}
