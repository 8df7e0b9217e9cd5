/**
 * The household decides for itself: only it sets its card PIN (the committee can only clear it, with a
 * reason, and the household is told); an existing account is linked only when its holder accepts; a
 * member who leaves stays on record for everything that cites them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../setup/test-db";
import { callerFor, makeActor, makeHousehold, makeVillage, uniquePhone } from "../factories";
import { key, pointsVillage } from "../factories/points";
import { storeVillage } from "../factories/store";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t?.stop();
});

const phoneOf = async (userId: string) => (await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true } })).phone;

describe("the card PIN is the household's", () => {
  it("the committee cannot set a household's PIN; the household sets it; a committee reset needs a reason, clears it and tells the household", async () => {
    const s = await storeVillage(t.db, { points: 100 });
    const committee = callerFor(t.db, s.committee, { locale: "en" });
    const villager = callerFor(t.db, s.villager, { locale: "en" });
    await expect(committee.store.setPin({ householdId: s.h.id, pin: "135790" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.householdPin.count({ where: { householdId: s.h.id } })).toBe(0);

    await villager.store.setPin({ pin: "135790" });
    expect(await villager.household.mine()).toMatchObject({ pinSet: true });
    expect(await committee.household.get({ id: s.h.id })).toMatchObject({ pinSet: true });

    await expect(committee.household.resetPin({ householdId: s.h.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.householdPin.count({ where: { householdId: s.h.id } })).toBe(1);
    await expect(committee.household.resetPin({ householdId: s.h.id, reason: "户主说忘记了密码" })).resolves.toMatchObject({ pinSet: false });

    // the card no longer pays: the household must set a new PIN
    const pos = callerFor(t.db, s.keeper, { locale: "en" });
    await expect(pos.store.lookupPayer({ payer: { method: "CARD", householdNumber: s.h.number, pin: "135790" } })).rejects.toMatchObject({
      cause: { code: "PIN_NOT_SET" },
    });
    expect(await villager.household.mine()).toMatchObject({ pinSet: false });

    // the household sees why, with an unread count, and can mark it read
    const inbox = await villager.notification.list({});
    expect(inbox.unread).toBe(1);
    expect(inbox.items).toEqual([expect.objectContaining({ kind: "pin.reset", payload: { reason: "户主说忘记了密码" }, read: false, forHousehold: true })]);
    // another household's member sees nothing of it
    const other = await makeHousehold(t.db, s.v.id);
    const stranger = await makeActor(t.db, "VILLAGER", s.v.id);
    await t.db.householdMember.updateMany({ where: { householdId: other.id }, data: { userId: stranger.userId } });
    expect((await callerFor(t.db, stranger).notification.list({})).unread).toBe(0);
    await callerFor(t.db, stranger).notification.markRead({});
    expect((await villager.notification.list({})).unread).toBe(1);
    await villager.notification.markRead({ ids: [inbox.items[0]!.id] });
    expect((await villager.notification.list({})).unread).toBe(0);

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "household.resetPin", entityId: s.h.id } });
    expect(audit).toMatchObject({ actorUserId: s.committee.userId, after: { reason: "户主说忘记了密码" } });

    // a reset of a household without a PIN, or of another village, is refused
    await expect(committee.household.resetPin({ householdId: s.h.id, reason: "再来一次" })).rejects.toMatchObject({ cause: { code: "PIN_NOT_SET" } });
    const elsewhere = await makeHousehold(t.db, (await makeVillage(t.db)).id);
    await expect(committee.household.resetPin({ householdId: elsewhere.id, reason: "不是本村" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("linking an existing account needs its holder's acceptance", () => {
  it("the request is pending: the committee sees no name or phone and cannot give the account a role; the holder accepts on 我的", async () => {
    const v = await makeVillage(t.db);
    const committee = await makeActor(t.db, "COMMITTEE", v.id);
    const api = callerFor(t.db, committee);
    const h = await makeHousehold(t.db, v.id, { headName: "赵德胜" });
    const { id: memberId } = await api.household.addMember({ householdId: h.id, name: "赵小红", relation: "CHILD" });
    // the holder is a villager of another village
    const holder = await makeActor(t.db, "VILLAGER", (await makeVillage(t.db)).id);
    const phone = await phoneOf(holder.userId);
    const me = callerFor(t.db, holder);

    await expect(api.household.linkMember({ memberId, phone })).resolves.toMatchObject({ pending: true, userId: null });
    const member = (await api.household.get({ id: h.id })).members.find((m) => m.id === memberId)!;
    expect(member).toMatchObject({ linkPending: true, account: null });
    expect(JSON.stringify(await api.household.get({ id: h.id }))).not.toContain(holder.name);
    expect(await t.db.membership.count({ where: { userId: holder.userId, regionId: v.id } })).toBe(0);
    expect((await api.account.list({})).map((u) => u.id)).not.toContain(holder.userId);
    await expect(api.account.setRole({ userId: holder.userId, role: "GRID_WORKER", enabled: true, gridId: v.gridId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // asking again, for this member or another one of the village, says it is pending
    await expect(api.household.linkMember({ memberId, phone })).rejects.toMatchObject({ cause: { code: "LINK_PENDING" } });
    const h2 = await makeHousehold(t.db, v.id);
    const otherHead = (await api.household.get({ id: h2.id })).members[0]!;
    await expect(api.household.linkMember({ memberId: otherHead.id, phone })).rejects.toMatchObject({ cause: { code: "LINK_PENDING" } });

    // the holder sees the request and a notification, and may decline
    expect(await me.household.myLinks()).toEqual([expect.objectContaining({ memberId, memberName: "赵小红", household: expect.objectContaining({ number: h.number, headName: "赵德胜" }) })]);
    expect((await me.notification.list({})).items[0]).toMatchObject({ kind: "household.linkRequested", payload: { number: h.number } });
    // nobody else can answer it
    const intruder = callerFor(t.db, await makeActor(t.db, "VILLAGER", v.id));
    await expect(intruder.household.answerLink({ memberId, accept: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await me.household.answerLink({ memberId, accept: false });
    expect(await me.household.myLinks()).toEqual([]);
    expect((await api.household.get({ id: h.id })).members.find((m) => m.id === memberId)).toMatchObject({ linkPending: false, account: null });

    // asked again and accepted: linked, a villager of the village, visible to the committee
    await api.household.linkMember({ memberId, phone });
    await expect(me.household.answerLink({ memberId, accept: true })).resolves.toEqual({ memberId, linked: true });
    expect((await api.household.get({ id: h.id })).members.find((m) => m.id === memberId)).toMatchObject({
      linkPending: false,
      account: { id: holder.userId, name: holder.name },
    });
    expect(await t.db.membership.count({ where: { userId: holder.userId, regionId: v.id, role: "VILLAGER", active: true } })).toBe(1);
  });

  it("a new phone with a password still gets its account at once; named after the member (one person-creation function)", async () => {
    const v = await makeVillage(t.db);
    const api = callerFor(t.db, await makeActor(t.db, "COMMITTEE", v.id));
    const h = await makeHousehold(t.db, v.id, { headName: "钱多多" });
    const head = (await api.household.get({ id: h.id })).members[0]!;
    const phone = uniquePhone();
    const linked = await api.household.linkMember({ memberId: head.id, phone, password: "secret-pass-1" });
    expect(linked).toMatchObject({ pending: false, userId: expect.any(String) });
    expect(await t.db.user.findUniqueOrThrow({ where: { phone }, select: { name: true } })).toEqual({ name: "钱多多" });
  });
});

describe("members leave, they do not vanish", () => {
  it("removeMember marks the member LEFT with the date; lists hide them, history shows them; what cites them keeps a real foreign key", async () => {
    const s = await pointsVillage(t.db);
    const api = callerFor(t.db, s.committee);
    const { id: memberId } = await api.household.addMember({ householdId: s.h1.id, name: "王小明", relation: "CHILD" });
    const account = await makeActor(t.db, "VILLAGER", s.v.id);
    await t.db.householdMember.update({ where: { id: memberId }, data: { userId: account.userId } });
    expect(await callerFor(t.db, account).household.mine()).toMatchObject({ id: s.h1.id });
    await api.award.propose({ householdId: s.h1.id, ruleId: s.rules.award, memberId, reason: "打扫村道", idempotencyKey: key() });
    const before = (await api.household.list({})).items.find((h) => h.id === s.h1.id)!.memberCount;

    await expect(api.household.removeMember({ memberId })).resolves.toMatchObject({ status: "LEFT" });
    const row = await t.db.householdMember.findUniqueOrThrow({ where: { id: memberId } });
    expect(row).toMatchObject({ status: "LEFT", userId: null });
    expect(row.leftAt).toBeInstanceOf(Date);

    expect((await api.household.get({ id: s.h1.id })).members.map((m) => m.id)).not.toContain(memberId);
    expect((await api.household.list({})).items.find((h) => h.id === s.h1.id)!.memberCount).toBe(before - 1);
    const history = await api.household.get({ id: s.h1.id, includeLeft: true });
    expect(history.members.find((m) => m.id === memberId)).toMatchObject({ name: "王小明", status: "LEFT" });
    // the entry that cites them still names them
    expect(JSON.stringify(await api.award.list({ take: 10 }))).toContain("王小明");
    // their account no longer acts for the household
    expect(await callerFor(t.db, account).household.mine()).toBeNull();
    // a second removal, or a link, of a left member is refused
    await expect(api.household.removeMember({ memberId })).rejects.toMatchObject({ cause: { code: "MEMBER_LEFT" } });
    await expect(
      api.award.propose({ householdId: s.h1.id, ruleId: s.rules.award, memberId, reason: "迁出后又记一笔", idempotencyKey: key() }),
    ).rejects.toMatchObject({ cause: { code: "MEMBER_LEFT" } });
    // the database itself refuses to delete a cited member
    await expect(t.db.householdMember.delete({ where: { id: memberId } })).rejects.toThrow();
    const fks = await t.db.$queryRaw<{ conname: string }[]>`
      SELECT conname FROM pg_constraint WHERE contype = 'f' AND conname IN ('Award_memberId_fkey', 'LedgerTransaction_memberId_fkey', 'EventPresence_memberId_fkey') ORDER BY conname`;
    expect(fks.map((f) => f.conname)).toEqual(["Award_memberId_fkey", "EventPresence_memberId_fkey", "LedgerTransaction_memberId_fkey"]);
  });
});
