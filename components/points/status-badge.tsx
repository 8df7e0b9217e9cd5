import { useTranslations } from "next-intl";
import type { AwardStatus } from "@/server/modules/awards/award.schema";

const TONES: Record<AwardStatus, string> = {
  PROPOSED: "bg-amber-50 text-amber-900 ring-amber-300",
  APPROVED: "bg-sky-50 text-sky-900 ring-sky-300",
  IN_NOTICE: "bg-violet-50 text-violet-900 ring-violet-300",
  FINAL: "bg-green-50 text-green-800 ring-green-300",
  REJECTED: "bg-stone-100 text-stone-700 ring-stone-300",
  OVERTURNED: "bg-stone-100 text-stone-700 ring-stone-300",
  REVERSED: "bg-stone-100 text-stone-700 ring-stone-300",
};

/** An entry's state in words (待审核 / 公示中 / 已生效 …), never by colour alone. */
export function AwardStatusBadge({ status }: { status: string }) {
  const t = useTranslations("points.awardStatus");
  const tone = TONES[status as AwardStatus] ?? TONES.REJECTED;
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${tone}`} data-testid="award-status">
      {t(status as AwardStatus)}
    </span>
  );
}

/** Points as a large signed number: green +5, red −10. */
export function PointsFigure({ points, className = "text-2xl" }: { points: number; className?: string }) {
  const tone = points > 0 ? "text-green-700" : points < 0 ? "text-red-700" : "text-stone-700";
  return (
    <span className={`shrink-0 font-bold tabular-nums ${tone} ${className}`} data-testid="points">
      {points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : "0"}
    </span>
  );
}
