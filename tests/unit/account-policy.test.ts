import { describe, expect, it } from "vitest";
import { keepProblem, roleChangeProblem } from "@/server/modules/accounts/account.policy";
import { cleanSnapshot } from "@/server/modules/audit/audit.service";

describe("role changes a committee may make", () => {
  const me = { userId: "u1" };
  it("refuses removing one's own committee role, but not someone else's", () => {
    expect(roleChangeProblem(me, { userId: "u1", role: "COMMITTEE", enabled: false })).toBe("OWN_COMMITTEE_ROLE");
    expect(roleChangeProblem(me, { userId: "u2", role: "COMMITTEE", enabled: false })).toBeNull();
    expect(roleChangeProblem(me, { userId: "u1", role: "SHOPKEEPER", enabled: false })).toBeNull();
    // supervisors are the town's to appoint and remove, never the committee's (not even its own role)
    expect(roleChangeProblem(me, { userId: "u1", role: "SUPERVISOR", enabled: false })).toBe("SUPERVISOR_BY_TOWN");
  });
  it("needs a grid for a grid worker only when giving the role", () => {
    expect(roleChangeProblem(me, { userId: "u2", role: "GRID_WORKER", enabled: true })).toBe("GRID_REQUIRED");
    expect(roleChangeProblem(me, { userId: "u2", role: "GRID_WORKER", enabled: true, gridId: "g" })).toBeNull();
    expect(roleChangeProblem(me, { userId: "u2", role: "GRID_WORKER", enabled: false })).toBeNull();
    expect(roleChangeProblem(me, { userId: "u2", role: "VILLAGER", enabled: true })).toBeNull();
  });
});

describe("accounts the committee keeps", () => {
  const base = { rolesHere: ["VILLAGER"], roleElsewhere: false, householdMember: false, openedHere: false };
  it("keeps active household members and accounts it opened, when they act nowhere else", () => {
    expect(keepProblem({ ...base, householdMember: true }, "reset")).toBeNull();
    expect(keepProblem({ ...base, openedHere: true }, "grant")).toBeNull();
  });
  it("does not keep someone who merely holds a role here, acts elsewhere too, or supervises", () => {
    expect(keepProblem(base, "reset")).toBe("ACCOUNT_NOT_KEPT");
    expect(keepProblem({ ...base, householdMember: true, roleElsewhere: true }, "reset")).toBe("ACCOUNT_SHARED");
    expect(keepProblem({ ...base, openedHere: true, roleElsewhere: true }, "grant")).toBe("ACCOUNT_NOT_KEPT");
    expect(keepProblem({ ...base, rolesHere: ["SUPERVISOR"], householdMember: true }, "grant")).toBe("SUPERVISOR_ACCOUNT");
  });
});

describe("audit snapshots shown to people", () => {
  it("drop secrets and non-objects", () => {
    expect(cleanSnapshot({ name: "甲", passwordHash: "$argon2…", pin: "1234", householdPin: "1", mapping: "ok", status: "ACTIVE" })).toEqual({ name: "甲", mapping: "ok", status: "ACTIVE" });
    expect(cleanSnapshot(null)).toBeNull();
    expect(cleanSnapshot([1, 2])).toBeNull();
    expect(cleanSnapshot("x")).toBeNull();
  });
});
