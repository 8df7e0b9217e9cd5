import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/signin-form";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { env } from "@/server/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-data";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const t = await getTranslations();
  const demo =
    env.DEMO_MODE === "1"
      ? DEMO_ACCOUNTS.map((a) => ({
          phone: a.phone,
          name: a.name,
          roles: a.roles.map((r) => `${r.place}${t(`roles.${r.role}` as "roles.VILLAGER")}`),
        }))
      : [];
  return (
    <main className="mx-auto max-w-md px-4 pb-10 pt-6">
      <header className="mb-6 flex items-start justify-between">
        <div>
          <p className="text-3xl font-bold text-brand">{t("app.name")}</p>
          <p className="text-base text-stone-600">{t("app.tagline")}</p>
        </div>
        <LanguageSwitch />
      </header>
      <h1 className="mb-4 text-2xl font-bold">{t("signin.title")}</h1>
      <SignInForm demo={demo} demoPassword={env.DEMO_MODE === "1" ? DEMO_PASSWORD : null} />
    </main>
  );
}
