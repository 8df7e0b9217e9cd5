import { RuleBooksPage } from "@/components/rules/books-page";

export default function Page() {
  return <RuleBooksPage base="/s" />;
}
