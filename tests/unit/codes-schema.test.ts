/**
 * The cameras tell codes apart by the kernel's patterns: what the server signs must be what the
 * camera hands over, and a code of one kind must not be taken by the camera of another.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CARD_QR, CHECKIN_QR, PAY_QR } from "@/server/lib/codes.schema";
import { issueCode, signSession } from "@/server/lib/payment-code";
import { cardPayload, signRotating, signStatic } from "@/server/lib/qr-token";

const ev = { eventId: "ckevent0001", villageId: "ckvillage0001", secret: "s".repeat(43) };
const key = randomBytes(32);
const h = { id: "ckhousehold0001", villageId: "ckvillage0001", number: "0012" };
const now = new Date("2026-11-23T08:00:00Z");

const rotating = signRotating(ev, now.getTime());
const stat = signStatic(ev);
const card = cardPayload(h.id);
const pay = issueCode(key, h, now).token;
const session = signSession(key, { householdId: h.id, shopId: "ckshop0001", nonce: null, payMethod: "CARD_PIN" }, now);

describe("QR patterns of the cameras", () => {
  it("the check-in camera takes the kiosk's rotating and the printed static token, nothing else", () => {
    expect(CHECKIN_QR.test(rotating)).toBe(true);
    expect(CHECKIN_QR.test(stat)).toBe(true);
    for (const other of [card, pay, "MBE1", "MBE2.x", "hello", ""]) expect(CHECKIN_QR.test(other), other).toBe(false);
  });

  it("the till's camera takes a payment code or a household card, not a check-in token", () => {
    expect(PAY_QR.test(pay)).toBe(true);
    expect(PAY_QR.test(card)).toBe(true);
    for (const other of [rotating, stat, session, "MB1", "MB10.x", "MBH1"]) expect(PAY_QR.test(other), other).toBe(false);
  });

  it("a household card is recognised as a card and only a card", () => {
    expect(CARD_QR.test(card)).toBe(true);
    for (const other of [pay, rotating, stat, "MBH1", "xMBH1:abc"]) expect(CARD_QR.test(other), other).toBe(false);
  });
});
