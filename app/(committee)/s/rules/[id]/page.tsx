import { RuleBookPage } from "@/components/rules/book-page";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RuleBookPage base="/s" id={id} />;
}
