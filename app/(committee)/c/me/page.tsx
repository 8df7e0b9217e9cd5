import { MePage } from "@/components/auth/me-page";
import { ProposeRelation } from "@/components/duties/propose-relation";

export default function Page() {
  return <MePage extra={<ProposeRelation />} />;
}
