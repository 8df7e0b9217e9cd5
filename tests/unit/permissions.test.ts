/** Sanity of the one permission table (server/auth/permissions.ts); the matrix test proves it is obeyed. */
import { describe, expect, it } from "vitest";
import { ASSIGNABLE_BY_COMMITTEE, PERMISSIONS, ROLES, VILLAGE_ROLES, can, type Action } from "@/server/auth/permissions";

const table = PERMISSIONS as Record<string, readonly string[]>;
const actions = Object.keys(table) as Action[];
const ADMINS = ["TOWN_ADMIN", "COUNTY_ADMIN"] as const;
const READS = /\.(get|list|mine|summary|villages|search|export|board|ranking)$/;

describe("permission table", () => {
  it("names only known roles, each at most once", () => {
    for (const [action, roles] of Object.entries(table)) {
      expect(action, "action names look like domain.verb").toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      for (const r of roles) expect(ROLES as readonly string[], `${action}: ${r}`).toContain(r);
      expect(new Set(roles).size, `${action} repeats a role`).toBe(roles.length);
    }
  });

  it("every role may see and manage its own session (me.get, me.changePassword)", () => {
    for (const role of ROLES) {
      expect(can(role, "me.get"), role).toBe(true);
      expect(can(role, "me.changePassword"), role).toBe(true);
    }
  });

  it("town and county admins never write to a village's households or accounts", () => {
    const writes = actions.filter((a) => /^(household|account)\./.test(a) && !READS.test(a));
    expect(writes.length).toBeGreaterThan(0);
    for (const a of writes) for (const admin of ADMINS) expect(can(admin, a), `${admin} may ${a}`).toBe(false);
  });

  it("only the committee keeps the household register and the village's accounts", () => {
    const committeeOnly: Action[] = [
      "household.create",
      "household.update",
      "household.setStatus",
      "household.addMember",
      "household.removeMember",
      "household.linkMember",
      "household.import",
      "account.create",
      "account.resetPassword",
      "account.setRole",
    ];
    for (const a of committeeOnly) expect(table[a], a).toEqual(["COMMITTEE"]);
  });

  it("household.mine is the villager's own; villagers cannot read the register", () => {
    expect(table["household.mine"]).toContain("VILLAGER");
    expect(can("VILLAGER", "household.list")).toBe(false);
    expect(can("VILLAGER", "household.get")).toBe(false);
    expect(can("SHOPKEEPER", "household.list")).toBe(false);
  });

  it("only admins create villages; a committee can hand out village roles only", () => {
    expect([...table["region.createVillage"]!].sort()).toEqual([...ADMINS].sort());
    for (const r of ASSIGNABLE_BY_COMMITTEE) expect(VILLAGE_ROLES).toContain(r);
    for (const admin of ADMINS) expect(ASSIGNABLE_BY_COMMITTEE).not.toContain(admin);
  });
});
