import { ReviewQueue } from "@/components/reports/review-queue";

export const dynamic = "force-dynamic";

/** 随手拍核实: the grid's waiting reports, and a report filed for a household of the grid (proxy). */
export default function GridReportsPage() {
  return <ReviewQueue proxyForm />;
}
