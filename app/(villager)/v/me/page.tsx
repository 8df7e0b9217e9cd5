import { MePage } from "@/components/auth/me-page";

export default function Page() {
  return <MePage />;
}
