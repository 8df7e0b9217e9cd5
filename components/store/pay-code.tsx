"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, ErrorBox } from "@/components/ui/card";

const REFRESH_MS = 50_000;

/**
 * The payment code: a QR drawn on the server as a small SVG (no image request, no library on the
 * phone) plus the typed fallback. It is fetched again every 50 s, before the server stops accepting it.
 */
export function PayCode() {
  const t = useTranslations("store.pay");
  const trpc = useTRPC();
  const code = useQuery({ ...trpc.store.paymentCode.queryOptions(), refetchInterval: REFRESH_MS, refetchOnWindowFocus: true, staleTime: 0 });
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  if (code.error) return <ErrorBox message={code.error.message} />;
  if (!code.data) {
    return (
      <Card className="text-center text-lg text-stone-600" aria-busy>
        {t("loading")}
      </Card>
    );
  }
  const d = code.data;
  const seconds = Math.max(0, Math.ceil((code.dataUpdatedAt + REFRESH_MS - nowMs) / 1000));
  const typed = `${d.typed.slice(0, 4)} ${d.typed.slice(4)}`;
  return (
    <Card className="space-y-3 text-center">
      <p className="text-base text-stone-700">{t("hint")}</p>
      <div
        className="mx-auto w-full max-w-[260px] bg-white [&>svg]:h-auto [&>svg]:w-full"
        role="img"
        aria-label={t("title")}
        data-testid="pay-qr"
        data-token={d.token}
        // the SVG is generated on the server by the qrcode package from our own token
        dangerouslySetInnerHTML={{ __html: d.svg }}
      />
      <p className="text-base text-stone-700">{t("typedLabel")}</p>
      <dl className="mx-auto grid max-w-[260px] grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1 text-left">
        <dt className="text-base text-stone-600">{t("household")}</dt>
        <dd className="text-2xl font-bold text-stone-900" data-testid="pay-household">
          {d.householdNumber}
        </dd>
        <dt className="text-base text-stone-600">{t("code")}</dt>
        <dd className="whitespace-nowrap font-mono text-3xl font-bold tracking-wider text-stone-900" data-testid="pay-typed">
          {typed}
        </dd>
      </dl>
      <div className="flex items-center justify-between gap-2">
        <span className="text-base text-stone-600" aria-live="polite">
          {t("refreshIn", { seconds })}
        </span>
        <Button type="button" variant="secondary" onClick={() => code.refetch()} disabled={code.isFetching}>
          {t("refresh")}
        </Button>
      </div>
    </Card>
  );
}
