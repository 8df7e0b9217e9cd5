import { AwardsPage } from "@/components/points/awards-page";

export default async function Page({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status } = await searchParams;
  return <AwardsPage base="/s" status={status} />;
}
