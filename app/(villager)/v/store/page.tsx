import { ComingPage } from "@/components/ui/coming-page";

export default function Page() {
  return <ComingPage feature="store" title="store" />;
}
