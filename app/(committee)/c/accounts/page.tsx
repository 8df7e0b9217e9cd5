import { getTranslations } from "next-intl/server";
import { AccountManager } from "@/components/accounts/account-manager";
import { PageTitle } from "@/components/ui/card";

/** 账号管理: accounts of the people of this village (create, reset password, give or remove a role). */
export default async function AccountsPage() {
  const t = await getTranslations("account");
  return (
    <div className="space-y-3">
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 text-base text-stone-600">{t("hint")}</p>
      <AccountManager />
    </div>
  );
}
