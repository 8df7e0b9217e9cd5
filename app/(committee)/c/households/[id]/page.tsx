import { HouseholdPage } from "@/components/households/household-page";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HouseholdPage base="/c" id={id} />;
}
