import { RegisterPage } from "@/components/households/register-page";

export default function Page() {
  return <RegisterPage base="/s" />;
}
