import { AwardPage } from "@/components/points/award-page";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AwardPage base="/c" id={id} />;
}
