"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { PHOTO_MAX_BYTES, STOCK_REASONS } from "@/server/modules/store/store.schema";

type Item = { id: string; name: string; category: string; pricePoints: number; stock: number; active: boolean; lowStock: boolean; photoUrl: string | null };

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Create or edit one item (a new one also takes its opening stock). */
function ItemForm({ item, onDone }: { item?: Item; onDone: () => void }) {
  const t = useTranslations("store.items");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState(item?.name ?? "");
  const [category, setCategory] = useState(item?.category ?? "");
  const [price, setPrice] = useState(item ? String(item.pricePoints) : "");
  const [stock, setStock] = useState("0");
  const [active, setActive] = useState(item?.active ?? true);
  const [photo, setPhoto] = useState<string | null | undefined>(undefined);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const save = useMutation(
    trpc.item.save.mutationOptions({
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: trpc.item.list.queryKey() });
        onDone();
      },
    }),
  );
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          ...(item ? { id: item.id } : { stock: Number(stock) }),
          name,
          category,
          pricePoints: Number(price),
          active,
          ...(photo !== undefined ? { photoBase64: photo } : {}),
        });
      }}
    >
      <Field label={t("name")}>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required data-testid="item-name" />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t("price")}>
          <Input value={price} onChange={(e) => setPrice(e.target.value.replace(/\D/g, ""))} inputMode="numeric" required data-testid="item-price" />
        </Field>
        <Field label={t("category")}>
          <Input value={category} onChange={(e) => setCategory(e.target.value)} maxLength={20} />
        </Field>
      </div>
      {!item ? (
        <Field label={t("openingStock")}>
          <Input value={stock} onChange={(e) => setStock(e.target.value.replace(/\D/g, ""))} inputMode="numeric" data-testid="item-stock" />
        </Field>
      ) : null}
      <label className="flex min-h-12 items-center gap-3 text-lg">
        <input type="checkbox" className="h-6 w-6" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t("active")}
      </label>
      <Field label={t("photo")} hint={t("noPhotoNote")}>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="block w-full text-base"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            // said at once, without sending megabytes over a weak network first (the server checks again)
            const tooLarge = !!f && f.size > PHOTO_MAX_BYTES;
            setPhotoError(tooLarge ? t("photoTooLarge") : null);
            if (tooLarge) e.target.value = "";
            setPhoto(f && !tooLarge ? await readBase64(f) : undefined);
          }}
          data-testid="item-photo"
        />
      </Field>
      <ErrorBox message={photoError} />
      {item?.photoUrl ? (
        <label className="flex min-h-12 items-center gap-3 text-base">
          <input type="checkbox" className="h-6 w-6" checked={photo === null} onChange={(e) => setPhoto(e.target.checked ? null : undefined)} />
          {t("removePhoto")}
        </label>
      ) : null}
      <ErrorBox message={save.error?.message} />
      <Button type="submit" className="w-full" disabled={save.isPending} data-testid="item-save">
        {save.isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

/** Add or remove stock with a reason and a note (never below zero; the server checks). */
function StockForm({ item }: { item: Item }) {
  const t = useTranslations("store.items");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState<(typeof STOCK_REASONS)[number]>("DELIVERY");
  const [note, setNote] = useState("");
  const adjust = useMutation(
    trpc.item.adjustStock.mutationOptions({
      onSuccess: async () => {
        setDelta("");
        setNote("");
        await qc.invalidateQueries({ queryKey: trpc.item.list.queryKey() });
      },
    }),
  );
  return (
    <form
      className="space-y-3 border-t border-stone-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        adjust.mutate({ itemId: item.id, delta: Number(delta), reason, note });
      }}
    >
      <h3 className="text-lg font-bold">{t("adjust")}</h3>
      <Field label={t("delta")}>
        <Input value={delta} onChange={(e) => setDelta(e.target.value.replace(/[^\d-]/g, ""))} inputMode="numeric" required />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t("reason")}>
          <Select value={reason} onChange={(e) => setReason(e.target.value as (typeof STOCK_REASONS)[number])}>
            {STOCK_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("note")}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </Field>
      </div>
      <ErrorBox message={adjust.error?.message} />
      <Button type="submit" variant="secondary" className="w-full" disabled={adjust.isPending || !delta || delta === "-"}>
        {t("apply")}
      </Button>
    </form>
  );
}

/** The shopkeeper's catalogue: items with price, stock and low-stock warnings; add, edit, adjust stock. */
export function ItemManager() {
  const t = useTranslations("store.items");
  const trpc = useTRPC();
  const list = useQuery(trpc.item.list.queryOptions({}));
  const [open, setOpen] = useState<string | null>(null);
  if (list.error) return <ErrorBox message={list.error.message} />;
  if (!list.data) return <p className="text-base text-stone-600">…</p>;
  const { items, shop } = list.data;
  return (
    <div className="space-y-3">
      <p className="text-base text-stone-600">
        {shop.name} · {t("threshold", { n: shop.lowStockThreshold })}
      </p>
      {open === "new" ? (
        <Card>
          <ItemForm onDone={() => setOpen(null)} />
        </Card>
      ) : (
        <Button type="button" className="w-full" onClick={() => setOpen("new")} data-testid="item-add">
          {t("add")}
        </Button>
      )}
      {items.length === 0 ? <Card className="text-base text-stone-600">{t("empty")}</Card> : null}
      <ul className="space-y-2">
        {items.map((i) => (
          <li key={i.id} data-testid="item-row">
            <Card className={`space-y-3 ${i.active ? "" : "opacity-70"}`}>
              <div className="flex items-center gap-3">
                {i.photoUrl ? (
                  // a small stored photo, served with long caching
                  <img src={i.photoUrl} alt="" loading="lazy" className="h-14 w-14 flex-none rounded-lg object-cover" />
                ) : null}
                <div className="min-w-0 flex-1">
                  <p className="text-lg font-medium">{i.name}</p>
                  <p className="flex flex-wrap gap-x-3 text-base text-stone-600">
                    <span className="font-bold text-brand-dark">{t("points", { points: i.pricePoints })}</span>
                    <span>{t("stock", { stock: i.stock })}</span>
                    {i.category ? <span>{i.category}</span> : null}
                  </p>
                  <p className="flex gap-2">
                    {i.lowStock ? <span className="rounded-full bg-amber-100 px-2 text-sm text-amber-900">{t("lowStock")}</span> : null}
                    {!i.active ? <span className="rounded-full bg-stone-200 px-2 text-sm text-stone-700">{t("inactive")}</span> : null}
                  </p>
                </div>
                <Button type="button" variant="secondary" onClick={() => setOpen(open === i.id ? null : i.id)}>
                  {open === i.id ? t("close") : t("edit")}
                </Button>
              </div>
              {open === i.id ? (
                <>
                  <ItemForm item={i} onDone={() => setOpen(null)} />
                  <StockForm item={i} />
                </>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
