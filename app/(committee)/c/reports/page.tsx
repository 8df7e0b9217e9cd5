import { ReviewQueue } from "@/components/reports/review-queue";

export const dynamic = "force-dynamic";

/** 随手拍核实: every waiting report of the village (the committee reviews any grid's). */
export default function CommitteeReportsPage() {
  return <ReviewQueue />;
}
