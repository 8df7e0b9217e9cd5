/**
 * Who pays: the villager's rotating payment code (QR or typed), or the printed household card with
 * the household PIN (6 digits when set, argon2-hashed; 5 wrong attempts lock it for 15 minutes, each
 * further lock twice as long up to a day). Older 4-digit PINs still pay until the household sets a new one.
 */
import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import type { Actor } from "@/server/auth/actor";
import { verifyPassword } from "@/server/auth/password";
import { householdBalance } from "@/server/ledger/read";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { issueCode, paymentKey, signSession, typedNonce, verifySession, verifyToken, verifyTyped } from "@/server/lib/payment-code";
import { parseCard } from "@/server/lib/qr-token";
import type { Db } from "@/server/db/client";
import { recordAudit } from "../audit/audit.service";
import { afterWrongPin, lockMinutesLeft } from "./store.policy";
import { householdById, householdByNumber, type PayerHousehold } from "../households/for-store.read";
import { actingShop, paymentCodeUsed } from "./store.repo";
import type { Payer } from "./store.schema";
import { villagerHousehold } from "../households/household.read";

/**
 * The villager's payment code: a QR (as an SVG) holding a signed household token and the typed
 * fallback (户号 + 8 digits). Both rotate every minute; the page refreshes before they expire.
 * Throws HOUSEHOLD_NOT_LINKED, HOUSEHOLD_INACTIVE.
 */
export async function paymentCode(deps: Deps, actor: Actor) {
  const h = await villagerHousehold(deps.db, actor);
  if (!h) throw new DomainError("HOUSEHOLD_NOT_LINKED");
  if (h.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  const now = deps.now();
  // the QR names the member it is shown to, so the receipt can say who paid
  const code = issueCode(await paymentKey(), h, now, undefined, actor.userId);
  const svg = await QRCode.toString(code.token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    householdNumber: h.number,
    headName: h.headName,
    token: code.token,
    typed: code.typed,
    svg,
    /** show a fresh code before this (the server still accepts it until then) */
    expiresAt: code.expiresAt,
    issuedAt: now,
  };
}

export type ResolvedPayer = {
  household: { id: string; number: string; headName: string; villageId: string };
  payMethod: "CODE" | "CARD_PIN";
  /** recorded when the payment completes, so a code pays once (null for card + PIN) */
  nonce: string | null;
  /** the member whose QR code was scanned (null for the typed code and the card: they name only the household) */
  userId: string | null;
};

/**
 * Finds the household behind a payer in the shop's village, without the PIN check.
 * Throws PAY_CODE_INVALID (forged, garbled, wrong digits), PAY_CODE_EXPIRED, CODE_OTHER_VILLAGE, CODE_USED,
 * CARD_INVALID (not a household card), CARD_NOT_FOUND (no such household in the village), HOUSEHOLD_INACTIVE.
 */
export async function resolvePayer(db: Db, shop: { id: string; villageId: string }, payer: Payer, now: Date): Promise<ResolvedPayer> {
  const villageId = shop.villageId;
  const key = await paymentKey();
  let found: PayerHousehold | null;
  let nonce: string | null = null;
  let userId: string | null = null;
  if (payer.method === "SESSION") {
    const check = verifySession(key, payer.token, shop.id, now);
    if (!check.ok) throw new DomainError(check.reason === "EXPIRED" ? "PAY_CODE_EXPIRED" : "PAY_CODE_INVALID");
    found = await householdById(db, check.session.householdId, villageId);
    if (!found) throw new DomainError("PAY_CODE_INVALID");
    if (found.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
    if (check.session.nonce && (await paymentCodeUsed(db, check.session.nonce))) {
      throw new DomainError("CODE_USED");
    }
    return {
      household: { id: found.id, number: found.number, headName: found.headName, villageId: found.villageId },
      payMethod: check.session.payMethod,
      nonce: check.session.nonce,
      userId: check.session.userId ?? null,
    };
  }
  if (payer.method === "QR") {
    const check = verifyToken(key, payer.token, now);
    if (!check.ok) throw new DomainError(check.reason === "EXPIRED" ? "PAY_CODE_EXPIRED" : "PAY_CODE_INVALID");
    found = await householdById(db, check.householdId, null);
    if (!found) throw new DomainError("PAY_CODE_INVALID");
    if (found.villageId !== villageId) throw new DomainError("CODE_OTHER_VILLAGE");
    nonce = check.nonce;
    userId = check.userId;
  } else if (payer.method === "TYPED") {
    found = await householdByNumber(db, villageId, payer.householdNumber);
    const window = found ? verifyTyped(key, found, payer.code, now) : null;
    if (!found || window === null) throw new DomainError("PAY_CODE_INVALID");
    nonce = typedNonce(found.id, window);
  } else {
    // the printed card names the household (not a secret: the PIN is the secret)
    const cardId = payer.card ? parseCard(payer.card) : null;
    if (payer.card && !cardId) throw new DomainError("CARD_INVALID");
    found = cardId ? await householdById(db, cardId, villageId) : await householdByNumber(db, villageId, payer.householdNumber ?? "");
    if (!found) throw new DomainError("CARD_NOT_FOUND");
  }
  if (found.status !== "ACTIVE") throw new DomainError("HOUSEHOLD_INACTIVE");
  if (nonce) {
    if (await paymentCodeUsed(db, nonce)) throw new DomainError("CODE_USED");
  }
  return {
    household: { id: found.id, number: found.number, headName: found.headName, villageId: found.villageId },
    payMethod: payer.method === "CARD" ? "CARD_PIN" : "CODE",
    nonce,
    userId,
  };
}

/**
 * Checks the household PIN. Wrong attempts are counted in their own transaction (so they stay
 * counted although the payment fails); a lock-out is audited, so the village sees a card under attack.
 * Throws PIN_REQUIRED, PIN_NOT_SET, PIN_LOCKED, PIN_WRONG.
 */
export async function checkPin(db: Db, actor: Actor, household: { id: string; villageId: string }, pin: string | undefined, now: Date): Promise<void> {
  if (!pin) throw new DomainError("PIN_REQUIRED");
  const householdId = household.id;
  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ pinHash: string; failures: number; lockouts: number; lockedUntil: Date | null }[]>`
      SELECT "pinHash", "failures", "lockouts", "lockedUntil" FROM "HouseholdPin" WHERE "householdId" = ${householdId} FOR UPDATE`;
    const row = rows[0];
    if (!row) return { code: "PIN_NOT_SET" as const };
    const minutes = lockMinutesLeft(row.lockedUntil, now);
    if (minutes > 0) return { code: "PIN_LOCKED" as const, minutes };
    if (await verifyPassword(row.pinHash, pin)) {
      if (row.failures > 0 || row.lockouts > 0 || row.lockedUntil) {
        await tx.householdPin.update({ where: { householdId }, data: { failures: 0, lockouts: 0, lockedUntil: null }, select: { householdId: true } });
      }
      return null;
    }
    const next = afterWrongPin(row.failures, row.lockouts, now);
    await tx.householdPin.update({
      where: { householdId },
      data: { failures: next.failures, lockouts: next.lockouts, lockedUntil: next.lockedUntil },
      select: { householdId: true },
    });
    if (!next.lockedUntil) return { code: "PIN_WRONG" as const, left: next.left };
    await recordAudit(tx, actor, {
      regionId: household.villageId,
      action: "store.pinLocked",
      entity: "Household",
      entityId: householdId,
      after: { lockouts: next.lockouts, lockedUntil: next.lockedUntil.toISOString() },
    });
    return { code: "PIN_LOCKED" as const, minutes: lockMinutesLeft(next.lockedUntil, now) };
  });
  if (!outcome) return;
  if (outcome.code === "PIN_LOCKED") throw new DomainError("PIN_LOCKED", { minutes: outcome.minutes });
  if (outcome.code === "PIN_WRONG") throw new DomainError("PIN_WRONG", { left: outcome.left });
  throw new DomainError(outcome.code);
}

/**
 * The POS looks up who pays before adding items: the household's name and balance. For a card the
 * balance is shown only with the right PIN. Throws what resolvePayer and checkPin throw.
 */
export async function lookupPayer(deps: Deps, actor: Actor, payer: Payer) {
  const shop = await actingShop(deps.db, actor);
  const now = deps.now();
  const p = await resolvePayer(deps.db, shop, payer, now);
  const verified = payer.method !== "CARD" || !!payer.pin;
  if (payer.method === "CARD" && payer.pin) await checkPin(deps.db, actor, p.household, payer.pin, now);
  // A card session stands for ONE typed PIN: it gets its own nonce, which the sale records like a
  // payment code's, so the session pays once (not every sale of the next 10 minutes).
  const nonce = p.payMethod === "CARD_PIN" ? `card:${randomUUID()}` : p.nonce;
  const pinSet = payer.method === "CARD" ? !!(await deps.db.householdPin.findUnique({ where: { householdId: p.household.id }, select: { householdId: true } })) : null;
  return {
    household: { number: p.household.number, headName: p.household.headName },
    balance: verified ? await householdBalance(deps.db, p.household.id) : null,
    payMethod: p.payMethod,
    pinSet,
    /** what the till sends with redeem: the verified payer for one sale in the next 10 minutes (null until verified) */
    session: payer.method === "SESSION" ? payer.token : verified ? signSession(await paymentKey(), { householdId: p.household.id, shopId: shop.id, nonce, payMethod: p.payMethod, userId: p.userId }, now) : null,
  };
}
