import { getLocale, getTranslations } from "next-intl/server";
import { ReceiptCard } from "@/components/store/receipt-card";
import { RefundButton } from "@/components/store/refund-button";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { serverCaller } from "@/server/trpc/server-caller";

/**
 * 监督委员会 · 积分超市退货: find a receipt by its number or a household's receipts by 户号, see its
 * lines and earlier refunds, and refund whole or some lines with a reason (any day; the shop itself
 * may refund only on the day of the sale). A plain GET form: the search works without scripts.
 */
export default async function Page({ searchParams }: { searchParams: Promise<{ receipt?: string; household?: string }> }) {
  const sp = await searchParams;
  const receiptNo = (sp.receipt ?? "").trim().slice(0, 30);
  const householdNumber = (sp.household ?? "").trim().slice(0, 20);
  const searching = !!(receiptNo || householdNumber);
  const caller = await serverCaller();
  const [t, locale, receipts] = await Promise.all([
    getTranslations("store.supervisor"),
    getLocale(),
    caller.store.receipts({ take: searching ? 50 : 10, ...(receiptNo ? { receiptNo } : {}), ...(householdNumber ? { householdNumber } : {}) }),
  ]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-base text-stone-700">{t("intro")}</p>
      <Card>
        <form method="get" className="space-y-3" role="search">
          <div className="grid grid-cols-2 gap-2">
            <Field label={t("receiptNo")}>
              <Input name="receipt" defaultValue={receiptNo} maxLength={30} autoComplete="off" placeholder="R20261201-000123" data-testid="find-receipt" />
            </Field>
            <Field label={t("householdNumber")}>
              <Input name="household" defaultValue={householdNumber} maxLength={20} inputMode="numeric" autoComplete="off" data-testid="find-household" />
            </Field>
          </div>
          <Button type="submit" className="w-full" data-testid="find-submit">
            {t("search")}
          </Button>
        </form>
      </Card>
      <section aria-labelledby="found" className="space-y-2">
        <h2 id="found" className="text-lg font-bold">
          {searching ? t("results", { count: receipts.length }) : t("recent")}
        </h2>
        {receipts.length === 0 ? <Card className="text-base text-stone-600">{t("none")}</Card> : null}
        {receipts.map((r) => (
          <ReceiptCard key={r.id} r={r} locale={locale} showHousehold>
            <p className="text-sm text-stone-600">{r.shopName}</p>
            {r.refundedPoints < r.totalPoints ? <RefundButton redemptionId={r.id} lines={r.lines} /> : null}
          </ReceiptCard>
        ))}
      </section>
    </div>
  );
}
