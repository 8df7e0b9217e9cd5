/**
 * Pure decisions about events: is it open for check-in, how far is the villager from the geofence's
 * centre, may this staff member check this household in.
 */
import type { Actor } from "@/server/auth/actor";

export type EventTimes = { startsAt: Date; endsAt: Date; cancelledAt: Date | null; closedAt: Date | null };

export type EventState = "CANCELLED" | "CLOSED" | "UPCOMING" | "OPEN" | "ENDED";

export function eventState(e: EventTimes, now: Date): EventState {
  if (e.cancelledAt) return "CANCELLED";
  if (e.closedAt) return "CLOSED";
  if (now < e.startsAt) return "UPCOMING";
  if (now > e.endsAt) return "ENDED";
  return "OPEN";
}

/**
 * Staff may still check households in after the end (a roll call at the close), until the event is
 * closed; villagers only while it is open.
 */
export function openFor(who: "VILLAGER" | "STAFF", e: EventTimes, now: Date): boolean {
  const s = eventState(e, now);
  return s === "OPEN" || (who === "STAFF" && s === "ENDED");
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in whole metres (haversine; plenty for a village). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

export type Geofence = { geoLat: number | null; geoLng: number | null; geoRadiusM: number | null };

/** null when the event has no geofence; else whether the point is inside and how far it is. */
export function geofenceCheck(e: Geofence, at: { lat: number; lng: number } | null): null | { missing: true } | { missing: false; inside: boolean; distanceM: number } {
  if (e.geoLat == null || e.geoLng == null || e.geoRadiusM == null) return null;
  if (!at) return { missing: true };
  const d = distanceM({ lat: e.geoLat, lng: e.geoLng }, at);
  return { missing: false, inside: d <= e.geoRadiusM, distanceM: d };
}

/**
 * Committee and grid workers may check in any household of their village (the village is in the
 * query's `where`): at a village event the elderly queue at whichever desk is nearest, whatever their
 * grid. A grid worker's roster starts at their own grid; other roles never check others in.
 */
export function mayStaffCheckIn(actor: Actor): boolean {
  return actor.role === "COMMITTEE" || actor.role === "GRID_WORKER";
}
