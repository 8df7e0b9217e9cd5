/**
 * Inputs of the points store (积分超市, docs/architecture.md, "Check-in and the store"): shops and keepers, the catalogue and stock,
 * payment codes and card PINs, redemption and refund, settlement with the shop.
 * The only store file the browser may import.
 */
import { z } from "zod";
import { ZId, ZIdempotencyKey, ZPhone } from "@/server/lib/words.schema";
import { ZDay } from "@/server/lib/dates.schema";

export const PRICE_MAX = 100_000;
export const QTY_MAX = 99;
export const LINES_MAX = 20;
export const STOCK_MAX = 1_000_000;
export { PHOTO_MAX_BYTES } from "@/server/lib/photo.schema";
/** base64 of 2 MB is 2.8 M characters; a little slack so "too large" is reported as such after decoding */
const PHOTO_BASE64_MAX = 2_900_000;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const STOCK_REASONS = ["DELIVERY", "DAMAGE", "COUNT"] as const;

export const ZShopName = z.string().trim().min(2).max(40);
export const ZCreateShopInput = z.object({
  name: ZShopName,
  lowStockThreshold: z.number().int().min(0).max(10_000).default(5),
});
export type CreateShopInput = z.infer<typeof ZCreateShopInput>;

export const ZAssignKeeperInput = z.object({ shopId: ZId, phone: ZPhone, enabled: z.boolean() });
export type AssignKeeperInput = z.infer<typeof ZAssignKeeperInput>;

export const ZItemListInput = z.object({
  /** committee: which shop; a shopkeeper always sees their own shop */
  shopId: ZId.optional(),
  includeInactive: z.boolean().default(true),
});
export type ItemListInput = z.infer<typeof ZItemListInput>;

export const ZItemSaveInput = z.object({
  /** absent: a new item */
  id: ZId.optional(),
  name: z.string().trim().min(1).max(40),
  category: z.string().trim().max(20).default(""),
  pricePoints: z.number().int().min(1).max(PRICE_MAX),
  /** a new item's opening stock (recorded as a DELIVERY); ignored on update (use adjustStock) */
  stock: z.number().int().min(0).max(STOCK_MAX).default(0),
  active: z.boolean().default(true),
  /** a new photo as base64 (JPEG/PNG/WebP, at most 2 MB); null removes the photo; absent keeps it */
  photoBase64: z.string().max(PHOTO_BASE64_MAX, { message: "validation.photoTooLarge" }).nullish(),
});
export type ItemSaveInput = z.infer<typeof ZItemSaveInput>;

export const ZAdjustStockInput = z.object({
  itemId: ZId,
  delta: z
    .number()
    .int()
    .min(-STOCK_MAX)
    .max(STOCK_MAX)
    .refine((n) => n !== 0, { message: "validation.notZero" }),
  reason: z.enum(STOCK_REASONS),
  note: z.string().trim().max(200).default(""),
});
export type AdjustStockInput = z.infer<typeof ZAdjustStockInput>;

export const ZItemIdInput = z.object({ itemId: ZId });

export const ZHouseholdNumber = z.string().trim().min(1).max(20);
/**
 * A PIN a stranger would try first: one digit repeated (000000, 777777), a run up or down
 * (123456, 654321), or a pair/triple repeated (121212, 123123).
 */
export function isTrivialPin(pin: string): boolean {
  const d = [...pin].map(Number);
  if (d.length < 2 || d.some((n) => Number.isNaN(n))) return false;
  const steps = d.slice(1).map((n, i) => n - d[i]!);
  if (steps.every((s) => s === 0) || steps.every((s) => s === 1) || steps.every((s) => s === -1)) return true;
  for (const period of [2, 3]) {
    if (d.length % period === 0 && d.length > period && d.every((n, i) => n === d[i % period])) return true;
  }
  return false;
}

/**
 * A PIN typed at the till: 4–6 digits, because PINs set before 6 digits were required still pay
 * until the household sets a new one (a forced reset would strand elderly card users at the till).
 */
export const ZPin = z.string().regex(/^\d{4,6}$/, { message: "validation.pin" });
/** A PIN being set: exactly 6 digits and none a stranger would try first. */
export const ZNewPin = z
  .string()
  .regex(/^\d{6}$/, { message: "validation.newPin" })
  .refine((p) => !isTrivialPin(p), { message: "validation.pinTrivial" });

/** Who pays: a scanned QR, the typed fallback (户号 + 8 digits), or the printed card's 户号 + the PIN. */
export const ZPayer = z.discriminatedUnion("method", [
  z.object({ method: z.literal("QR"), token: z.string().trim().min(1).max(200) }),
  z.object({ method: z.literal("TYPED"), householdNumber: ZHouseholdNumber, code: z.string().trim().regex(/^\d{8}$/, { message: "validation.typedCode" }) }),
  /** the till session lookupPayer handed out (stands for a verified code or card + PIN: one sale within 10 minutes) */
  z.object({ method: z.literal("SESSION"), token: z.string().trim().min(1).max(1500) }),
  /** the printed household card: scanned (its QR text) or its 户号 typed */
  z
    .object({ method: z.literal("CARD"), card: z.string().trim().max(100).optional(), householdNumber: ZHouseholdNumber.optional(), pin: ZPin.optional() })
    .refine((p) => !!p.card || !!p.householdNumber, { message: "validation.cardOrNumber", path: ["householdNumber"] }),
]);
export type Payer = z.infer<typeof ZPayer>;

export const ZLookupPayerInput = z.object({ payer: ZPayer });

export const ZRedeemLine = z.object({
  itemId: ZId,
  quantity: z.number().int().min(1).max(QTY_MAX),
  /** the item's priceVersion the POS priced the line with; a newer version is refused with PRICE_STALE */
  priceVersion: z.number().int().min(1).max(1_000_000_000).optional(),
});
export const ZRedeemInput = z.object({
  payer: ZPayer,
  lines: z
    .array(ZRedeemLine)
    .min(1)
    .max(LINES_MAX)
    .refine((ls) => new Set(ls.map((l) => l.itemId)).size === ls.length, { message: "validation.duplicate" }),
  /** the total the POS showed; a different current total (a price changed) is refused with PRICE_CHANGED */
  expectedTotal: z.number().int().min(1).max(PRICE_MAX * QTY_MAX * LINES_MAX),
  idempotencyKey: ZIdempotencyKey,
});
export type RedeemInput = z.infer<typeof ZRedeemInput>;

export const ZRefundInput = z.object({
  redemptionId: ZId,
  /** absent: refund everything not yet refunded */
  lines: z
    .array(z.object({ lineId: ZId, quantity: z.number().int().min(1).max(QTY_MAX) }))
    .min(1)
    .max(LINES_MAX)
    .optional(),
  reason: z.string().trim().min(2).max(200),
  idempotencyKey: ZIdempotencyKey,
});
export type RefundInput = z.infer<typeof ZRefundInput>;

export const ZReceiptsInput = z.object({
  take: z.number().int().min(1).max(100).default(30),
  /** a receipt number (R20261123-000123) to find one receipt */
  receiptNo: z.string().trim().toUpperCase().max(30).optional(),
  /** staff: the receipts of one household (户号) */
  householdNumber: ZHouseholdNumber.optional(),
});
export type ReceiptsInput = z.infer<typeof ZReceiptsInput>;

export const ZSetPinInput = z.object({
  /** committee: whose PIN; a villager always sets their own household's */
  householdId: ZId.optional(),
  pin: ZNewPin,
});
export type SetPinInput = z.infer<typeof ZSetPinInput>;

export const ZPeriodInput = z.object({ from: ZDay.optional(), to: ZDay.optional() });
export type PeriodInput = z.infer<typeof ZPeriodInput>;

export const ZStatementInput = ZPeriodInput.extend({ shopId: ZId.optional() });
export type StatementInput = z.infer<typeof ZStatementInput>;

export const ZSettleInput = z.object({
  shopId: ZId,
  points: z.number().int().min(1).max(1_000_000),
  paidOn: ZDay,
  reference: z.string().trim().min(2).max(100),
  idempotencyKey: ZIdempotencyKey,
});
export type SettleInput = z.infer<typeof ZSettleInput>;
