/**
 * QR images, generated on the server with `qrcode` (ARCHITECTURE §8). One set of options for every QR
 * the app shows or prints, so the test that decodes them with an independent decoder covers them all.
 */
import QRCode from "qrcode";

const OPTIONS = { errorCorrectionLevel: "M" as const, margin: 2, width: 480 };

/** A PNG data URL to put in an <img>. */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, OPTIONS);
}

/** The PNG bytes (downloads, PDFs, tests). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: "png" });
}
