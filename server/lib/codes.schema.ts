/**
 * The prefixes of every code the app prints or shows as a QR (docs/architecture.md, "Check-in and the
 * store"), and the patterns the cameras use to tell them apart. Client-safe: the signing and checking
 * live in server/lib/qr-token.ts and server/lib/payment-code.ts, which take their prefixes from here.
 */

/** A check-in token from the organiser's kiosk, rotating every 30 s: MBE1.<eventId>.<villageId>.<window>.<sig>. */
export const CHECKIN_ROTATING_PREFIX = "MBE1";
/** A printable check-in token (events with a geofence only): MBS1.<eventId>.<villageId>.<sig>. */
export const CHECKIN_STATIC_PREFIX = "MBS1";
/** What the typed six-digit check-in code is derived from (never shown). */
export const CHECKIN_TYPED_PREFIX = "MBC1";
/** A meeting kiosk's rotating attendance token, every 30 s: MBM1.<meetingId>.<villageId>.<window>.<sig>. */
export const MEETING_ROTATING_PREFIX = "MBM1";
/** A printed household card: MBH1:<householdId> (identifies, is not a secret). */
export const CARD_PREFIX = "MBH1:";
/** A villager's payment code (付款码): MB1.<householdId>.<window>.<nonce>.<sig>. */
export const PAYMENT_PREFIX = "MB1";
/**
 * A till session the server hands the shop after it looked up a payer. It shares its letters with the
 * static check-in token, which is harmless: it is never shown as a QR and is checked only by the till.
 */
export const TILL_SESSION_PREFIX = "MBS1";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWith = (...prefixes: string[]) => new RegExp(`^(${prefixes.map(escape).join("|")})`);

/** What the check-in camera hands over: a rotating or static check-in token, or a meeting's rotating token. */
export const CHECKIN_QR = startsWith(`${CHECKIN_ROTATING_PREFIX}.`, `${CHECKIN_STATIC_PREFIX}.`, `${MEETING_ROTATING_PREFIX}.`);
/** A meeting kiosk's token (the scanner sends it to the meeting's check-in, not the event's). */
export const MEETING_QR = startsWith(`${MEETING_ROTATING_PREFIX}.`);
/** A printed household card. */
export const CARD_QR = startsWith(CARD_PREFIX);
/** What the till's camera takes: a payment code or a printed household card. */
export const PAY_QR = startsWith(`${PAYMENT_PREFIX}.`, CARD_PREFIX);
