/**
 * QR images, generated on the server with `qrcode` (docs/architecture.md, "Check-in and the store"). One set of options for every QR
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

/**
 * The same QR as vector: an SVG path in module units (each row's run of dark modules one rectangle)
 * inside a square of `size` modules that includes the 2-module quiet zone, as the PNG has. For the
 * print sheet (SVG) and the card PDF: crisp at any size, and ~1 ms to make where a 480 px PNG takes
 * ~100 ms, which matters for a sheet of hundreds of household cards.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel });
  const q = OPTIONS.margin;
  const n = modules.size;
  const dark = (r: number, c: number) => Boolean(modules.get(r, c));
  let d = "";
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!dark(r, c)) continue;
      const start = c;
      while (c + 1 < n && dark(r, c + 1)) c++;
      d += `M${start + q},${r + q}h${c - start + 1}v1h-${c - start + 1}z`;
    }
  }
  return { size: n + 2 * q, d };
}

/**
 * The QR as an SVG data URL for an <img>. Plain text rather than base64, escaped only where a URL
 * needs it: a sheet of hundreds of cards then compresses well (gzip) instead of not at all.
 */
export function qrSvgDataUrl(text: string): string {
  const { size, d } = qrPath(text);
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${size} ${size}' shape-rendering='crispEdges'><rect width='${size}' height='${size}' fill='white'/><path d='${d}' fill='black'/></svg>`;
  return `data:image/svg+xml,${svg.replace(/[<>#% "]/g, encodeURIComponent)}`;
}
