/** Pure rules of the store: refund windows, receipt numbers, settlement maths. */
import type { Role } from "@/server/db/generated/enums";
import type { ErrorCode } from "@/server/lib/errors";
import { DAY_MS, villageDay, villageDayStart } from "@/server/lib/village-time.schema";

/**
 * May this actor refund this receipt now? A shopkeeper of the shop: on the day of the sale
 * (Asia/Shanghai); later, a supervisor of the village must do it.
 */
export function refundBlock(role: Role, soldAt: Date, now: Date): Extract<ErrorCode, "REFUND_NEEDS_SUPERVISOR"> | null {
  if (role === "SUPERVISOR") return null;
  return villageDay(soldAt) === villageDay(now) ? null : "REFUND_NEEDS_SUPERVISOR";
}

/**
 * The receipt number people see: R + the sale's date (Asia/Shanghai) + the ledger sequence number of
 * the village (unique in the village, increasing), e.g. R20261123-000123.
 */
export function receiptNumber(soldAt: Date, ledgerSeq: number): string {
  return `R${villageDay(soldAt).replaceAll("-", "")}-${String(ledgerSeq).padStart(6, "0")}`;
}

/** Yuan owed for points at the village's rate, in fen (1/100 yuan). */
export function fenFor(points: number, fenPerPoint: number): number {
  return points * fenPerPoint;
}

/** [from, to) of a period given as village-calendar days "YYYY-MM-DD" (both inclusive), default: everything. */
export function periodRange(from?: string, to?: string): { from: Date; to: Date } {
  const start = from ? villageDayStart(from) : new Date(0);
  const end = to ? new Date(villageDayStart(to).getTime() + DAY_MS) : new Date(Date.UTC(9999, 0, 1));
  return { from: start, to: end };
}

export function isLowStock(stock: number, threshold: number): boolean {
  return stock <= threshold;
}
