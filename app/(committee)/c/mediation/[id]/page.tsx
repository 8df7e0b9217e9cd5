import { StaffMediationCase } from "@/components/mediation/mediation-pages";

export const dynamic = "force-dynamic";

/** One mediation case (NOT_FOUND outside the reader's scope). */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <StaffMediationCase base="/c" id={(await params).id} />;
}
