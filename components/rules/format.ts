/** +5 / −30 (a real minus sign, easier to read than a hyphen). */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : `−${Math.abs(points)}`;
}
