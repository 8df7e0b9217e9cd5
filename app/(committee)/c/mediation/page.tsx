import { StaffMediationList } from "@/components/mediation/mediation-pages";

export const dynamic = "force-dynamic";

/** 人民调解: the cases this person may read, and opening a case between households. */
export default function Page() {
  return <StaffMediationList base="/c" />;
}
