import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/auth/actor";
import { Icon, type IconName } from "@/components/ui/icons";
import { BottomNav, type NavItem } from "./bottom-nav";

type Tab = { href: string; key: string; icon: IconName };

/**
 * The frame of every signed-in page: who and where at the top, the role's tabs at the bottom.
 * It does not bring the tRPC + query client (~24 KB gzip): the staff layouts wrap it in TrpcProvider,
 * the villager's pages only where they fetch from the browser (see the layouts under app/(villager)/v).
 */
export async function RoleShell({
  actor,
  tabs,
  children,
}: {
  actor: Actor;
  tabs: Tab[];
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  const items: NavItem[] = tabs.map((tab) => ({
    href: tab.href,
    icon: <Icon name={tab.icon} className="h-6 w-6" />,
    label: t(`nav.${tab.key}` as "nav.home"),
  }));
  return (
    <>
      <header className="sticky top-0 z-10 bg-brand px-4 py-3 text-white print:hidden">
        <div className="mx-auto flex max-w-2xl items-center justify-between">
          <span className="text-lg font-bold">{t("app.name")}</span>
          <span className="text-base" data-testid="whoami">
            {actor.regionName} · {t(`roles.${actor.role}` as "roles.VILLAGER")}
          </span>
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 pb-28 pt-4 print:max-w-none print:p-0">{children}</main>
      <BottomNav items={items} />
    </>
  );
}
