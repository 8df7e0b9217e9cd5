/** Event rules without a database: opening hours by role, the geofence distance, who may do staff check-ins. */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { distanceM, eventState, geofenceCheck, mayStaffCheckIn, openFor } from "@/server/modules/events/event.policy";

const H = 3600_000;
const t0 = new Date("2026-11-23T00:00:00Z");
const e = { startsAt: new Date(t0.getTime() + H), endsAt: new Date(t0.getTime() + 3 * H), cancelledAt: null, closedAt: null };

describe("event state", () => {
  it("moves from upcoming to open to ended; cancelled and closed win", () => {
    expect(eventState(e, t0)).toBe("UPCOMING");
    expect(eventState(e, e.startsAt)).toBe("OPEN");
    expect(eventState(e, e.endsAt)).toBe("OPEN");
    expect(eventState(e, new Date(e.endsAt.getTime() + 1))).toBe("ENDED");
    expect(eventState({ ...e, closedAt: t0 }, e.startsAt)).toBe("CLOSED");
    expect(eventState({ ...e, cancelledAt: t0, closedAt: t0 }, e.startsAt)).toBe("CANCELLED");
  });
  it("villagers check in while open; staff also after the end until closed", () => {
    const after = new Date(e.endsAt.getTime() + H);
    expect(openFor("VILLAGER", e, after)).toBe(false);
    expect(openFor("STAFF", e, after)).toBe(true);
    expect(openFor("STAFF", e, t0)).toBe(false);
    expect(openFor("STAFF", { ...e, closedAt: after }, after)).toBe(false);
  });
});

describe("geofence", () => {
  it("measures great-circle distance in metres", () => {
    expect(distanceM({ lat: 30, lng: 120 }, { lat: 30, lng: 120 })).toBe(0);
    expect(distanceM({ lat: 30, lng: 120 }, { lat: 30.01, lng: 120 })).toBe(1112);
    expect(distanceM({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 })).toBeGreaterThan(1_060_000);
  });
  it("no geofence: nothing to check; missing location; inside and outside with the distance", () => {
    expect(geofenceCheck({ geoLat: null, geoLng: null, geoRadiusM: null }, null)).toBeNull();
    const g = { geoLat: 30, geoLng: 120, geoRadiusM: 100 };
    expect(geofenceCheck(g, null)).toEqual({ missing: true });
    expect(geofenceCheck(g, { lat: 30.0005, lng: 120 })).toEqual({ missing: false, inside: true, distanceM: 56 });
    expect(geofenceCheck(g, { lat: 30.002, lng: 120 })).toEqual({ missing: false, inside: false, distanceM: 222 });
  });
});

describe("staff check-in", () => {
  const actor = (role: Actor["role"], gridId: string | null = null) => ({ role, gridId }) as Actor;
  it("committee and grid workers (any grid, or none) may; villagers, supervisors and shopkeepers never", () => {
    expect(mayStaffCheckIn(actor("COMMITTEE"))).toBe(true);
    expect(mayStaffCheckIn(actor("GRID_WORKER", "g1"))).toBe(true);
    expect(mayStaffCheckIn(actor("GRID_WORKER", null))).toBe(true);
    expect(mayStaffCheckIn(actor("SUPERVISOR"))).toBe(false);
    expect(mayStaffCheckIn(actor("VILLAGER"))).toBe(false);
    expect(mayStaffCheckIn(actor("SHOPKEEPER"))).toBe(false);
  });
});
