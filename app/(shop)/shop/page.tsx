import { getLocale, getTranslations } from "next-intl/server";
import { ReceiptCard } from "@/components/store/receipt-card";
import { RefundButton } from "@/components/store/refund-button";
import { Card, PageTitle } from "@/components/ui/card";
import { LinkTile } from "@/components/ui/link-tile";
import { now } from "@/server/lib/clock";
import { isDomainError } from "@/server/lib/errors";
import { villageDay } from "@/server/lib/village-time.schema";
import { serverCaller } from "@/server/trpc/server-caller";

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The shop's home: what the village owes the shop (with the statement as CSV), the till, the catalogue, recent receipts. */
export default async function ShopHome() {
  const caller = await serverCaller();
  const [t, tp, ti, tr, locale] = await Promise.all([
    getTranslations("store.shopHome"),
    getTranslations("store.pos"),
    getTranslations("store.items"),
    getTranslations("store.refund"),
    getLocale(),
  ]);
  const statement = await caller.settlement.statement({}).catch((e: unknown) => {
    if (isDomainError((e as { cause?: unknown }).cause)) return null;
    throw e;
  });
  if (!statement) {
    return (
      <div>
        <PageTitle>{tp("title")}</PageTitle>
        <Card className="text-base text-stone-700">{tp("noShop")}</Card>
      </div>
    );
  }
  const receipts = await caller.store.receipts({ take: 20 });
  // a shopkeeper refunds on the day of the sale; later refunds go to a supervisor
  const today = villageDay(now());
  return (
    <div className="space-y-4">
      <PageTitle>{statement.shop.name}</PageTitle>
      <div className="grid grid-cols-2 gap-2">
        <LinkTile href="/shop/pos" icon="scan" label={tp("title")} />
        <LinkTile href="/shop/items" icon="box" label={ti("title")} />
      </div>
      <Card className="space-y-1">
        <p className="text-base text-stone-600">{t("owed")}</p>
        <p className="text-2xl font-bold" data-testid="shop-owed">
          {t("owedValue", { points: statement.owedNow, yuan: yuan(statement.owedNow * statement.fenPerPoint) })}
        </p>
        <p className="text-sm text-stone-600">{t("rate", { yuan: yuan(statement.fenPerPoint) })}</p>
        <a href="/api/store/settlement-csv" className="flex min-h-12 items-center text-base text-brand-dark underline" download>
          {t("csv")}
        </a>
      </Card>
      <section aria-labelledby="recent" className="space-y-2">
        <h2 id="recent" className="text-lg font-bold">
          {t("recent")}
        </h2>
        {receipts.length === 0 ? <Card className="text-base text-stone-600">{t("none")}</Card> : null}
        {receipts.map((r) => (
          <ReceiptCard key={r.id} r={r} locale={locale} showHousehold>
            {r.refundedPoints < r.totalPoints ? (
              villageDay(new Date(r.createdAt)) === today ? (
                <RefundButton redemptionId={r.id} lines={r.lines} />
              ) : (
                <p className="text-sm text-stone-600">{tr("laterNote")}</p>
              )
            ) : null}
          </ReceiptCard>
        ))}
      </section>
    </div>
  );
}
