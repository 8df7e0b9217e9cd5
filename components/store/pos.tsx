"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { CameraScanner, type ScannerTexts } from "@/components/events/camera-scanner";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { CARD_QR, PAY_QR } from "@/server/lib/codes.schema";
import { newRequestKey } from "@/server/lib/words.schema";
import type { Payer } from "@/server/modules/store/store.schema";

type Mode = "CODE" | "CARD";

/**
 * The shopkeeper's till: who pays (the camera reads the villager's payment code, or the printed card
 * and then the household types the PIN; typed fallback: the household number + the 8 digits under
 * the code, or the card's number + PIN) → tap items → confirm. One request key per sale, so a double
 * tap or a retry over a weak network redeems once. A price changed since the list was loaded:
 * the server refuses with PRICE_CHANGED (or PRICE_STALE: a line priced on an older version), the list reloads and the new total is confirmed again.
 */
export function Pos() {
  const t = useTranslations("store.pos");
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>("CODE");
  const [number, setNumber] = useState("");
  const [secret, setSecret] = useState("");
  const [payer, setPayer] = useState<Payer | null>(null);
  const [scanning, setScanning] = useState(false);
  /** the text of a scanned household card, waiting for the PIN */
  const [card, setCard] = useState<string | null>(null);
  const [cart, setCart] = useState<Record<string, number>>({});
  const [query, setQuery] = useState("");
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const items = useQuery(trpc.item.list.queryOptions({ includeInactive: false }));
  const lookup = useMutation(trpc.store.lookupPayer.mutationOptions());
  /** a scanned card without the PIN yet: whose card it is (no balance until the PIN is right) */
  const cardWho = useMutation(trpc.store.lookupPayer.mutationOptions());
  const scanTexts = useMemo<ScannerTexts>(() => ({ hint: t("cameraHint"), other: t("cameraOther"), failed: (reason) => t("cameraFailed", { reason }) }), [t]);
  const redeem = useMutation(
    trpc.store.redeem.mutationOptions({
      onError: (e) => {
        if (e.data?.domainCode === "PRICE_CHANGED" || e.data?.domainCode === "PRICE_STALE") void items.refetch();
      },
    }),
  );

  const list = useMemo(() => items.data?.items ?? [], [items.data]);
  const shown = list.filter((i) => !query.trim() || i.name.includes(query.trim()) || i.category.includes(query.trim()));
  const lines = list.filter((i) => cart[i.id]).map((i) => ({ item: i, quantity: cart[i.id]! }));
  const total = lines.reduce((s, l) => s + l.item.pricePoints * l.quantity, 0);
  const balance = lookup.data?.balance ?? null;

  const reset = () => {
    setPayer(null);
    setScanning(false);
    setCard(null);
    cardWho.reset();
    setNumber("");
    setSecret("");
    setCart({});
    setRequestKey(newRequestKey());
    lookup.reset();
    redeem.reset();
  };
  const add = (id: string, by: number) =>
    setCart((c) => {
      const q = Math.max(0, Math.min(99, (c[id] ?? 0) + by));
      const next = { ...c };
      if (q) next[id] = q;
      else delete next[id];
      return next;
    });

  if (items.error) return <ErrorBox message={items.error.data?.domainCode === "NOT_FOUND" ? t("noShop") : items.error.message} />;

  if (redeem.isSuccess) {
    const r = redeem.data;
    return (
      <Card className="space-y-2" data-testid="pos-receipt">
        <p className="text-center text-5xl text-green-700" aria-hidden>
          ✓
        </p>
        <p role="status" className="text-center text-2xl font-bold">
          {t("done")}
        </p>
        <p className="text-center text-lg">
          {t("receiptNo")} <span className="font-mono font-bold" data-testid="pos-receipt-no">{r.receiptNo}</span>
        </p>
        <p className="text-center text-base text-stone-700">{r.household ? t("payer", { number: r.household.number, head: r.household.headName }) : null}</p>
        <ul className="text-base">
          {r.lines.map((l) => (
            <li key={l.id} className="flex justify-between">
              <span>
                {l.name} × {l.quantity}
              </span>
              <span>{l.linePoints}</span>
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-stone-200 pt-1 text-xl font-bold">
          <span>{t("total")}</span>
          <span>{r.totalPoints}</span>
        </p>
        <p className="text-center text-lg text-stone-700">{t("balanceAfter", { points: r.balance })}</p>
        <Button type="button" className="w-full" onClick={reset} data-testid="pos-next">
          {t("next")}
        </Button>
      </Card>
    );
  }

  if (!payer || !lookup.data) {
    const cardScanned = mode === "CARD" && card !== null;
    const ready = (cardScanned || number.trim()) && (mode === "CODE" ? secret.replace(/\D/g, "").length === 8 : secret.length >= 4);
    const pay = (p: Payer) =>
      // the till then pays with the session the server handed out (the code itself expires within two minutes)
      lookup.mutate({ payer: p }, { onSuccess: (d) => setPayer(d.session ? { method: "SESSION", token: d.session } : p) });
    const submit = () =>
      pay(
        mode === "CODE"
          ? { method: "TYPED", householdNumber: number.trim(), code: secret.replace(/\D/g, "") }
          : card !== null
            ? { method: "CARD", card, pin: secret }
            : { method: "CARD", householdNumber: number.trim(), pin: secret },
      );
    const scanned = (text: string) => {
      setScanning(false);
      setSecret("");
      lookup.reset();
      if (CARD_QR.test(text)) {
        // a card only names the household: show whose it is, then the household types the PIN
        setMode("CARD");
        setCard(text);
        cardWho.mutate({ payer: { method: "CARD", card: text } });
      } else {
        setMode("CODE");
        pay({ method: "QR", token: text });
      }
    };
    if (scanning) return <CameraScanner accept={PAY_QR} texts={scanTexts} onToken={scanned} onClose={() => setScanning(false)} />;
    return (
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !lookup.isPending) submit();
        }}
      >
        <Button
          type="button"
          className="flex w-full items-center justify-center gap-2"
          onClick={() => {
            lookup.reset();
            setScanning(true);
          }}
          data-testid="pos-camera"
        >
          {t("cameraOpen")}
        </Button>
        {lookup.isPending && !number ? <p className="text-center text-lg text-stone-700">{t("looking")}</p> : null}
        <p className="pt-1 text-base text-stone-600">{t("orType")}</p>
        <div className="grid grid-cols-2 gap-2" role="tablist">
          {(["CODE", "CARD"] as const).map((m) => (
            <Button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              variant={mode === m ? "primary" : "secondary"}
              onClick={() => {
                setMode(m);
                setSecret("");
                setCard(null);
                cardWho.reset();
                lookup.reset();
              }}
            >
              {m === "CODE" ? t("byCode") : t("byCard")}
            </Button>
          ))}
        </div>
        <Card className="space-y-3">
          {cardScanned ? (
            <div className="flex items-center justify-between gap-2" data-testid="pos-card">
              <div>
                <p className="text-base text-stone-600">{t("cardScanned")}</p>
                <p className="text-xl font-bold">
                  {cardWho.data ? t("payer", { number: cardWho.data.household.number, head: cardWho.data.household.headName }) : cardWho.isPending ? t("looking") : "—"}
                </p>
              </div>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setCard(null);
                  setSecret("");
                  cardWho.reset();
                  lookup.reset();
                }}
              >
                {t("cardOther")}
              </Button>
            </div>
          ) : (
            <Field label={t("householdNumber")}>
              <Input value={number} onChange={(e) => setNumber(e.target.value.slice(0, 20))} inputMode="numeric" autoComplete="off" data-testid="pos-number" />
            </Field>
          )}
          <ErrorBox message={cardWho.error?.message} />
          {cardScanned && cardWho.data?.pinSet === false ? <p className="text-base text-amber-900">{t("pinNotSet")}</p> : null}
          {cardScanned && cardWho.data?.pinSet ? <p className="text-base text-stone-700">{t("pinAsk")}</p> : null}
          <Field label={mode === "CODE" ? t("code") : t("pin")}>
            <Input
              value={secret}
              onChange={(e) => setSecret(e.target.value.replace(mode === "CODE" ? /[^\d ]/g : /\D/g, "").slice(0, mode === "CODE" ? 9 : 6))}
              inputMode="numeric"
              type={mode === "CARD" ? "password" : "text"}
              autoComplete="off"
              className="text-center text-2xl tracking-widest tabular-nums"
              data-testid="pos-secret"
            />
          </Field>
          <ErrorBox message={lookup.error?.message} />
          <Button type="submit" className="w-full" disabled={!ready || lookup.isPending} data-testid="pos-lookup">
            {lookup.isPending ? t("looking") : t("lookup")}
          </Button>
        </Card>
      </form>
    );
  }

  const who = lookup.data.household;
  return (
    <div className="space-y-3">
      <Card className="flex items-center justify-between gap-2">
        <div>
          <p className="text-xl font-bold" data-testid="pos-payer">
            {t("payer", { number: who.number, head: who.headName })}
          </p>
          {balance !== null ? <p className="text-lg text-stone-700">{t("balance", { points: balance })}</p> : null}
        </div>
        <Button type="button" variant="secondary" onClick={reset}>
          {t("change")}
        </Button>
      </Card>
      <Input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("search")} aria-label={t("search")} />
      {items.isLoading ? <p className="text-base text-stone-600">…</p> : null}
      {!items.isLoading && list.length === 0 ? <Card className="text-base text-stone-600">{t("noItems")}</Card> : null}
      <ul className="grid grid-cols-2 gap-2">
        {shown.map((i) => (
          <li key={i.id}>
            <button
              type="button"
              onClick={() => add(i.id, 1)}
              disabled={i.stock <= (cart[i.id] ?? 0)}
              className="flex min-h-16 w-full flex-col items-start rounded-xl bg-white p-2 text-left ring-1 ring-stone-300 active:bg-stone-100 disabled:opacity-50"
              data-testid="pos-item"
            >
              <span className="text-base font-medium leading-snug">{i.name}</span>
              <span className="flex w-full justify-between text-sm text-stone-600">
                <span className="text-base font-bold text-brand-dark">{i.pricePoints}</span>
                <span>{t("stock", { stock: i.stock })}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <Card className="space-y-2">
        <h2 className="text-lg font-bold">{t("cart")}</h2>
        {lines.length === 0 ? <p className="text-base text-stone-600">{t("empty")}</p> : null}
        <ul className="space-y-1">
          {lines.map((l) => (
            <li key={l.item.id} className="flex items-center justify-between gap-2">
              <span className="flex-1 text-base">{l.item.name}</span>
              <button type="button" aria-label={t("minus", { name: l.item.name })} onClick={() => add(l.item.id, -1)} className="h-11 w-11 rounded-lg ring-1 ring-stone-300 text-xl">
                −
              </button>
              <span className="w-8 text-center text-lg tabular-nums">{l.quantity}</span>
              <button type="button" aria-label={t("plus", { name: l.item.name })} onClick={() => add(l.item.id, 1)} disabled={l.quantity >= l.item.stock} className="h-11 w-11 rounded-lg ring-1 ring-stone-300 text-xl disabled:opacity-40">
                +
              </button>
              <span className="w-12 text-right text-base tabular-nums">{l.item.pricePoints * l.quantity}</span>
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-stone-200 pt-1 text-xl font-bold">
          <span>{t("total")}</span>
          <span data-testid="pos-total">{total}</span>
        </p>
        {balance !== null && total > 0 ? <p className={`text-base ${balance - total < 0 ? "text-red-700" : "text-stone-600"}`}>{t("after", { points: balance - total })}</p> : null}
        {/* a changed price is not a failure: the list has reloaded and the server's message names both totals */}
        {redeem.error?.data?.domainCode === "PRICE_CHANGED" || redeem.error?.data?.domainCode === "PRICE_STALE" ? (
          <p role="status" className="rounded-xl bg-amber-50 p-3 text-base text-amber-900 ring-1 ring-amber-300" data-testid="pos-price-changed">
            {redeem.error.message}
          </p>
        ) : (
          <ErrorBox message={redeem.error?.message} />
        )}
        <Button
          type="button"
          className="w-full"
          disabled={!lines.length || redeem.isPending || items.isFetching}
          onClick={() => redeem.mutate({ payer, lines: lines.map((l) => ({ itemId: l.item.id, quantity: l.quantity, priceVersion: l.item.priceVersion })), expectedTotal: total, idempotencyKey: requestKey })}
          data-testid="pos-confirm"
        >
          {redeem.isPending ? t("confirming") : t("confirm", { points: total })}
        </Button>
      </Card>
    </div>
  );
}
