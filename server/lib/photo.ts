/**
 * Photos as the server keeps them (store items, notices, matters, 随手拍 reports): whatever a phone
 * uploads (JPEG, PNG or WebP, at most 2 MB) is decoded and drawn again by sharp, upright by its EXIF orientation, at most
 * 800×800, as WebP. Re-encoding drops every piece of metadata (EXIF with GPS position, camera,
 * comments) and anything hidden after the picture, and villagers' phones download ~50 KB, not 2 MB.
 */
import sharp, { type Metadata } from "sharp";
import { DomainError, type ErrorCode } from "@/server/lib/errors";
import { PHOTO_MAX_BYTES } from "./photo.schema";

export const PHOTO_SIDE = 800;
/** a 2 MB file can still declare a huge canvas (a decompression bomb); 40 MP covers phone cameras */
export const PHOTO_MAX_PIXELS = 40_000_000;
const FORMAT_OF = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" } as const;

/** The image type from the file's first bytes (never from what the client claims), or null. */
export function sniffImage(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return "image/png";
  }
  if (
    b.length >= 12 &&
    String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === "RIFF" &&
    String.fromCharCode(b[8]!, b[9]!, b[10]!, b[11]!) === "WEBP"
  ) {
    return "image/webp";
  }
  return null;
}

/** Decodes and checks an uploaded photo. Returns the bytes and type, or the error code. */
export function checkPhoto(base64: string): { ok: true; bytes: Buffer; type: string } | { ok: false; code: Extract<ErrorCode, "PHOTO_NOT_IMAGE" | "PHOTO_TOO_LARGE"> } {
  const clean = base64.replace(/^data:[^;,]*;base64,/, "");
  if (!/^[A-Za-z0-9+/=\s]*$/.test(clean)) return { ok: false, code: "PHOTO_NOT_IMAGE" };
  const bytes = Buffer.from(clean, "base64");
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, code: "PHOTO_TOO_LARGE" };
  const type = sniffImage(bytes);
  if (!type) return { ok: false, code: "PHOTO_NOT_IMAGE" };
  return { ok: true, bytes, type };
}

/**
 * Checks and re-encodes an uploaded photo (base64, optionally a data URL).
 * Throws PHOTO_TOO_LARGE, PHOTO_NOT_IMAGE (not an image, or a file that only starts like one),
 * PHOTO_TOO_MANY_PIXELS.
 */
export async function encodePhoto(base64: string): Promise<{ bytes: Buffer; type: "image/webp"; width: number; height: number }> {
  const checked = checkPhoto(base64);
  if (!checked.ok) throw new DomainError(checked.code);
  const options = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error" as const };
  let meta: Metadata;
  try {
    meta = await sharp(checked.bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError("PHOTO_NOT_IMAGE");
  }
  // the decoder must agree with the first bytes (a PNG header glued to something else is refused)
  if (meta.format !== FORMAT_OF[checked.type as keyof typeof FORMAT_OF] || !meta.width || !meta.height) throw new DomainError("PHOTO_NOT_IMAGE");
  if (meta.width * meta.height > PHOTO_MAX_PIXELS) throw new DomainError("PHOTO_TOO_MANY_PIXELS", { megapixels: PHOTO_MAX_PIXELS / 1_000_000 });
  try {
    const { data, info } = await sharp(checked.bytes, options)
      .autoOrient() // upright by the EXIF orientation, before the orientation tag is dropped with the rest
      .resize({ width: PHOTO_SIDE, height: PHOTO_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, type: "image/webp", width: info.width, height: info.height };
  } catch {
    // the header was fine but the picture data is not (truncated or garbage after the header)
    throw new DomainError("PHOTO_NOT_IMAGE");
  }
}
