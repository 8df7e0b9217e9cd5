import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/server/auth/login.service";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeUser, makeVillage, uniq, uniquePhone } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const deps = () => ({ db: t.db, now: () => new Date() });
const login = (phone: string, password: string) => checkCredentials(deps(), { phone, password, ip: uniq("ip") });

describe("accounts of a village", () => {
  it("committee creates an account that is listed with a masked phone and can sign in; the audit trail records it", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const phone = uniquePhone();
    const { id } = await api.account.create({ phone, name: "钱多多", password: "secret-123", role: "VILLAGER" });

    const list = await api.account.list({ query: "钱多" });
    expect(list).toEqual([
      expect.objectContaining({ id, name: "钱多多", phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`, roles: [{ role: "VILLAGER", grid: null }] }),
    ]);
    expect(JSON.stringify(list)).not.toContain(phone);
    // phone digits find the person too
    expect((await api.account.list({ query: phone.slice(-6) })).map((u) => u.id)).toEqual([id]);

    await expect(login(phone, "secret-123")).resolves.toMatchObject({ userId: id });
    const audit = await api.audit.list({ take: 5 });
    expect(audit.items[0]).toMatchObject({ action: "account.create", entityId: id, entityLabel: "钱多多", actorName: committee.name });
    expect(JSON.stringify(audit.items[0])).not.toContain(phone);
  });

  it("a duplicate phone is refused with PHONE_TAKEN in Chinese and English, and nothing is written", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const other = await makeUser(t.db);
    const masked = `${other.phone.slice(0, 3)}****${other.phone.slice(-4)}`;
    const input = { phone: other.phone, name: "重复", password: "secret-123", role: "VILLAGER" as const };
    const users = await t.db.user.count();
    const audits = await t.db.auditLog.count();

    await expect(callerFor(t.db, committee).account.create(input)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `手机号 ${masked} 已被其他账号使用。`,
    });
    await expect(callerFor(t.db, committee, { locale: "en" }).account.create(input)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Phone number ${masked} is already used by another account.`,
    });
    expect(await t.db.user.count()).toBe(users);
    expect(await t.db.auditLog.count()).toBe(audits);
    expect(await t.db.membership.count({ where: { userId: other.id } })).toBe(0);
  });

  it("resetting a password lets the person sign in with the new one only", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const phone = uniquePhone();
    const { id } = await api.account.create({ phone, name: "孙二", password: "old-password", role: "VILLAGER" });

    await api.account.resetPassword({ userId: id, password: "new-password" });
    await expect(login(phone, "new-password")).resolves.toMatchObject({ userId: id });
    await expect(login(phone, "old-password")).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    const audit = await api.audit.list({ take: 5 });
    // newest first: the failed sign-in with the old password (phone masked), then the reset
    expect(audit.items[0]).toMatchObject({ action: "auth.signInFailed", entityId: id, after: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` } });
    expect(audit.items[1]).toMatchObject({ action: "account.resetPassword", entityId: id, before: null, after: null });
  });

  it("a person who also holds a role elsewhere cannot have their password reset by one village", async () => {
    const a = await makeVillage(t.db);
    const b = await makeVillage(t.db);
    const committeeA = await makeActor(t.db, "COMMITTEE", a.id);
    const both = await makeActor(t.db, "VILLAGER", a.id);
    await t.db.membership.create({ data: { userId: both.userId, regionId: b.id, role: "COMMITTEE" } });
    const before = await t.db.user.findUniqueOrThrow({ where: { id: both.userId }, select: { passwordHash: true } });
    await expect(callerFor(t.db, committeeA).account.resetPassword({ userId: both.userId, password: "take-over-1" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("不能由本村重置密码"),
    });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: both.userId }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it("giving a second role makes two memberships; removing it makes it inactive", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const { id } = await api.account.create({ phone: uniquePhone(), name: "周三", password: "secret-123", role: "VILLAGER" });

    // SHOPKEEPER, not SUPERVISOR: the committee no longer appoints supervisors (the town does)
    await api.account.setRole({ userId: id, role: "SHOPKEEPER", enabled: true });
    const active = await t.db.membership.findMany({ where: { userId: id, active: true }, select: { role: true, regionId: true } });
    expect(active.map((m) => m.role).sort()).toEqual(["SHOPKEEPER", "VILLAGER"]);
    expect(active.every((m) => m.regionId === v.id)).toBe(true);
    const listed = (await api.account.list({})).find((u) => u.id === id);
    expect(listed?.roles.map((r) => r.role)).toEqual(["VILLAGER", "SHOPKEEPER"]);

    await api.account.setRole({ userId: id, role: "SHOPKEEPER", enabled: false });
    expect(await t.db.membership.count({ where: { userId: id, active: true } })).toBe(1);
    const audit = await api.audit.list({ take: 2 });
    expect(audit.items.map((i) => i.action)).toEqual(["account.revokeRole", "account.grantRole"]);
    expect(audit.items[0]).toMatchObject({ before: { role: "SHOPKEEPER", active: true }, after: { role: "SHOPKEEPER", active: false } });
  });

  it("a grid worker role needs a grid of this village, and shows it", async () => {
    const v = await makeVillage(t.db);
    const other = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const phone = uniquePhone();
    const users = await t.db.user.count();

    await expect(api.account.create({ phone, name: "网格甲", password: "secret-123", role: "GRID_WORKER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "网格员必须指定所在网格，请选择一个网格。",
    });
    await expect(
      callerFor(t.db, committee, { locale: "en" }).account.create({ phone, name: "网格甲", password: "secret-123", role: "GRID_WORKER" }),
    ).rejects.toMatchObject({ message: "A grid worker needs a grid. Please choose one." });
    await expect(
      api.account.create({ phone, name: "网格甲", password: "secret-123", role: "GRID_WORKER", gridId: other.gridId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.user.count()).toBe(users);

    const { id } = await api.account.create({ phone, name: "网格甲", password: "secret-123", role: "GRID_WORKER", gridId: v.gridId });
    const listed = (await api.account.list({ query: "网格甲" }))[0];
    expect(listed?.roles).toEqual([{ role: "GRID_WORKER", grid: { id: v.gridId, name: expect.any(String) } }]);

    const villager = await api.account.create({ phone: uniquePhone(), name: "村民乙", password: "secret-123", role: "VILLAGER" });
    await expect(api.account.setRole({ userId: villager.id, role: "GRID_WORKER", enabled: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.membership.count({ where: { userId: villager.id } })).toBe(1);
    expect(id).toBeTruthy();
  });

  it("a committee cannot remove its own committee role", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    await expect(
      callerFor(t.db, committee).account.setRole({ userId: committee.userId, role: "COMMITTEE", enabled: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "不能撤销您自己的村委会身份，请由其他村委会成员操作。" });
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: committee.membershipId }, select: { active: true } })).toEqual({ active: true });
  });

  it("a committee of village A acting on a person only in village B gets NOT_FOUND and changes nothing", async () => {
    const a = await makeVillage(t.db);
    const b = await makeVillage(t.db);
    const committeeA = await makeActor(t.db, "COMMITTEE", a.id);
    const personB = await makeActor(t.db, "VILLAGER", b.id);
    const api = callerFor(t.db, committeeA);
    const hash = (await t.db.user.findUniqueOrThrow({ where: { id: personB.userId }, select: { passwordHash: true } })).passwordHash;

    await expect(api.account.resetPassword({ userId: personB.userId, password: "new-password" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.account.setRole({ userId: personB.userId, role: "SUPERVISOR", enabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.account.setRole({ userId: personB.userId, role: "VILLAGER", enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.account.list({})).map((u) => u.id)).not.toContain(personB.userId);

    expect((await t.db.user.findUniqueOrThrow({ where: { id: personB.userId }, select: { passwordHash: true } })).passwordHash).toBe(hash);
    expect(await t.db.membership.findMany({ where: { userId: personB.userId }, select: { regionId: true, role: true, active: true } })).toEqual([
      { regionId: b.id, role: "VILLAGER", active: true },
    ]);
  });

  it("bad input gets a translated message naming the field", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    await expect(
      callerFor(t.db, committee).account.create({ phone: "12345", name: "某", password: "secret-123", role: "VILLAGER" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "填写的内容有误：「手机号」请输入 11 位手机号" });
    await expect(
      callerFor(t.db, committee, { locale: "en" }).account.create({ phone: uniquePhone(), name: "某", password: "short", role: "VILLAGER" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Password") });
  });
});
