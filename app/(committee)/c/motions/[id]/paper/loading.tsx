import { PageLoading } from "@/components/points/page-loading";

export default function Loading() {
  return <PageLoading />;
}
