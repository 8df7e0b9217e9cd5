import { useTranslations } from "next-intl";
import { formatDateTime } from "@/server/lib/village-time.schema";
import { Card } from "@/components/ui/card";

export type ReceiptView = {
  id: string;
  receiptNo: string;
  shopName: string;
  household: { number: string; headName: string } | null;
  totalPoints: number;
  refundedPoints: number;
  createdAt: Date | string;
  lines: { id: string; name: string; unitPoints: number; quantity: number; refundedQty: number; linePoints: number }[];
  refunds?: { id: string; points: number; reason: string; createdAt: Date | string }[];
};

/** One receipt: number, time, shop (or household), lines, total and what was refunded. */
export function ReceiptCard({ r, locale, showHousehold, children }: { r: ReceiptView; locale: string; showHousehold: boolean; children?: React.ReactNode }) {
  const t = useTranslations("store");
  return (
    <Card className="space-y-1" data-testid="receipt">
      <div className="flex items-baseline justify-between gap-2">
        <span className="whitespace-nowrap font-mono text-sm font-bold text-stone-900">{t("receiptNo", { no: r.receiptNo })}</span>
        <span className="text-sm text-stone-600">{formatDateTime(r.createdAt, locale)}</span>
      </div>
      <p className="text-base text-stone-700">{showHousehold && r.household ? `${r.household.number} ${r.household.headName}` : r.shopName}</p>
      <ul className="text-base text-stone-800">
        {r.lines.map((l) => (
          <li key={l.id} className="flex justify-between gap-2">
            <span>
              {l.name} × {l.quantity}
              {l.refundedQty ? <span className="text-sm text-stone-500"> （−{l.refundedQty}）</span> : null}
            </span>
            <span>{l.linePoints}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-stone-200 pt-1 text-lg font-bold">
        <span>{t("total", { points: r.totalPoints })}</span>
        {r.refundedPoints ? <span className="text-base font-normal text-stone-600">{t("refunded", { points: r.refundedPoints })}</span> : null}
      </p>
      {r.refunds?.length ? (
        <ul className="space-y-0.5 text-base text-stone-700" data-testid="receipt-refunds">
          {r.refunds.map((x) => (
            <li key={x.id}>{t("refundLine", { time: formatDateTime(x.createdAt, locale), points: x.points, reason: x.reason })}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </Card>
  );
}
