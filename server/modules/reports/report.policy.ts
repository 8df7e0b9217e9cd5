/** Pure rules of 随手拍 reports: distances, the duplicate window, who reviews. */

/** Reports within this distance … */
export const DUPLICATE_RADIUS_M = 50;
/** … and this many hours of each other are offered as likely duplicates. */
export const DUPLICATE_WINDOW_HOURS = 48;
/** A GPS position farther than this from every landmark of the village is flagged (not refused). */
export const FAR_FROM_VILLAGE_M = 5_000;
/** A village keeps a short list of landmarks. */
export const LANDMARKS_MAX = 30;

const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box around a point that holds every point within `metres` (for an index range before haversine). */
export function boundingBox(p: { lat: number; lng: number }, metres: number) {
  const dLat = (metres / EARTH_M) * (180 / Math.PI);
  const cos = Math.max(0.01, Math.cos(rad(p.lat)));
  const dLng = dLat / cos;
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}

/** Far from the village: the village has landmarks and the point is far from all of them. Unknown otherwise. */
export function isFarFromVillage(p: { lat: number; lng: number }, landmarks: { lat: number; lng: number }[]): boolean {
  if (landmarks.length === 0) return false;
  return landmarks.every((l) => haversineM(p, l) > FAR_FROM_VILLAGE_M);
}

/** The grid worker of the report's grid, or the committee, reviews it. */
export function mayReview(actor: { role: string; gridId: string | null }, report: { gridId: string | null }): boolean {
  if (actor.role === "COMMITTEE") return true;
  return actor.role === "GRID_WORKER" && !!actor.gridId && actor.gridId === report.gridId;
}
