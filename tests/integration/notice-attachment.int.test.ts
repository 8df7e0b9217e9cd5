/**
 * Notice attachments: photos re-encoded, PDFs checked (magic bytes, %%EOF, no active content), bad
 * files and markup file names refused with a translated message and nothing written, a correction's
 * own list with the old version's kept, and the village scope of the file.
 */
import sharp from "sharp";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { GET } from "@/app/api/notices/attachment/[id]/route";
import { contentDisposition } from "@/server/lib/attachment";
import { DomainError } from "@/server/lib/errors";
import { translate } from "@/server/i18n/messages";
import { addAttachment, attachmentFile } from "@/server/modules/council/notice-attachment.service";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage } from "../factories";
import { makeVillagerOf } from "../factories/points";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const deps = () => ({ db: t.db, now: () => new Date() });
const pdf = (body = "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj") => Buffer.from(`%PDF-1.4\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");
const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#c00" } }).png().toBuffer();

async function village() {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const h = await makeHousehold(t.db, v.id);
  const villager = await makeVillagerOf(t.db, v.id, h.id);
  return { v, committee, villager, api: callerFor(t.db, committee) };
}

async function refusal(actor: Actor, bytes: Buffer, name: string): Promise<string> {
  const e = await addAttachment(deps(), actor, { noticeId: await draftOf(actor), fileName: name, bytes }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).code;
}
const drafts = new Map<string, string>();
async function draftOf(actor: Actor) {
  if (!drafts.has(actor.userId)) drafts.set(actor.userId, (await callerFor(t.db, actor).notice.create({ kind: "GENERAL", title: "附件测试", body: "正文" })).id);
  return drafts.get(actor.userId)!;
}

describe("what may be attached", () => {
  it("a photo is re-encoded as WebP and a plain PDF kept as it is, with safe names", async () => {
    const { committee, api } = await village();
    const { id } = await api.notice.create({ kind: "GENERAL", title: "带附件", body: "见附件" });
    const photo = await addAttachment(deps(), committee, { noticeId: id, fileName: "C:\\Users\\村委\\现场照片.PNG", bytes: await png() });
    const doc = await addAttachment(deps(), committee, { noticeId: id, fileName: "../../etc/村规民约\u202e.pdf", bytes: pdf() });
    expect(photo).toMatchObject({ kind: "PHOTO", fileName: "现场照片.webp" });
    expect(doc).toMatchObject({ kind: "PDF", fileName: "村规民约.pdf" });
    const rows = await t.db.noticeAttachment.findMany({ where: { noticeId: id }, select: { contentType: true, bytes: true }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.contentType)).toEqual(["image/webp", "application/pdf"]);
    expect(Buffer.from(rows[0]!.bytes).subarray(8, 12).toString("latin1")).toBe("WEBP");
  });

  it("an .exe renamed .pdf, a PNG header with junk, an SVG, a scripted, launching or embedding PDF, a PDF without %%EOF and a markup file name are refused, nothing written", async () => {
    const { committee } = await village();
    await draftOf(committee);
    const before = await t.db.noticeAttachment.count();
    const pngJunk = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("junk".repeat(100))]);
    const hiddenJs = Buffer.concat([Buffer.from("%PDF-1.5\n4 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n", "latin1"), deflateSync(Buffer.from("<< /S /JavaScript /JS (app.alert(1)) >>")), Buffer.from("\nendstream\nendobj\n%%EOF\n", "latin1")]);
    const cases: [string, Buffer, string, string][] = [
      ["exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), "通知.pdf", "ATTACHMENT_NOT_ALLOWED"],
      ["png junk", pngJunk, "照片.png", "PHOTO_NOT_IMAGE"],
      ["svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "图.svg", "ATTACHMENT_NOT_ALLOWED"],
      ["javascript", pdf("1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj"), "a.pdf", "PDF_ACTIVE_CONTENT"],
      ["hex-escaped javascript", pdf("1 0 obj << /S /J#61vaScript >> endobj"), "a.pdf", "PDF_ACTIVE_CONTENT"],
      ["compressed javascript", hiddenJs, "a.pdf", "PDF_ACTIVE_CONTENT"],
      ["launch", pdf("1 0 obj << /S /Launch /F (cmd.exe) >> endobj"), "a.pdf", "PDF_ACTIVE_CONTENT"],
      ["embedded file", pdf("1 0 obj << /Type /EmbeddedFile >> endobj"), "a.pdf", "PDF_ACTIVE_CONTENT"],
      ["no %%EOF", Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n"), "a.pdf", "PDF_BROKEN"],
      ["too large", Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5 * 1024 * 1024), Buffer.from("%%EOF")]), "a.pdf", "ATTACHMENT_TOO_LARGE"],
      ["xss name", pdf(), "<img src=x onerror=alert(1)>.pdf", "ATTACHMENT_BAD_NAME"],
    ];
    for (const [what, bytes, name, code] of cases) expect(await refusal(committee, bytes, name), what).toBe(code);
    expect(await t.db.noticeAttachment.count()).toBe(before);
    // each refusal reads as a sentence in both languages
    for (const code of new Set(cases.map((c) => c[3]))) {
      expect(translate("zh", `errors.${code}`, { mb: 5, max: 5 })).toMatch(/[\u4e00-\u9fff]/);
      expect(translate("en", `errors.${code}`, { mb: 5, max: 5 })).not.toContain("errors.");
    }
  });

  it("at most five per notice", async () => {
    const { committee, api } = await village();
    const { id } = await api.notice.create({ kind: "GENERAL", title: "五个", body: "x" });
    for (let i = 0; i < 5; i++) await addAttachment(deps(), committee, { noticeId: id, fileName: `${i}.pdf`, bytes: pdf() });
    await expect(addAttachment(deps(), committee, { noticeId: id, fileName: "6.pdf", bytes: pdf() })).rejects.toMatchObject({ code: "NOTICE_TOO_MANY_ATTACHMENTS" });
  });
});

describe("versions and scope", () => {
  it("a correction carries its own list; the old version keeps its files; staged files stay hidden from villagers", async () => {
    const { committee, villager, api } = await village();
    const { id } = await api.notice.create({ kind: "GENERAL", title: "修路", body: "第一版" });
    const first = await addAttachment(deps(), committee, { noticeId: id, fileName: "方案.pdf", bytes: pdf() });
    await api.notice.publish({ id });
    const staged = await addAttachment(deps(), committee, { noticeId: id, fileName: "新方案.pdf", bytes: pdf() });
    const reader = callerFor(t.db, villager);
    expect((await reader.notice.open({ id })).attachments.map((a) => a.fileName)).toEqual(["方案.pdf"]);
    await expect(attachmentFile(deps(), villager, staged.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api.notice.correct({ id, title: "修路", body: "第二版", reason: "换了方案", dropAttachmentIds: [first.id] });
    const opened = await reader.notice.open({ id });
    expect(opened.attachments.map((a) => a.fileName)).toEqual(["新方案.pdf"]);
    expect(opened.history[0]!.attachments.map((a) => a.fileName)).toEqual(["方案.pdf"]);
    // the old version's file is still served
    expect((await attachmentFile(deps(), villager, first.id)).contentType).toBe("application/pdf");
    const staff = await api.notice.get({ id });
    expect(staff.versions.map((v) => v.attachments.map((a) => a.fileName))).toEqual([["方案.pdf"], ["新方案.pdf"]]);
  });

  it("a villager of another village gets NOT_FOUND for the file; the route answers 404 to them and the file with safe headers to the village", async () => {
    const a = await village();
    const b = await village();
    const { id } = await a.api.notice.create({ kind: "GENERAL", title: "范围", body: "x" });
    const doc = await addAttachment(deps(), a.committee, { noticeId: id, fileName: "名单.pdf", bytes: pdf() });
    await a.api.notice.publish({ id });
    await expect(attachmentFile(deps(), b.villager, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachmentFile(deps(), b.committee, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const get = (actor: Actor) => GET.run({ actor, locale: "zh" }, deps(), new Request(`http://localhost${doc.url}`), { id: doc.id });
    expect((await get(b.villager)).status).toBe(404);
    const ok = await get(a.villager);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-disposition")).toBe(contentDisposition("attachment", "名单.pdf"));
    expect(ok.headers.get("content-disposition")).toContain("filename*=UTF-8''%E5%90%8D%E5%8D%95.pdf");
  });
});
