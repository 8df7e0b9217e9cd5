import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { serverCaller } from "@/server/trpc/server-caller";
import { PinForm } from "@/components/store/pin-form";
import { ChangePasswordForm } from "./change-password-form";
import { LinkRequests } from "./link-requests";
import { NotificationList } from "./notification-list";
import { SignOutButton } from "./sign-out-button";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

/**
 * 我的: who I am, which role I act as (and switching), requests to link my account to a household,
 * notifications, the household card PIN (villagers), the role's own part (`extra`), language, password, sign out.
 */
export async function MePage({ extra }: { extra?: React.ReactNode } = {}) {
  const [t, me] = await Promise.all([getTranslations(), (await serverCaller()).me.get()]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("me.title")}</PageTitle>
      <Card>
        <p className="text-xl font-bold">{me.name}</p>
        <p className="mt-1 text-base text-stone-600">
          {t("me.role")}：{me.regionName} · {t(`roles.${me.role}` as "roles.VILLAGER")}
        </p>
        {me.memberships.length > 1 ? (
          <Link href="/choose" className="mt-3 flex min-h-12 items-center justify-center rounded-xl border border-stone-300 bg-white text-lg" data-testid="switch-role">
            {t("me.switchRole")}
          </Link>
        ) : null}
      </Card>
      <LinkRequests />
      <NotificationList />
      {me.role === "VILLAGER" ? <PinForm /> : null}
      {extra}
      <Card className="flex items-center justify-between">
        <span className="text-lg">{t("lang.label")}</span>
        <LanguageSwitch />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("me.changePassword")}</h2>
        <ChangePasswordForm />
      </Card>
      <SignOutButton />
      <Card>
        <SignOutEverywhereButton />
      </Card>
    </div>
  );
}
