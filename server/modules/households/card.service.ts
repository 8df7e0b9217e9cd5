/**
 * Printed household cards (docs/architecture.md): village, 户号, head's name and the household QR
 * (`MBH1:<householdId>`), 8 to an A4 page, as data for the print sheet and as a PDF. The QR only
 * identifies the household; paying with the card also needs the household PIN, and the card says so.
 * No phone or ID numbers are read here, so none can end up on a card.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Actor } from "@/server/auth/actor";
import type { Locale } from "@/server/i18n/config";
import { translate } from "@/server/i18n/messages";
import type { Deps } from "@/server/lib/deps";
import { DomainError } from "@/server/lib/errors";
import { qrPath, qrSvgDataUrl } from "@/server/lib/qr-image";
import { cardPayload } from "@/server/lib/qr-token";
import { CARDS_PER_PAGE, toPages, type CardSelection } from "./card.schema";
import { villageName } from "../regions/place.read";
import { householdScope } from "./household.policy";
import * as repo from "./household.repo";

export type HouseholdCard = { id: string; number: string; headName: string; payload: string };
export type CardSet = { village: string; cards: HouseholdCard[] };

/**
 * The cards of the selected households, in 户号 order. Every picked id must be a household of the
 * actor's village (else NOT_FOUND, the same answer as for an id that does not exist) and active
 * (else HOUSEHOLD_INACTIVE: a deactivated household gets no new card). Nothing selected: CARDS_EMPTY.
 */
export async function cardSet(deps: Deps, actor: Actor, selection: CardSelection): Promise<CardSet> {
  const scope = householdScope(actor);
  const ids = selection.all ? null : [...new Set(selection.ids ?? [])];
  if (ids?.length === 0) throw new DomainError("CARDS_EMPTY");
  const [village, rows] = await Promise.all([
    villageName(deps.db, scope.villageId),
    repo.householdsForCards(deps.db, scope, ids),
  ]);
  if (!village) throw new DomainError("NOT_FOUND");
  if (ids && rows.length !== ids.length) throw new DomainError("NOT_FOUND");
  const inactive = rows.find((h) => h.status !== "ACTIVE");
  if (inactive) throw new DomainError("HOUSEHOLD_INACTIVE");
  if (rows.length === 0) throw new DomainError("CARDS_EMPTY");
  return {
    village,
    cards: rows.map((h) => ({ id: h.id, number: h.number, headName: h.headName, payload: cardPayload(h.id) })),
  };
}

/** The cards with their QR as an SVG data URL (sharp on paper, quick for hundreds), for the print sheet. */
export async function cardSheet(deps: Deps, actor: Actor, selection: CardSelection) {
  const set = await cardSet(deps, actor, selection);
  return { village: set.village, cards: set.cards.map((c) => ({ ...c, qr: qrSvgDataUrl(c.payload) })) };
}

// ───────── PDF ─────────

/**
 * Noto Sans SC (SIL OFL) as TrueType from the @expo-google-fonts/noto-sans-sc package: the PDF
 * embeds only the glyphs it uses (pdfkit subsets TrueType fonts), so 60 cards stay small.
 * Read from node_modules at run time, not bundled. Each path is one literal, so the build's file
 * tracing picks exactly these two files (a folder path would drag in all nine weights, ~95 MB).
 */
const CARD_FONTS = {
  regular: path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
  bold: path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
};

const MM = 72 / 25.4;
const PAGE_W = 595.28; // A4 in points
const PAGE_H = 841.89;
const MARGIN = 10 * MM;
const COLS = 2;
const ROWS = CARDS_PER_PAGE / COLS;
const CARD_W = (PAGE_W - 2 * MARGIN) / COLS; // 95 mm
const CARD_H = (PAGE_H - 2 * MARGIN) / ROWS; // ≈ 69 mm
const PAD = 4 * MM;
const QR = 46 * MM;
const GREY = "#57534e";

/** The largest size from `max` down to `min` at which `text` fits `width` on one line. */
function fitSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number): number {
  let size = max;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 1;
  return size;
}

/** The card's QR as vector (the same modules as the sheet's SVG and every other QR of the app). */
function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, size: number) {
  const qr = qrPath(payload);
  doc.save().translate(x, y).scale(size / qr.size).path(qr.d).fill("#000000").restore();
}

function drawCard(doc: PDFKit.PDFDocument, card: HouseholdCard, village: string, x: number, y: number, t: (k: string) => string) {
  // the cut line: dashed, shared with the neighbours
  doc.save().lineWidth(0.6).dash(4, { space: 3 }).strokeColor("#a8a29e").rect(x, y, CARD_W, CARD_H).stroke().undash().restore();
  drawQr(doc, card.payload, x + CARD_W - PAD - QR, y + PAD, QR);

  const left = x + PAD;
  const width = CARD_W - 3 * PAD - QR;
  let top = y + PAD;
  const line = (text: string, font: "regular" | "bold", size: number, color = "#1c1917") => {
    doc.font(font).fontSize(size).fillColor(color).text(text, left, top, { width, height: size * 1.4, ellipsis: true });
    top += size * 1.45;
  };
  line(village, "bold", fitSize(doc.font("bold"), village, width, 16, 10));
  line(t("bank"), "regular", 8.5, GREY);
  top += 6;
  line(t("number"), "regular", 9, GREY);
  line(card.number, "bold", fitSize(doc.font("bold"), card.number, width, 20, 10));
  top += 2;
  line(t("head"), "regular", 9, GREY);
  line(card.headName, "bold", fitSize(doc.font("bold"), card.headName, width, 22, 10));

  doc.font("regular").fontSize(8.5).fillColor(GREY).text(t("note"), left, y + CARD_H - PAD - 26, { width: CARD_W - 2 * PAD, height: 28, ellipsis: true });
}

/**
 * The cards as an A4 PDF, 8 to a page (2 × 4), each with its cut line. Throws what cardSet throws,
 * and CARDS_FONT_MISSING when the font package is not installed.
 */
export async function cardsPdf(deps: Deps, actor: Actor, selection: CardSelection, locale: Locale): Promise<{ pdf: Buffer; village: string; count: number; pages: number }> {
  const set = await cardSet(deps, actor, selection);
  for (const file of Object.values(CARD_FONTS)) if (!existsSync(file)) throw new DomainError("CARDS_FONT_MISSING", { path: file });
  const t = (k: string) => translate(locale, `cards.${k}`);
  const pages = toPages(set.cards);

  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    info: { Title: translate(locale, "cards.pdfTitle", { village: set.village }), Creator: "道德银行 Moral Bank" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("regular", CARD_FONTS.regular);
  doc.registerFont("bold", CARD_FONTS.bold);
  for (const page of pages) {
    doc.addPage();
    page.forEach((card, i) => {
      drawCard(doc, card, set.village, MARGIN + (i % COLS) * CARD_W, MARGIN + Math.floor(i / COLS) * CARD_H, t);
    });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), village: set.village, count: set.cards.length, pages: pages.length };
}
