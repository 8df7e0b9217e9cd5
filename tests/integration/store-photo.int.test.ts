/**
 * Item photos through item.save against a real database, with real pictures made by sharp here:
 * a phone JPEG (on its side by EXIF, with a GPS position) comes back upright, at most 800×800, as
 * WebP without any metadata; a text file named .jpg, a file that only starts like a PNG, a picture
 * with too many pixels are refused with a translated message and write nothing.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemPhoto } from "@/server/modules/store/item.service";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor } from "../factories";
import { storeSnapshot, storeVillage } from "../factories/store";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const base = { name: "暖水瓶", category: "日用品", pricePoints: 25, stock: 5, active: true };

/** A 1600×1000 photo stored on its side (EXIF orientation 6: turn 90° clockwise to view) with where it was taken. */
async function phoneJpeg() {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "TestCam", Model: "Phone 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 15/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "120/1 10/1 0/1" },
    })
    .toBuffer();
}

describe("item photos", () => {
  it("a phone JPEG with EXIF GPS is stored upright, resized, as WebP without metadata", async () => {
    const s = await storeVillage(t.db);
    const pos = callerFor(t.db, s.keeper);
    const jpeg = await phoneJpeg();
    const input = await sharp(jpeg).metadata();
    // the test picture really carries what must go
    expect(input).toMatchObject({ format: "jpeg", width: 1600, height: 1000, orientation: 6 });
    expect(input.exif?.toString("latin1")).toContain("TestCam");

    const saved = await pos.item.save({ ...base, photoBase64: `data:image/jpeg;base64,${jpeg.toString("base64")}` });
    expect(saved.photoUrl).toMatch(/^\/api\/store\/item-photo\//);
    const photo = await itemPhoto({ db: t.db, now: () => new Date() }, s.villager, saved.id);
    expect(photo?.type).toBe("image/webp");
    const bytes = Buffer.from(photo!.bytes);
    const out = await sharp(bytes).metadata();
    // turned upright (portrait) and fitted in 800×800
    expect(out).toMatchObject({ format: "webp", width: 500, height: 800 });
    expect(out.orientation).toBeUndefined();
    expect(out.exif).toBeUndefined();
    expect(out.xmp).toBeUndefined();
    expect(bytes.toString("latin1")).not.toContain("TestCam");
    expect(bytes.length).toBeLessThan(jpeg.length);
    // the picture itself survived: still red
    const { dominant } = await sharp(bytes).stats();
    expect(dominant.r).toBeGreaterThan(150);
    expect(dominant.g).toBeLessThan(100);
  });

  it("a small PNG is kept at its size (never enlarged); a WebP is accepted too", async () => {
    const s = await storeVillage(t.db);
    const pos = callerFor(t.db, s.keeper);
    const png = await sharp({ create: { width: 120, height: 90, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const a = await pos.item.save({ ...base, photoBase64: png.toString("base64") });
    const stored = await t.db.shopItem.findUniqueOrThrow({ where: { id: a.id }, select: { photo: true, photoType: true } });
    expect(stored.photoType).toBe("image/webp");
    expect(await sharp(Buffer.from(stored.photo!)).metadata()).toMatchObject({ width: 120, height: 90, hasAlpha: true });
    const webp = await sharp({ create: { width: 2000, height: 500, channels: 3, background: "#0a0" } }).webp().toBuffer();
    const b = await pos.item.save({ ...base, name: "脸盆", photoBase64: webp.toString("base64") });
    const photo = await t.db.shopItem.findUniqueOrThrow({ where: { id: b.id }, select: { photo: true } });
    expect(await sharp(Buffer.from(photo.photo!)).metadata()).toMatchObject({ format: "webp", width: 800, height: 200 });
  });

  it("a text file named .jpg, a disguised file, too many pixels: a translated message and nothing written", async () => {
    const s = await storeVillage(t.db);
    const pos = callerFor(t.db, s.keeper);
    const en = callerFor(t.db, s.keeper, { locale: "en" });
    const before = await storeSnapshot(t.db, s.v.id);
    const text = Buffer.from("购物清单：酱油 2 瓶，毛巾 1 条\n");
    await expect(pos.item.save({ ...base, photoBase64: `data:image/jpeg;base64,${text.toString("base64")}` })).rejects.toMatchObject({
      cause: { code: "PHOTO_NOT_IMAGE" },
      message: "上传的文件不是图片，请选择 JPG、PNG 或 WebP 格式的照片。",
    });
    // a real PNG signature followed by something else; a JPEG start followed by text
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#fff" } }).png().toBuffer();
    for (const fake of [Buffer.concat([png.subarray(0, 8), text]), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), text])]) {
      await expect(pos.item.save({ ...base, photoBase64: fake.toString("base64") })).rejects.toMatchObject({ cause: { code: "PHOTO_NOT_IMAGE" } });
    }
    // a WebP whose bytes say PNG: the decoder and the first bytes disagree
    const webp = await sharp(png).webp().toBuffer();
    await expect(pos.item.save({ ...base, photoBase64: Buffer.concat([png.subarray(0, 8), webp]).toString("base64") })).rejects.toMatchObject({
      cause: { code: "PHOTO_NOT_IMAGE" },
    });
    // 8000×6000 = 48 MP of one colour compresses to a small file but would take ~150 MB to decode
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } }).greyscale().png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(en.item.save({ ...base, photoBase64: bomb.toString("base64") })).rejects.toMatchObject({
      cause: { code: "PHOTO_TOO_MANY_PIXELS" },
      message: expect.stringContaining("at most 40 megapixels"),
    });
    // just over 2 MB (random pixels do not compress; far larger files are refused by the item page before upload)
    const noise = await sharp(Buffer.from(Array.from({ length: 1000 * 705 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 1000, height: 705, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(2 * 1024 * 1024);
    await expect(pos.item.save({ ...base, photoBase64: noise.toString("base64") })).rejects.toMatchObject({ cause: { code: "PHOTO_TOO_LARGE" }, message: expect.stringContaining("2 MB") });
    // far beyond 2 MB the upload is refused before it is even decoded, with the same limit named
    await expect(pos.item.save({ ...base, photoBase64: "A".repeat(3_000_000) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("最多 2 MB") });
    expect(await storeSnapshot(t.db, s.v.id)).toEqual(before);
    // an existing item keeps its photo when a new one is refused
    const ok = await pos.item.save({ ...base, photoBase64: png.toString("base64") });
    const kept = await t.db.shopItem.findUniqueOrThrow({ where: { id: ok.id }, select: { photo: true, updatedAt: true } });
    await expect(pos.item.save({ ...base, id: ok.id, pricePoints: 30, photoBase64: text.toString("base64") })).rejects.toMatchObject({ cause: { code: "PHOTO_NOT_IMAGE" } });
    expect(await t.db.shopItem.findUniqueOrThrow({ where: { id: ok.id }, select: { photo: true, updatedAt: true, pricePoints: true } })).toEqual({ ...kept, pricePoints: 25 });
  });
});
