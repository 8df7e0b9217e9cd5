/**
 * Files attached to what the village posts (notices today): a photo, re-encoded by encodePhoto, or a
 * PDF that passed the checks below. The type is decided from the bytes, never from the client's name
 * or MIME type; the file name kept is only a label, cleaned of paths and control characters.
 */
import { inflateSync } from "node:zlib";
import { DomainError } from "@/server/lib/errors";
import { ATTACHMENT_NAME_MAX, PDF_MAX_BYTES } from "./attachment.schema";
import { encodePhoto, sniffImage } from "./photo";
import { PHOTO_MAX_BYTES } from "./photo.schema";

export type CheckedAttachment = { kind: "PHOTO" | "PDF"; contentType: "image/webp" | "application/pdf"; bytes: Buffer; fileName: string };

/** PDF name objects that run code, open other programs or carry other files. */
const ACTIVE_NAMES = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData"]);
/** A compressed stream inflates to at most this much while scanning (a zip bomb stops here). */
const INFLATE_MAX = 16 * 1024 * 1024;

/**
 * A display name safe to show and to send back in Content-Disposition: the last path segment, without
 * control or bidirectional-override characters, spaces collapsed, at most ATTACHMENT_NAME_MAX
 * characters, ending in `ext`. Throws ATTACHMENT_BAD_NAME for a name that carries markup (`<`, `>`).
 */
export function safeFileName(raw: string, ext: ".pdf" | ".webp", fallback: string): string {
  if (/[<>]/.test(raw)) throw new DomainError("ATTACHMENT_BAD_NAME");
  let name = (raw.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/["*:?|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  name = name.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  if (!name) name = fallback;
  return [...name].slice(0, ATTACHMENT_NAME_MAX - ext.length).join("") + ext;
}

/** Name objects (`/Name`, with `#xx` escapes decoded) of a chunk of PDF syntax. */
function hasActiveName(text: string): boolean {
  for (const m of text.matchAll(/\/([^\s/[\]<>(){}%]+)/g)) {
    const name = m[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (ACTIVE_NAMES.has(name)) return true;
  }
  return false;
}

/**
 * Checks a PDF: `%PDF-` at the start, `%%EOF` in its last 1 KB, at most PDF_MAX_BYTES, and no active
 * content (JavaScript, launch actions, embedded files, forms that send data) in its plain syntax or in any
 * Flate-compressed stream (object streams hide dictionaries there). Throws ATTACHMENT_TOO_LARGE,
 * ATTACHMENT_NOT_ALLOWED, PDF_BROKEN, PDF_ACTIVE_CONTENT.
 */
export function checkPdf(bytes: Buffer): void {
  if (bytes.length > PDF_MAX_BYTES) throw new DomainError("ATTACHMENT_TOO_LARGE", { mb: PDF_MAX_BYTES / 1024 / 1024 });
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new DomainError("ATTACHMENT_NOT_ALLOWED");
  if (!bytes.subarray(Math.max(0, bytes.length - 1024)).toString("latin1").includes("%%EOF")) throw new DomainError("PDF_BROKEN");
  const text = bytes.toString("latin1");
  if (hasActiveName(text)) throw new DomainError("PDF_ACTIVE_CONTENT");
  let budget = INFLATE_MAX;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget });
    } catch {
      continue; // not Flate (an image, a font), or over the budget: nothing to read as syntax
    }
    budget -= inflated.length;
    if (hasActiveName(inflated.toString("latin1"))) throw new DomainError("PDF_ACTIVE_CONTENT");
    if (budget <= 0) break;
  }
}

/**
 * Decides what an uploaded file is from its bytes and makes it safe to keep: a JPEG, PNG or WebP photo
 * is re-encoded (metadata dropped), a PDF is checked; anything else (an .exe renamed .pdf, an SVG,
 * HTML) is refused. Throws ATTACHMENT_NOT_ALLOWED, ATTACHMENT_BAD_NAME, ATTACHMENT_TOO_LARGE, PDF_BROKEN, PDF_ACTIVE_CONTENT,
 * PHOTO_NOT_IMAGE, PHOTO_TOO_LARGE, PHOTO_TOO_MANY_PIXELS.
 */
export async function checkAttachment(bytes: Buffer, clientName: string): Promise<CheckedAttachment> {
  if (sniffImage(bytes)) {
    if (bytes.length > PHOTO_MAX_BYTES) throw new DomainError("PHOTO_TOO_LARGE");
    const fileName = safeFileName(clientName, ".webp", "照片");
    const photo = await encodePhoto(bytes.toString("base64"));
    return { kind: "PHOTO", contentType: "image/webp", bytes: photo.bytes, fileName };
  }
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    const fileName = safeFileName(clientName, ".pdf", "附件");
    checkPdf(bytes);
    return { kind: "PDF", contentType: "application/pdf", bytes, fileName };
  }
  throw new DomainError("ATTACHMENT_NOT_ALLOWED");
}

/** `Content-Disposition` with an ASCII fallback and the real name as RFC 5987 `filename*`. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
