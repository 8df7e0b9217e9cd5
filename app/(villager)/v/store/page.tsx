import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReceiptCard } from "@/components/store/receipt-card";
import { Card, PageTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { serverCaller } from "@/server/trpc/server-caller";

/** 积分超市: the village's shops and items, what the household can afford, and its redemptions. */
export default async function Page() {
  const caller = await serverCaller();
  const [t, locale, cat, receipts] = await Promise.all([getTranslations("store"), getLocale(), caller.store.catalog(), caller.store.receipts({ take: 10 })]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      {cat.household ? (
        <Card className="flex items-center justify-between gap-3">
          <div>
            <p className="text-base text-stone-600">{t("balance")}</p>
            <p className="text-3xl font-bold text-stone-900" data-testid="store-balance">
              {t("pointsUnit", { points: cat.balance })}
            </p>
          </div>
          <Link
            href="/v/store/pay"
            className="flex min-h-14 items-center gap-2 rounded-2xl bg-brand px-4 text-lg font-bold text-white active:bg-brand-dark"
            data-testid="go-pay"
          >
            <Icon name="scan" className="h-6 w-6" />
            {t("showCode")}
          </Link>
        </Card>
      ) : (
        <Card className="text-base text-stone-700">{t("noHousehold")}</Card>
      )}
      {cat.shops.length === 0 ? <Card className="text-base text-stone-600">{t("noShops")}</Card> : null}
      {cat.shops.map((shop) => (
        <section key={shop.id} aria-labelledby={`shop-${shop.id}`} className="space-y-2">
          <h2 id={`shop-${shop.id}`} className="text-lg font-bold">
            {shop.name}
          </h2>
          {shop.items.length === 0 ? <Card className="text-base text-stone-600">{t("noItems")}</Card> : null}
          <ul className="grid grid-cols-2 gap-2">
            {shop.items.map((item) => (
              <li key={item.id} className="flex flex-col rounded-2xl bg-paper p-3 shadow-sm ring-1 ring-stone-200">
                {item.photoUrl ? (
                  <img src={item.photoUrl} alt="" loading="lazy" className="mb-2 aspect-square w-full rounded-xl object-cover" />
                ) : (
                  <Icon name="box" className="mb-1 h-6 w-6 text-stone-400" />
                )}
                <span className="text-base font-medium leading-snug text-stone-900">{item.name}</span>
                <span className="text-lg font-bold text-brand-dark">{t("pointsUnit", { points: item.pricePoints })}</span>
                <span
                  className={`mt-1 self-start rounded-full px-2 py-0.5 text-sm ${
                    !item.available ? "bg-stone-200 text-stone-600" : item.affordable ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"
                  }`}
                >
                  {!item.available ? t("soldOut") : item.affordable ? t("affordable") : t("notEnough")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="my-receipts" className="space-y-2">
        <h2 id="my-receipts" className="text-lg font-bold">
          {t("myReceipts")}
        </h2>
        {receipts.length === 0 ? <Card className="text-base text-stone-600">{t("noReceipts")}</Card> : null}
        {receipts.map((r) => (
          <ReceiptCard key={r.id} r={r} locale={locale} showHousehold={false} />
        ))}
      </section>
    </div>
  );
}
