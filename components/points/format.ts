/** +5 / −30 with a real minus sign (easier to read than a hyphen). */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : "0";
}

/** Green for an addition, red for a deduction (the sign is always shown too, so colour is never the only cue). */
export function pointsTone(points: number): string {
  return points > 0 ? "text-green-700" : points < 0 ? "text-red-700" : "text-stone-700";
}
