/**
 * Village notices: Markdown rendered safe (raw HTML, scripts, outside images and non-http links
 * never reach the page), corrections as new versions with the old kept, one reading per household,
 * village scope, and bad input refused with a translated message and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { POST } from "@/app/api/trpc/[trpc]/route";
import { renderNotice } from "@/server/modules/council/notice.render";
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

/** A village with a committee and three households; the first has two members with accounts. */
async function village() {
  const v = await makeVillage(t.db);
  const committee = await makeActor(t.db, "COMMITTEE", v.id);
  const [h1, h2, h3] = [await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id), await makeHousehold(t.db, v.id)];
  const head1 = await makeVillagerOf(t.db, v.id, h1.id);
  const spouse1 = await makeActor(t.db, "VILLAGER", v.id);
  await t.db.householdMember.create({ data: { householdId: h1.id, name: "配偶", relation: "SPOUSE", userId: spouse1.userId } });
  const head2 = await makeVillagerOf(t.db, v.id, h2.id);
  return { v, committee, api: callerFor(t.db, committee), head1, spouse1, head2, h3 };
}

async function published(api: ReturnType<typeof callerFor>, title = "关于修建村道的议事公告", body = "拟于 **3 月 5 日** 召开村民代表会议。") {
  const { id } = await api.notice.create({ kind: "DELIBERATION", title, body });
  await api.notice.publish({ id });
  return id;
}

async function snapshot(villageId: string, actor: Actor) {
  return {
    notices: await t.db.notice.findMany({ where: { villageId }, orderBy: { id: "asc" } }),
    versions: await t.db.noticeVersion.count({ where: { notice: { villageId } } }),
    audit: await t.db.auditLog.count({ where: { actorUserId: actor.userId } }),
  };
}

describe("the sanitizer", () => {
  const PAYLOADS: [string, string][] = [
    ["script tag", "<script>alert(1)</script>"],
    ["iframe", '<iframe src="https://evil.example/"></iframe>'],
    ["javascript: link", "[点我](javascript:alert(1))"],
    ["JaVaScRiPt: link with entities", "[点我](JaVaScRiPt&#58;alert(1))"],
    ["vbscript: link", "[点我](vbscript:msgbox(1))"],
    ["data: link", "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["img onerror", '<img src=x onerror="alert(1)">'],
    ["outside Markdown image", "![照片](https://tracker.example/pixel.gif)"],
    ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["svg onload", '<svg onload="alert(1)"><circle r="5"/></svg>'],
    ["style attribute", '<p style="background:url(https://tracker.example/x)">hi</p>'],
    ["autolink javascript:", "<javascript:alert(1)>"],
    ["reference link to javascript:", "[a][1]\n\n[1]: javascript:alert(1)"],
    ["protocol-relative link", "[a](//evil.example/x)"],
    ["html in link title", '[a](https://ok.example "x\\" onmouseover=\\"alert(1)")'],
  ];

  for (const [name, payload] of PAYLOADS) {
    it(`makes ${name} harmless`, () => {
      const html = renderNotice(`正文开头\n\n${payload}\n\n正文结尾`);
      // whatever was typed, every real tag in the output (text "<" comes out as &lt;) is a plain
      // text tag whose only attributes are a link's http(s) href and the rel/target added to it
      const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
      for (const [, tag, attrs] of tags) {
        expect(["p", "a", "strong", "em", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "br", "blockquote"], html).toContain(tag!.toLowerCase());
        const names = [...attrs!.matchAll(/\s([\w-]+)=/g)].map((m) => m[1]!.toLowerCase());
        for (const n of names) expect(["href", "rel", "target"], html).toContain(n);
        const href = /href="([^"]*)"/.exec(attrs!)?.[1];
        if (href !== undefined) expect(href, html).toMatch(/^https?:\/\/[^/]/);
      }
      expect(html).not.toMatch(/<(script|iframe|img|svg|style|object|embed)\b/i);
      expect(html).toContain("正文开头");
      expect(html).toContain("正文结尾");
    });
  }

  it("keeps what a notice needs: headings, bold, lists, and http(s) links that open safely", () => {
    const html = renderNotice("# 会议安排\n\n**时间**：3 月 5 日\n\n- 议题一\n- 议题二\n\n[县政府网站](https://www.example.gov.cn/)");
    expect(html).toContain("<h1>会议安排</h1>");
    expect(html).toContain("<strong>时间</strong>");
    expect(html).toContain("<li>议题一</li>");
    expect(html).toContain('<a href="https://www.example.gov.cn/" rel="nofollow noopener noreferrer" target="_blank">县政府网站</a>');
  });

  it("shows raw HTML as text instead of dropping it silently", () => {
    expect(renderNotice("<b>x</b>")).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("what the villager's page gets from notice.open is the sanitized HTML", async () => {
    const { api, head1 } = await village();
    const id = await published(api, "测试", "<script>alert(1)</script>\n\n![x](https://tracker.example/p.gif)\n\n[x](javascript:alert(1))");
    const seen = await callerFor(t.db, head1).notice.open({ id });
    expect(seen.html).not.toMatch(/<script|<img|href="javascript/i);
    expect(seen.html).toContain("&lt;script&gt;");
  });
});

describe("publishing and correcting", () => {
  it("a draft is invisible to villagers; published it appears, with the committee's read count", async () => {
    const { v, api, head1 } = await village();
    const { id } = await api.notice.create({ kind: "MEETING", title: "召开村民会议的通知", body: "周日上午九点，村委会议室。" });
    const villager = callerFor(t.db, head1);
    expect((await villager.notice.board()).items).toEqual([]);
    await expect(villager.notice.open({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await api.notice.publish({ id });
    const board = await villager.notice.board();
    expect(board.items.map((n) => [n.title, n.unread])).toEqual([["召开村民会议的通知", true]]);
    const list = await api.notice.list();
    expect(list.households).toBe(3);
    expect(list.items[0]).toMatchObject({ id, status: "PUBLISHED", version: 1, readHouseholds: 0 });
    expect(await t.db.auditLog.count({ where: { regionId: v.id, action: "villageNotice.publish", entityId: id } })).toBe(1);
  });

  it("a correction is a new version; the old text stays and villagers see it as 更正 history", async () => {
    const { api, head1 } = await village();
    const id = await published(api, "村民代表会议通知", "会议时间：3 月 4 日。");
    await expect(api.notice.update({ id, kind: "MEETING", title: "改", body: "偷偷改" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("不能直接修改"),
    });
    const fixed = await api.notice.correct({ id, title: "村民代表会议通知", body: "会议时间：3 月 5 日。", reason: "日期写错了" });
    expect(fixed.version).toBe(2);

    const versions = await t.db.noticeVersion.findMany({ where: { noticeId: id }, orderBy: { version: "asc" }, select: { version: true, body: true, reason: true } });
    expect(versions).toEqual([
      { version: 1, body: "会议时间：3 月 4 日。", reason: "" },
      { version: 2, body: "会议时间：3 月 5 日。", reason: "日期写错了" },
    ]);
    const seen = await callerFor(t.db, head1).notice.open({ id });
    expect(seen.html).toContain("3 月 5 日");
    expect(seen.version).toBe(2);
    expect(seen.correctedAt).not.toBeNull();
    expect(seen.history).toEqual([expect.objectContaining({ version: 1, replacedBecause: "日期写错了", html: expect.stringContaining("3 月 4 日") })]);

    const staff = await api.notice.get({ id });
    expect(staff.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it("a household that read version 1 sees the notice as unread again once it is corrected", async () => {
    const { api, head1 } = await village();
    const id = await published(api);
    const villager = callerFor(t.db, head1);
    await villager.notice.open({ id });
    expect((await villager.notice.board()).items[0]).toMatchObject({ id, unread: false });
    await api.notice.correct({ id, title: "关于修建村道的议事公告", body: "改为 3 月 6 日召开。", reason: "时间调整" });
    expect((await villager.notice.board()).items[0]).toMatchObject({ id, unread: true, corrected: true });
    // still one household in the count
    expect((await api.notice.get({ id })).readHouseholds).toBe(1);
  });

  it("pinned notices come after unread ones but before other read ones", async () => {
    const { api, head1 } = await village();
    const a = await published(api, "甲");
    const b = await published(api, "乙");
    const c = await published(api, "丙");
    const villager = callerFor(t.db, head1);
    await villager.notice.open({ id: a });
    await villager.notice.open({ id: b });
    await api.notice.pin({ id: a, pinned: true });
    expect((await villager.notice.board()).items.map((n) => n.id)).toEqual([c, a, b]);
  });
});

describe("reading, one per household", () => {
  it("two members of one household count once; another household adds one; 已读 N / M 户", async () => {
    const { api, head1, spouse1, head2 } = await village();
    const id = await published(api);
    await Promise.all([callerFor(t.db, head1).notice.open({ id }), callerFor(t.db, spouse1).notice.open({ id }), callerFor(t.db, head1).notice.open({ id })]);
    expect(await t.db.noticeRead.count({ where: { noticeId: id } })).toBe(1);
    expect((await api.notice.get({ id })).readHouseholds).toBe(1);
    // the spouse's board shows it read too: the reading belongs to the household
    expect((await callerFor(t.db, spouse1).notice.board()).items[0]).toMatchObject({ id, unread: false });
    await callerFor(t.db, head2).notice.open({ id });
    const got = await api.notice.get({ id });
    expect([got.readHouseholds, got.households]).toEqual([2, 3]);
  });

  it("a notice of another village cannot be seen, opened, corrected or pinned, and no reading is recorded", async () => {
    const a = await village();
    const b = await village();
    const id = await published(a.api);
    const outsider = callerFor(t.db, b.head1);
    expect((await outsider.notice.board()).items.map((n) => n.id)).not.toContain(id);
    await expect(outsider.notice.open({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.api.notice.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.api.notice.correct({ id, title: "x", body: "y", reason: "z" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.api.notice.pin({ id, pinned: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.api.notice.publish({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.noticeRead.count({ where: { noticeId: id } })).toBe(0);
    expect(await t.db.notice.findUniqueOrThrow({ where: { id }, select: { version: true, pinned: true } })).toEqual({ version: 1, pinned: false });
  });
});

describe("bad input", () => {
  it("a text over 64 KB is refused with a translated message and nothing is written", async () => {
    const { v, committee } = await village();
    const before = await snapshot(v.id, committee);
    const long = "村".repeat(22_000); // 66,000 bytes in UTF-8, under 64 K characters
    await expect(callerFor(t.db, committee).notice.create({ kind: "GENERAL", title: "长", body: long })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("正文最多 64 KB"),
    });
    await expect(callerFor(t.db, committee, { locale: "en" }).notice.create({ kind: "GENERAL", title: "长", body: "a".repeat(70_000) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 64 KB"),
    });
    expect(await snapshot(v.id, committee)).toEqual(before);
  });

  it("1 MB of text is refused before it is parsed (413 naming the limit)", async () => {
    const body = JSON.stringify({ kind: "GENERAL", title: "x", body: "a".repeat(1024 * 1024) });
    const res = await POST(
      new Request("http://localhost/api/trpc/notice.create", { method: "POST", headers: { "content-type": "application/json", cookie: "NEXT_LOCALE=zh" }, body }),
    );
    expect(res.status).toBe(413);
  });

  it("an unknown kind, an empty title or a correction that changes nothing: translated errors, nothing written", async () => {
    const { v, committee, api } = await village();
    const id = await published(api, "通知", "正文");
    const before = await snapshot(v.id, committee);
    const en = callerFor(t.db, committee, { locale: "en" });
    await expect(api.notice.create({ kind: "RUMOUR" as "GENERAL", title: "x", body: "y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("请从列表中选择"),
    });
    await expect(en.notice.create({ kind: "GENERAL", title: "   ", body: "y" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Title") });
    await expect(api.notice.correct({ id, title: "通知", body: "正文", reason: "没改" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("完全相同"),
    });
    await expect(en.notice.correct({ id, title: "通知", body: "正文", reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const draft = await api.notice.create({ kind: "GENERAL", title: "草稿", body: "草稿" });
    await expect(en.notice.correct({ id: draft.id, title: "草稿", body: "改", reason: "r" })).rejects.toMatchObject({
      message: expect.stringContaining("still a draft"),
    });
    await expect(api.notice.publish({ id })).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await snapshot(v.id, committee);
    // only the draft made above was written (one notice, one audit record)
    expect(after.versions).toBe(before.versions);
    expect(after.notices.filter((n) => n.id !== draft.id)).toEqual(before.notices);
    expect(after.audit).toBe(before.audit + 1);
  });
});
